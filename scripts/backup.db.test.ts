import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { closeConnection, getConnection, openConnection, type Db } from "@/lib/db";
import { databaseTarget, type DatabaseTarget } from "@/lib/env";
import { saveAnswer } from "@/lib/queries/answers";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { applyMigrations } from "@/lib/schema-engine";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";
import { submitNewEvidence, submitReviewDecision } from "@/lib/testing/item-forms";

import { backup, restore } from "./backup";

const getDb = setUpTestDatabase();

const TODAY = "2026-11-27";
const ITEM = "logs.delivery-reliability";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABAQMAAAAl21bKAAAAA1BMVEX/AAAZ4gk3AAAACklEQVQI12NgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==",
  "base64",
);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const onServer = databaseTarget().kind === "postgres";
const scratch = await mkdtemp(path.join(os.tmpdir(), "tenken-backup-test-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

function form(entries: Record<string, string | Blob>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) {
    if (typeof value === "string") data.append(key, value);
    else data.append(key, value, "dashboard.png");
  }
  return data;
}

/** A team with a service, answers, evidence (a link and a PNG) and a review, written by the app's code. */
async function createOrganisation() {
  const team = await createTestTeam();
  const member = await createTestUser("MEMBER", [team.id]);
  const reviewer = await createTestUser("SRE");
  const slug = unique("backup");
  await createService(
    { name: slug, slug, description: "Kept in a backup", teamId: team.id, tier: 2, traits: [] },
    member,
  );
  const service = (await getServiceBySlug(slug))!;
  await saveAnswer({ serviceId: service.id, itemKey: ITEM, status: "MET", note: "Alerted on" }, member);
  await saveAnswer(
    { serviceId: service.id, itemKey: "logs.log-to-metric-backlog", status: "PARTIAL", note: "Half of it" },
    member,
  );
  const context = { actor: member, today: TODAY };
  const target = { serviceId: service.id, itemKey: ITEM };
  expect(
    await submitNewEvidence(
      form({ ...target, kind: "LINK", url: "https://grafana.example/d/logs" }),
      context,
    ),
  ).toMatchObject({ ok: true });
  expect(
    await submitNewEvidence(form({ ...target, kind: "FILE", file: new Blob([PNG]) }), context),
  ).toMatchObject({ ok: true });
  expect(
    // The answer as saved once above: its first revision.
    await submitReviewDecision(form({ ...target, decision: "ACCEPT", revision: "1" }), {
      actor: reviewer,
      today: TODAY,
    }),
  ).toMatchObject({ ok: true });
  return service;
}

/** Every row of every table, ordered, as PostgreSQL writes it as JSON (bytea as hex: all of its bytes). */
async function contents(db: Db) {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const rows: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const [result] = await db.$queryRawUnsafe<{ rows: string }[]>(
      `SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS rows FROM "${name}" t`,
    );
    rows[name] = JSON.parse(result!.rows) as unknown[];
  }
  return rows;
}

/** The bytes of a service's evidence files as stored, hashed by the database itself. */
function storedFileHashes(db: Db, serviceId: string) {
  return db.$queryRaw<{ content: string }[]>`
    SELECT encode(sha256(f.content), 'hex') AS content FROM evidence_files f
    JOIN evidence e ON e.id = f.evidence_id JOIN answers a ON a.id = e.answer_id
    WHERE a.service_id = ${serviceId}::uuid`;
}

/** For each serial column, whether its sequence is at or past the largest id, so new rows cannot collide. */
async function sequencesAhead(db: Db) {
  const columns = await db.$queryRaw<{ table: string; column: string; sequence: string }[]>`
    SELECT table_name::text AS table, column_name::text AS column,
           pg_get_serial_sequence(format('%I', table_name), column_name) AS sequence
    FROM information_schema.columns
    WHERE table_schema = 'public' AND column_default LIKE 'nextval(%' ORDER BY 1, 2`;
  const ahead: Record<string, boolean> = {};
  for (const { table, column, sequence } of columns) {
    const [result] = await db.$queryRawUnsafe<{ ahead: boolean }[]>(
      `SELECT (SELECT last_value FROM ${sequence}) >= coalesce(max("${column}"), 0) AS ahead FROM "${table}"`,
    );
    ahead[`${table}.${column}`] = result!.ahead;
  }
  return ahead;
}

