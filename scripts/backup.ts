// Backs up tenken's database into one file, and restores such a file into an empty database:
// `npm run db:backup -- <file>` and `npm run db:restore -- <file>`. On a PostgreSQL server
// (DATABASE_URL) the file is pg_dump's custom format, written and read by the PostgreSQL client
// tools; on the embedded PGlite it is a gzipped tarball of the whole data directory, which must be
// taken and restored while tenken is stopped.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

import type { DatabaseTarget } from "@/lib/env";

export type BackupResult = {
  /** The backup file, as an absolute path. */
  file: string;
  bytes: number;
  /** The database, in words: which server and database, or which data directory. */
  where: string;
  /** The client tool that did the work, with its version (PostgreSQL only). */
  tool?: string;
};

type Options = { target: DatabaseTarget; file: string };

export async function backup({ target, file }: Options): Promise<BackupResult> {
  const destination = path.resolve(file);
  await assertFolderExists(destination);
  // Written next to the destination and renamed when complete, so that a failed backup never
  // leaves a truncated file behind, nor replaces a good one.
  const partial = `${destination}.partial`;
  try {
    const done =
      target.kind === "postgres"
        ? await backupServer(target.url, partial)
        : await backupPglite(target.dataDir, partial);
    await rename(partial, destination);
    return { ...done, file: destination, bytes: (await stat(destination)).size };
  } finally {
    await rm(partial, { force: true });
  }
}

export async function restore({ target, file }: Options): Promise<BackupResult> {
  const source = path.resolve(file);
  const bytes = await backupFileSize(source);
  const format = await detectFormat(source);
  const done =
    target.kind === "postgres"
      ? await restoreServer(target.url, source, format)
      : await restorePglite(target.dataDir, source, format);
  return { ...done, file: source, bytes };
}

// ---- PostgreSQL server: pg_dump / pg_restore ----

async function backupServer(url: string, file: string) {
  const connection = libpqConnection(url);
  const tool = await toolVersion("pg_dump");
  await runTool(
    "pg_dump",
    ["--format=custom", "--no-owner", "--no-privileges", "--file", file, connection.url],
    connection.env,
  );
  return { where: describeServer(url), tool };
}

async function restoreServer(url: string, file: string, format: BackupFormat) {
  if (format === "pglite")
    throw new Error(
      `${file} is a backup of the embedded PGlite, not of a PostgreSQL server: ` +
        "restore it with DATABASE_URL unset",
    );
  if (format !== "pg_dump") throw new Error(`${file} is not a backup written by npm run db:backup`);
  const connection = libpqConnection(url);
  const tool = await toolVersion("pg_restore");
  await assertEmptyServerDatabase(url);
  // --single-transaction: a restore that fails halfway rolls back entirely, so the database is
  // left empty and the restore can be tried again, rather than half restored.
  await runTool(
    "pg_restore",
    [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      "--dbname",
      connection.url,
      file,
    ],
    connection.env,
  );
  return { where: describeServer(url), tool };
}

// The password goes to the client tools through the environment rather than on their command
// line, where anyone on the machine can read it with `ps`.
function libpqConnection(url: string) {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const env: Record<string, string> = password ? { PGPASSWORD: password } : {};
  return { url: parsed.toString(), env };
}

function describeServer(url: string) {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "(the user's default)";
  return `PostgreSQL database "${database}" on ${parsed.host || "the local socket"}`;
}

async function assertEmptyServerDatabase(url: string) {
  const where = describeServer(url);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`could not connect to ${where}: ${messageOf(error)}`);
  }
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
       WHERE table_name IN ('_prisma_migrations', 'services')
         AND table_schema NOT IN ('pg_catalog', 'information_schema')
       ORDER BY 1`,
    );
    if (tables.length === 0) return;
    const counts = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${name}`);
      counts.push(`${name}: ${rows[0]?.count ?? "?"} rows`);
    }
    // Even empty, these tables make pg_restore fail; with rows, restoring over them would mix two
    // installations' data.
    throw new Error(
      `${where} already holds tenken's tables (${counts.join(", ")}). Restore only into an empty ` +
        `database: create one (createdb tenken_restored) and point DATABASE_URL at it.`,
    );
  } finally {
    await client.end();
  }
}

async function toolVersion(command: "pg_dump" | "pg_restore") {
  const output = await runTool(command, ["--version"], {});
  const version = /\d+(\.\d+)+/.exec(output)?.[0];
  return version ? `${command} ${version}` : command;
}

function runTool(command: "pg_dump" | "pg_restore", args: string[], env: Record<string, string>) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new Error(
              `${command} was not found on PATH. Install the PostgreSQL client tools of the server's ` +
                `major version or newer (Debian and Ubuntu: sudo apt-get install postgresql-client).`,
            )
          : error,
      ),
    );
    child.on("close", (code, signal) => {
      if (code === 0) return resolve(output);
      const detail = output.trim().replaceAll("\n", "\n  ");
      reject(
        new Error(`${command} failed (${signal ?? `exit code ${code}`}):\n  ${detail}${hintFor(output)}`),
      );
    });
  });
}

