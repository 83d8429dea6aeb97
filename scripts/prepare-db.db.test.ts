import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";

import { EXPECTED_MIGRATIONS } from "@/lib/migrations-expected";

const serverUrl = inject("databaseUrl");
const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");
const ADMIN_EMAIL = "first-admin@test.tenken.example";

/** `npm run db:migrate` as a replica's start runs it: its own process, its exit code and log. */
function prepare(databaseUrl: string) {
  return new Promise<{ code: number | null; log: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, "scripts/prepare-db.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        TENKEN_DEMO_DATA: "off",
        TENKEN_ADMIN_EMAIL: ADMIN_EMAIL,
        TENKEN_ADMIN_PASSWORD: "a long enough first admin pass phrase",
      },
    });
    let log = "";
    child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, log }));
  });
}

const count = (logs: string[], line: string) => logs.filter((log) => log.includes(line)).length;

// The embedded database belongs to one process: there is nothing to take turns on.
describe.skipIf(!serverUrl)("preparing one PostgreSQL database from two replicas at once", () => {
  it("migrates, loads the checklist and creates the first admin once, without an error", async () => {
    const name = `tenken_prepare_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    try {
      const runs = await Promise.all([prepare(url.toString()), prepare(url.toString())]);
      const logs = runs.map((run) => run.log);
      expect(
        runs.map((run) => run.code),
        logs.join("\n----\n"),
      ).toEqual([0, 0]);
      expect(count(logs, `applied ${EXPECTED_MIGRATIONS.length} migration(s)`)).toBe(1);
      expect(count(logs, "is up to date")).toBe(1);
      expect(count(logs, "loaded the default checklist")).toBe(1);
      expect(count(logs, `created the initial admin ${ADMIN_EMAIL}`)).toBe(1);
      expect(count(logs, "demo data not loaded: TENKEN_DEMO_DATA=off")).toBe(2);

      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      try {
        const migrations = await db.query<{ migration_name: string; finished: boolean }>(
          "SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name",
        );
        expect(migrations.rows).toEqual(
          EXPECTED_MIGRATIONS.map((migration) => ({ migration_name: migration, finished: true })),
        );
        const stored = await db.query<Record<string, number>>(`
          SELECT (SELECT count(*)::int FROM checklists) AS checklists,
                 (SELECT count(*)::int FROM checklist_versions) AS versions,
                 (SELECT count(*)::int FROM checklist_items) AS items,
                 (SELECT count(*)::int FROM users WHERE email = '${ADMIN_EMAIL}') AS admins,
                 (SELECT count(*)::int FROM teams) AS teams`);
        const row = stored.rows[0]!;
        expect(row).toMatchObject({ checklists: 1, versions: 1, admins: 1, teams: 0 });
        expect(row.items).toBeGreaterThan(0);
      } finally {
        await db.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 240_000);
});
