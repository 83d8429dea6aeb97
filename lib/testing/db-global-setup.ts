import pg from "pg";
import type { TestProject } from "vitest/node";

// Integration tests get a database of their own: a fresh one on the DATABASE_URL server when it
// is set (CI), otherwise an in-memory PGlite opened by each test file.
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | undefined;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    project.provide("databaseUrl", undefined);
    return;
  }
  const name = `tenken_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  project.provide("databaseUrl", url.toString());

  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.end();
  };
}