/** Restored and original agree on every row, and the organisation and its PNG are among them. */
async function expectSameDatabase(restored: Db, serviceId: string) {
  const [original, copy] = [await contents(getDb()), await contents(restored)];
  for (const table of ["services", "answers", "answer_events", "evidence", "evidence_files", "audit_events"])
    expect(copy[table]?.length, table).toBeGreaterThan(0);
  expect(copy).toEqual(original);
  expect(await storedFileHashes(restored, serviceId)).toEqual([{ content: sha256(PNG) }]);
  const sequences = await sequencesAhead(restored);
  expect(Object.keys(sequences)).toEqual(expect.arrayContaining(["audit_events.id", "answer_events.id"]));
  expect(Object.values(sequences).every(Boolean), JSON.stringify(sequences)).toBe(true);
}

async function withEmptyServerDatabase(run: (target: DatabaseTarget) => Promise<void>) {
  const serverUrl = databaseTarget();
  if (serverUrl.kind !== "postgres") throw new Error("needs a PostgreSQL server");
  const name = `tenken_restore_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(serverUrl.url);
    url.pathname = `/${name}`;
    await run({ kind: "postgres", url: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function withConnection<T>(target: DatabaseTarget, run: (db: Db) => Promise<T>) {
  const connection = openConnection(target);
  try {
    return await run(connection.prisma);
  } finally {
    await closeConnection(connection);
  }
}

describe("backup and restore", () => {
  it.runIf(onServer)(
    "on a PostgreSQL server: pg_dump's backup, restored into a new empty database, holds every row and byte",
    async () => {
      const service = await createOrganisation();
      const file = path.join(scratch, "tenken.dump");
      const backedUp = await backup({ target: databaseTarget(), file });
      expect(backedUp).toMatchObject({ file, where: expect.stringContaining("PostgreSQL database") });
      expect(backedUp.bytes).toBeGreaterThan(PNG.length);

      await withEmptyServerDatabase(async (target) => {
        const restored = await restore({ target, file });
        expect(restored).toMatchObject({
          file,
          bytes: backedUp.bytes,
          tool: expect.stringMatching(/^pg_restore/),
        });
        await withConnection(target, (db) => expectSameDatabase(db, service.id));
        // A second restore would mix two installations' rows, so it is refused.
        await expect(restore({ target, file })).rejects.toThrow(/already holds tenken's tables/);
      });
    },
  );

  it.runIf(!onServer)(
    "on the embedded PGlite: the data directory's backup, restored into an empty folder, holds every row",
    async () => {
      const service = await createOrganisation();
      // The test database lives in memory; a copy of it on disk is what tenken's data directory is.
      const seed = path.join(scratch, "seed.tar.gz");
      const dump = await getConnection().pglite!.dumpDataDir("gzip");
      await writeFile(seed, new Uint8Array(await dump.arrayBuffer()));
      const original: DatabaseTarget = { kind: "pglite", dataDir: path.join(scratch, "original") };
      await restore({ target: original, file: seed });

      const file = path.join(scratch, "tenken.tar.gz");
      const backedUp = await backup({ target: original, file });
      expect(backedUp).toMatchObject({ file, where: `the embedded PGlite in ${original.dataDir}` });
      const copy: DatabaseTarget = { kind: "pglite", dataDir: path.join(scratch, "restored") };
      await mkdir(copy.dataDir);
      expect(await restore({ target: copy, file })).toMatchObject({ file, bytes: backedUp.bytes });
      await withConnection(copy, (db) => expectSameDatabase(db, service.id));
      await expect(restore({ target: copy, file })).rejects.toThrow(/already holds data/);
    },
  );

  // CI runs the integration tests on a server only, so the embedded path is also tested there, on a
  // data directory of its own migrated by the app's schema engine.
  it("on the embedded PGlite, whatever the test database: a migrated data directory comes back", async () => {
    const original: DatabaseTarget = { kind: "pglite", dataDir: path.join(scratch, "migrated") };
    const probe = Buffer.concat([PNG, Buffer.from([0, 1, 2, 255])]);
    const connection = openConnection(original);
    try {
      await applyMigrations(original, connection);
      await connection.prisma.$executeRawUnsafe(
        "CREATE TABLE backup_probe (id int PRIMARY KEY, note text, content bytea)",
      );
      await connection.prisma
        .$executeRaw`INSERT INTO backup_probe VALUES (1, 'ß ✓ 点検', ${probe}), (2, NULL, NULL)`;
    } finally {
      await closeConnection(connection);
    }
    const file = path.join(scratch, "migrated.tar.gz");
    await backup({ target: original, file });
    const copy: DatabaseTarget = { kind: "pglite", dataDir: path.join(scratch, "migrated-restored") };
    await restore({ target: copy, file });

    const before = await withConnection(original, contents);
    await withConnection(copy, async (db) => {
      const after = await contents(db);
      expect(after["_prisma_migrations"]?.length).toBeGreaterThan(0);
      expect(after).toEqual(before);
      const rows = await db.$queryRaw<
        { content: Uint8Array }[]
      >`SELECT content FROM backup_probe WHERE id = 1`;
      expect(Buffer.from(rows[0]!.content).equals(probe)).toBe(true);
    });
  });

  it("refuses, with a message that says why, what it cannot do safely", async () => {
    const folder = path.join(scratch, "refusals");
    await mkdir(folder);
    const nothing: DatabaseTarget = { kind: "pglite", dataDir: path.join(folder, "no-database") };
    await mkdir(nothing.dataDir);
    await expect(backup({ target: nothing, file: path.join(folder, "a.tar.gz") })).rejects.toThrow(
      /no embedded database in/,
    );
    // Nothing was created: neither a backup nor, by opening the folder, a new empty database.
    expect(await readdir(nothing.dataDir)).toEqual([]);
    expect(existsSync(path.join(folder, "a.tar.gz"))).toBe(false);

    await expect(
      backup({ target: nothing, file: path.join(folder, "missing-folder", "a.tar.gz") }),
    ).rejects.toThrow(/folder .* does not exist/);
    await expect(
      backup({ target: { kind: "pglite", dataDir: "memory://" }, file: path.join(folder, "a.tar.gz") }),
    ).rejects.toThrow(/memory:\/\//);

    const pgliteFile = path.join(folder, "pglite.tar.gz");
    const serverFile = path.join(folder, "server.dump");
    await writeFile(pgliteFile, Buffer.from([0x1f, 0x8b, 8, 0]));
    await writeFile(serverFile, "PGDMP\u0001\u000f");
    const occupied: DatabaseTarget = { kind: "pglite", dataDir: path.join(folder, "occupied") };
    await mkdir(occupied.dataDir);
    await writeFile(path.join(occupied.dataDir, "PG_VERSION"), "17\n");
    await expect(restore({ target: occupied, file: pgliteFile })).rejects.toThrow(/already holds data/);
    expect(await readdir(occupied.dataDir)).toEqual(["PG_VERSION"]);
    await expect(restore({ target: nothing, file: pgliteFile })).rejects.toThrow(/is damaged/);
    expect(await readdir(nothing.dataDir)).toEqual([]);

    const unreachable: DatabaseTarget = { kind: "postgres", url: "postgresql://nobody@127.0.0.1:1/none" };
    await expect(restore({ target: unreachable, file: pgliteFile })).rejects.toThrow(
      /backup of the embedded PGlite/,
    );
    await expect(restore({ target: nothing, file: serverFile })).rejects.toThrow(
      /backup of a PostgreSQL server/,
    );
    await expect(restore({ target: nothing, file: path.join(folder, "none.dump") })).rejects.toThrow(
      /no backup file/,
    );

    const path_ = process.env.PATH;
    process.env.PATH = folder;
    try {
      await expect(backup({ target: unreachable, file: path.join(folder, "b.dump") })).rejects.toThrow(
        /pg_dump was not found on PATH/,
      );
      await expect(restore({ target: unreachable, file: serverFile })).rejects.toThrow(
        /pg_restore was not found on PATH/,
      );
    } finally {
      process.env.PATH = path_;
    }
  });
});
