import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { databaseTarget, type DatabaseTarget } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CLOSE_DATABASE } from "@/lib/shutdown.mjs";

export type Db = PrismaClient;
export type DbConnection = { prisma: PrismaClient; pglite?: PGlite };

// Nothing connects until the first query, so importing this module (as `next build` does)
// needs no database.
export function openConnection(target: DatabaseTarget): DbConnection {
  if (target.kind === "postgres") {
    // JIT compilation pays off for long analytical queries, not for a web app's: PostgreSQL's
    // cost estimate for the review queue's filters crosses jit_above_cost and the compile takes
    // longer than the query (measured: 28 ms of JIT on a 25 ms query), so tenken's sessions skip it.
    return {
      prisma: new PrismaClient({
        adapter: new PrismaPg({
          connectionString: target.url,
          options: "-c jit=off",
          // A database that stops answering without closing the connection (a network cut) is
          // noticed in seconds, not minutes: the save fails out loud and the person keeps their input.
          connectionTimeoutMillis: 10_000,
          keepAlive: true,
          keepAliveInitialDelayMillis: 10_000,
        }),
      }),
    };
  }
  if (!target.dataDir.startsWith("memory://")) mkdirSync(target.dataDir, { recursive: true });
  const pglite = new PGlite(target.dataDir);
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }), pglite };
}

export async function closeConnection(connection: DbConnection) {
  await connection.prisma.$disconnect();
  if (connection.pglite && !connection.pglite.closed) await connection.pglite.close();
}

// The one Prisma client of the process, cached on globalThis so that dev-mode reloads and
// separate route bundles share it (and PGlite's data directory is opened only once).
const globalForDb = globalThis as unknown as { tenkenDb?: DbConnection };

export function getConnection(): DbConnection {
  globalForDb.tenkenDb ??= openConnection(databaseTarget());
  return globalForDb.tenkenDb;
}

export function getDb(): PrismaClient {
  return getConnection().prisma;
}

/** Closes the process's connection; a second call (or one before any query) has nothing to close. */
export async function closeDb() {
  const connection = globalForDb.tenkenDb;
  globalForDb.tenkenDb = undefined;
  if (connection) await closeConnection(connection);
}

// The server (scripts/serve.mjs) cannot import this module from outside the app's bundle: it
// calls this once its last request has finished on SIGTERM.
(globalThis as unknown as { [CLOSE_DATABASE]?: () => Promise<void> })[CLOSE_DATABASE] = closeDb;
