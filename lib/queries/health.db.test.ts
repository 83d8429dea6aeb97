import { afterEach, describe, expect, it } from "vitest";

import { GET as ready } from "@/app/api/health/ready/route";
import { closeConnection, openConnection } from "@/lib/db";
import { EXPECTED_MIGRATIONS } from "@/lib/migrations-expected";
import { pendingMigrations } from "@/lib/queries/health";
import { applyMigrations } from "@/lib/schema-engine";
import { DRAINING } from "@/lib/shutdown.mjs";
import { setUpTestDatabase } from "@/lib/testing/db";
import { withEmptyDatabase } from "@/lib/testing/empty-database";

setUpTestDatabase();

const drainFlag = globalThis as unknown as { [DRAINING]?: boolean };
afterEach(() => {
  drainFlag[DRAINING] = undefined;
});

describe("pending migrations", () => {
  it("are all of them on a database never migrated, and none once they are applied", async () => {
    await withEmptyDatabase("tenken_ready", async (target) => {
      const connection = openConnection(target);
      try {
        expect(await pendingMigrations(EXPECTED_MIGRATIONS, connection.prisma)).toEqual({
          database: "ok",
          pending: [...EXPECTED_MIGRATIONS],
        });
        await applyMigrations(target, connection);
        expect(await pendingMigrations(EXPECTED_MIGRATIONS, connection.prisma)).toEqual({
          database: "ok",
          pending: [],
        });
        // A build newer than the database: its migration is pending until it is applied.
        const newer = [...EXPECTED_MIGRATIONS, "29991231000000_from_a_newer_build"];
        expect(await pendingMigrations(newer, connection.prisma)).toEqual({
          database: "ok",
          pending: ["29991231000000_from_a_newer_build"],
        });
        // One that failed half-way is recorded, but not applied.
        await connection.prisma.$executeRaw`
          UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ${EXPECTED_MIGRATIONS.at(-1)}`;
        expect(await pendingMigrations(EXPECTED_MIGRATIONS, connection.prisma)).toEqual({
          database: "ok",
          pending: [EXPECTED_MIGRATIONS.at(-1)],
        });
      } finally {
        await closeConnection(connection);
      }
    });
  });

  it("say so when the database cannot be reached", async () => {
    const connection = openConnection({ kind: "postgres", url: "postgresql://tenken@127.0.0.1:9/tenken" });
    try {
      expect(await pendingMigrations(EXPECTED_MIGRATIONS, connection.prisma)).toEqual({
        database: "unreachable",
      });
    } finally {
      await closeConnection(connection);
    }
  });
});

describe("GET /api/health/ready", () => {
  it("is ready on the migrated database, and not once the server is shutting down", async () => {
    const answer = await ready();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await answer.json()).toEqual({ status: "ready", database: "ok", migrations: "applied" });

    drainFlag[DRAINING] = true;
    const draining = await ready();
    expect(draining.status).toBe(503);
    expect(draining.headers.get("cache-control")).toBe("no-store");
    expect(await draining.json()).toEqual({ status: "not-ready", reason: "shutting down" });
  });
});
