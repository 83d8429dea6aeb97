import pg from "pg";

// "tenken" in ASCII: any fixed key no other application on the database uses. (Prisma's schema
// engine takes 72707369 for the migrations alone.)
const PREPARATION_LOCK = "127978993050990";

/**
 * Runs the preparation (migrations, checklist, demo data, first admin) holding a PostgreSQL
 * advisory lock, so that replicas starting together take turns: the later ones find it all done.
 * A session lock, on a connection of its own that lives exactly as long as the preparation; if the
 * process dies, PostgreSQL releases it with the connection.
 */
export async function withPreparationLock<T>(
  url: string,
  run: () => Promise<T>,
  { onWait }: { onWait?: () => void } = {},
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1::bigint) AS locked",
      [PREPARATION_LOCK],
    );
    if (!rows[0]?.locked) {
      onWait?.();
      await client.query("SELECT pg_advisory_lock($1::bigint)", [PREPARATION_LOCK]);
    }
    return await run();
  } finally {
    // Ending the session releases the lock, whether run succeeded or not.
    await client.end();
  }
}
