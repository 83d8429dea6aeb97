import { readdir, readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import type { DbConnection } from "@/lib/db";
import type { DatabaseTarget } from "@/lib/env";

// Migrations run through Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm): the native engine cannot be downloaded on air-gapped machines.
// It records applied migrations in _prisma_migrations with Prisma's checksums, so the regular
// `prisma migrate status|deploy` agrees wherever the native engine exists.

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
const LOCKFILE = "migration_lock.toml";
const NO_FILTER = { externalTables: [], externalEnums: [] };

type EngineRuntime = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type SchemaEngine = Awaited<ReturnType<EngineRuntime["SchemaEngine"]["new"]>>;

let runtimePromise: Promise<EngineRuntime> | undefined;

// The package's main entry imports the .wasm as an ES module, which plain Node refuses,
// so the module is instantiated here by hand.
function loadRuntime(): Promise<EngineRuntime> {
  runtimePromise ??= (async () => {
    const panics = globalThis as unknown as {
      PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void };
    };
    panics.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        throw new Error(`Prisma schema engine panicked: ${message}`);
      },
    };
    const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const wasmModule = new WebAssembly.Module(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return runtime;
  })();
  return runtimePromise;
}

async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory & { dispose?(): Promise<void> },
  run: (engine: SchemaEngine) => Promise<T>,
) {
  const runtime = await loadRuntime();
  const engine = await runtime.SchemaEngine.new(
    { datamodels: undefined },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await factory.dispose?.();
  }
}

type PgAdapter = SqlDriverAdapter & { underlyingDriver(): pg.Pool; onError(error: unknown): never };

// @prisma/adapter-pg runs a migration script by splitting it on every ";" (even inside strings
// and comments) and sending the pieces one by one, so a failure leaves half a migration behind.
// Sending the whole script as one simple query runs it as one implicit transaction, as
// Prisma's native engine does.
function wholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const pgAdapter = adapter as PgAdapter;
  pgAdapter.executeScript = async (script: string) => {
    try {
      await pgAdapter.underlyingDriver().query(script);
    } catch (error) {
      pgAdapter.onError(error);
    }
  };
  return pgAdapter;
}

// The engine takes its advisory lock through a connection pool, so the unlock may land on
// another connection than the lock; closing the engine's pools when it is done releases the
// lock for certain, instead of when an idle connection happens to time out.
function postgresFactory(url: string): SqlMigrationAwareDriverAdapterFactory & { dispose(): Promise<void> } {
  const inner = new PrismaPg({ connectionString: url });
  const opened: SqlDriverAdapter[] = [];
  const track = async (adapter: Promise<SqlDriverAdapter>) => {
    const connected = wholeScripts(await adapter);
    opened.push(connected);
    return connected;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => track(inner.connect()),
    connectToShadowDb: () => track(inner.connectToShadowDb()),
    dispose: async () => {
      await Promise.all(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

function adapterFactory(
  target: DatabaseTarget,
  connection: DbConnection,
): SqlMigrationAwareDriverAdapterFactory & { dispose?(): Promise<void> } {
  if (target.kind === "postgres") return postgresFactory(target.url);
  if (!connection.pglite) throw new Error("An embedded database connection has no PGlite instance");
  return new PrismaPGlite(connection.pglite);
}

export async function readMigrationsList(migrationsDir = MIGRATIONS_DIR) {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8"),
        },
      },
    })),
  );
  const lockfileContent = await readFile(path.join(migrationsDir, LOCKFILE), "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies every migration not yet applied; returns the names of those it applied. */
export async function applyMigrations(
  target: DatabaseTarget,
  connection: DbConnection,
  migrationsDir = MIGRATIONS_DIR,
) {
  const migrationsList = await readMigrationsList(migrationsDir);
  return withEngine(adapterFactory(target, connection), async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that brings the migration history up to schema.prisma, or null when they agree.
 * The history is replayed into a throwaway in-memory PGlite, never into a real database.
 */
export async function diffMigrationSql(schemaPath = SCHEMA_PATH, migrationsDir = MIGRATIONS_DIR) {
  const [migrationsList, schema] = await Promise.all([
    readMigrationsList(migrationsDir),
    readFile(schemaPath, "utf8"),
  ]);
  const scratch = await PGlite.create();
  try {
    return await withEngine(new PrismaPGlite(scratch), async (engine) => {
      const from = migrationsList.migrationDirectories.length
        ? { tag: "migrations" as const, ...migrationsList }
        : { tag: "empty" as const };
      const result = await engine.diff({
        from,
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      return result.exitCode === 2 ? (result.stdout ?? "") : null;
    });
  } finally {
    await scratch.close();
  }
}

export async function hasMigrationsDir(migrationsDir = MIGRATIONS_DIR) {
  return stat(migrationsDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