// The two version mismatches people meet, with what to do about them.
function hintFor(output: string) {
  const server = /server version: (\d+)/.exec(output)?.[1];
  if (/server version mismatch/.test(output))
    return (
      "\npg_dump must be of the server's major version or newer: install that version's client tools " +
      `(postgresql-client-${server ?? "<version>"} on Debian and Ubuntu) and put them first on PATH.`
    );
  if (/unsupported version .* in file header/.test(output))
    return (
      "\nThis pg_restore is older than the pg_dump that wrote the file: " +
      "use the client tools of that version or newer."
    );
  return "";
}

// ---- Embedded PGlite: its data directory as a tarball ----

async function backupPglite(dataDir: string, file: string) {
  assertOnDisk(dataDir);
  // Opening a folder without a database would create a new, empty one and back that up.
  if (!existsSync(path.join(dataDir, "PG_VERSION")))
    throw new Error(`there is no embedded database in ${dataDir} (is TENKEN_DATA_DIR right?)`);
  const pglite = await PGlite.create(dataDir);
  try {
    const tarball = await pglite.dumpDataDir("gzip");
    await writeFile(file, new Uint8Array(await tarball.arrayBuffer()));
  } finally {
    await pglite.close();
  }
  return { where: describePglite(dataDir) };
}

async function restorePglite(dataDir: string, file: string, format: BackupFormat) {
  assertOnDisk(dataDir);
  if (format === "pg_dump")
    throw new Error(
      `${file} is a backup of a PostgreSQL server (pg_dump), not of the embedded PGlite: ` +
        "restore it with DATABASE_URL set",
    );
  if (format !== "pglite") throw new Error(`${file} is not a backup written by npm run db:backup`);
  const existed = existsSync(dataDir);
  if (existed) {
    const entries = await readdir(dataDir);
    if (entries.length > 0)
      throw new Error(
        `${dataDir} already holds data (${entries.length} entries). Restore only into an empty or missing ` +
          `folder: move this one aside, or set TENKEN_DATA_DIR to a new folder.`,
      );
  }
  // PGlite's own decompression fails on a damaged file with an unhandled rejection that ends the
  // process, so the tarball is unpacked and checked here first.
  const tarball = await promisify(gunzip)(await readFile(file)).catch((error: unknown) => {
    throw new Error(`${file} is damaged: ${messageOf(error)}`);
  });
  if (tarball.subarray(257, 262).toString("latin1") !== "ustar")
    throw new Error(`${file} is not a backup written by npm run db:backup`);
  await mkdir(dataDir, { recursive: true });
  try {
    const pglite = await PGlite.create(dataDir, { loadDataDir: new Blob([tarball]) });
    try {
      // Fails now, rather than at tenken's next start, on a tarball that is no database.
      await pglite.query("SELECT count(*) FROM pg_class");
    } finally {
      await pglite.close();
    }
  } catch (error) {
    // Back to empty (or missing), as it was, so that the restore can be tried again.
    for (const entry of await readdir(dataDir))
      await rm(path.join(dataDir, entry), { recursive: true, force: true });
    if (!existed) await rm(dataDir, { recursive: true, force: true });
    throw new Error(`loading ${file} into ${dataDir} failed: ${messageOf(error)}`);
  }
  return { where: describePglite(dataDir) };
}

function assertOnDisk(dataDir: string) {
  if (dataDir.startsWith("memory://"))
    throw new Error("TENKEN_DATA_DIR is memory://: an in-memory database cannot be backed up or restored");
}

function describePglite(dataDir: string) {
  return `the embedded PGlite in ${dataDir}`;
}

// ---- Files ----

type BackupFormat = "pg_dump" | "pglite" | "unknown";

async function detectFormat(file: string): Promise<BackupFormat> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.toString("latin1") === "PGDMP") return "pg_dump";
    if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    return "unknown";
  } finally {
    await handle.close();
  }
}

async function backupFileSize(file: string) {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new Error(`there is no backup file ${file}`);
  return info.size;
}

async function assertFolderExists(file: string) {
  const folder = path.dirname(file);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`the folder ${folder} does not exist`);
}

function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function messageOf(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

// ---- Command line ----

const USAGE = "usage: npm run db:backup -- <file>\n       npm run db:restore -- <file>";

async function main([command, file, ...rest]: string[]) {
  if ((command !== "backup" && command !== "restore") || !file || file.startsWith("-") || rest.length > 0) {
    console.error(USAGE);
    process.exit(1);
  }
  // Imported here, so that an invalid environment ends in the message below, not a stack trace.
  const { databaseTarget } = await import("@/lib/env").catch((error: unknown) => fail(command, error));
  const target = databaseTarget();
  // npm runs scripts from the project's root; a relative path means the folder the command was typed in.
  const options = { target, file: path.resolve(process.env.INIT_CWD ?? process.cwd(), file) };
  if (target.kind === "pglite")
    console.log(
      "tenken: tenken must be stopped while this runs: PGlite is single-process and does not lock its data",
    );
  const result = await (command === "backup" ? backup(options) : restore(options)).catch((error: unknown) =>
    fail(command, error),
  );
  const size = formatBytes(result.bytes);
  const tool = result.tool ? ` with ${result.tool}` : "";
  console.log(
    command === "backup"
      ? `tenken: backed up ${result.where} to ${result.file} (${size})${tool}`
      : `tenken: restored ${result.file} (${size}) into ${result.where}${tool}`,
  );
}

function fail(command: string, error: unknown): never {
  console.error(`tenken: could not ${command === "backup" ? "back up" : "restore"}: ${messageOf(error)}`);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main(process.argv.slice(2));
}
