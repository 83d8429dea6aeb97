import pg from "pg";
import { inject } from "vitest";

import type { DatabaseTarget } from "@/lib/env";

/**
 * Runs `run` on a database nothing has touched: a new one on the test run's PostgreSQL server
 * (dropped afterwards), or a new in-memory PGlite when the run has none.
 */
export async function withEmptyDatabase(prefix: string, run: (target: DatabaseTarget) => Promise<void>) {
  const serverUrl = inject("databaseUrl");
  if (!serverUrl) return run({ kind: "pglite", dataDir: "memory://" });
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await run({ kind: "postgres", url: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
