import { getDb, type Db } from "@/lib/db";
import { isDatabaseUnreachable } from "@/lib/errors";

export async function checkDatabase(): Promise<"ok" | "unreachable"> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return "ok";
  } catch (error) {
    if (isDatabaseUnreachable(error)) return "unreachable";
    throw error;
  }
}

// No migration has ever run here: the driver's "undefined_table" (42P01) for _prisma_migrations,
// which raw queries report as P2010 with the driver's error attached.
function isMissingMigrationsTable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { cause, meta } = error as {
    cause?: { kind?: unknown; originalCode?: unknown; table?: unknown };
    meta?: { driverAdapterError?: unknown };
  };
  if (cause?.originalCode === "42P01" && cause.table === "_prisma_migrations") return true;
  return isMissingMigrationsTable(meta?.driverAdapterError, depth + 1);
}

/**
 * Which of the expected migrations the database has not applied (finished, not rolled back), in
 * their order. One query, which also proves the database answers: readiness probes call it every
 * few seconds on every replica.
 */
export async function pendingMigrations(
  expected: readonly string[],
  db: Db = getDb(),
): Promise<{ database: "ok"; pending: string[] } | { database: "unreachable" }> {
  try {
    const applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const names = new Set(applied.map((row) => row.migration_name));
    return { database: "ok", pending: expected.filter((name) => !names.has(name)) };
  } catch (error) {
    if (isDatabaseUnreachable(error)) return { database: "unreachable" };
    if (isMissingMigrationsTable(error)) return { database: "ok", pending: [...expected] };
    throw error;
  }
}
