import { describe, expect, it } from "vitest";

import { closeConnection, openConnection } from "@/lib/db";
import { applyMigrations, diffMigrationSql, readMigrationsList } from "@/lib/schema-engine";
import { withEmptyDatabase } from "@/lib/testing/empty-database";

describe("migrations", () => {
  it("apply from an empty database through Prisma's engine, and a second run applies nothing", async () => {
    const { migrationDirectories } = await readMigrationsList();
    await withEmptyDatabase("tenken_empty", async (target) => {
      const connection = openConnection(target);
      try {
        const first = await applyMigrations(target, connection);
        expect(first).toEqual(migrationDirectories.map((migration) => migration.path));
        expect(await applyMigrations(target, connection)).toEqual([]);

        const recorded = await connection.prisma.$queryRaw<{ migration_name: string; finished: boolean }[]>`
          SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`;
        expect(recorded).toEqual(first.map((name) => ({ migration_name: name, finished: true })));

        const tables = await connection.prisma.$queryRaw<{ table_name: string }[]>`
          SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
        expect(tables.map((table) => table.table_name)).toEqual(
          expect.arrayContaining([
            "answer_events",
            "answers",
            "checklist_item_versions",
            "checklist_items",
            "services",
            "teams",
            "users",
          ]),
        );
      } finally {
        await closeConnection(connection);
      }
    });
  });

  it("match schema.prisma, so no schema change ships without its migration", async () => {
    expect(await diffMigrationSql()).toBeNull();
  });
});
