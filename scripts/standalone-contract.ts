// The contract the container image relies on, tested on the built output (.next/standalone): a
// copy owned by root and read-only, run as uid 65532 with an empty PATH and nothing but node,
// prepares a fresh PostgreSQL database with migrate.js (twice: the second run changes nothing),
// then server.js answers its readiness probe, signs in the demo admin and serves a page with its
// styles. Prints how long the server took to be ready and its memory.
//
// Run by `npm test` after the browser tests (which build the app), with DATABASE_URL naming a
// PostgreSQL server it may create a database on. Needs root: only root can change to another
// user and hand the copy to root. TENKEN_CONTRACT_NODE names another node binary to run the copy
// with: .ci/run runs it again on the Node.js LTS the image is built on.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

import { standaloneDir, standaloneMigrate, standaloneServer } from "./build-standalone";
import { signIn } from "./http";
import { SERVER_HEAP_MB } from "./server-heap";

const UNPRIVILEGED = "65532";
const NODE = process.env.TENKEN_CONTRACT_NODE?.trim() || process.execPath;
const SETPRIV = ["/usr/bin/setpriv", "/bin/setpriv"].find((candidate) => existsSync(candidate));
// The readiness probe once the app has one, its health check until then.
const READY_PATH = "/api/health/ready";
const DEMO_ADMIN = { email: "admin@demo.tenken.example", password: "tenken-demo-pass" };

function skip(reason: string): never {
  console.log(`tenken: SKIPPED the test of the built output as the image runs it: ${reason}`);
  process.exit(0);
}

class ContractBroken extends Error {
  constructor(
    message: string,
    readonly log?: string,
  ) {
    super(message);
  }
}

function fail(message: string, log?: string): never {
  throw new ContractBroken(message, log);
}

if (process.getuid?.() !== 0) skip("it must run as root, to run the copy as another user (setpriv)");
if (!SETPRIV) skip("setpriv is missing (Debian package util-linux)");
if (!process.env.DATABASE_URL?.trim())
  skip("DATABASE_URL names no PostgreSQL server to create a database on");
if (!existsSync(NODE)) {
  console.error(`tenken: TENKEN_CONTRACT_NODE names no file: ${NODE}`);
  process.exit(1);
}
const nodeVersion = spawnSync(NODE, ["--version"], { encoding: "utf8" }).stdout.trim();
if (!existsSync(standaloneMigrate) || !existsSync(standaloneServer)) {
  console.error(`tenken: ${standaloneDir} is incomplete: build it first (npm run build)`);
  process.exit(1);
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Starts a script of the copy as the unprivileged user, with only the environment given. */
function runAsNobody(appDir: string, script: string, env: Record<string, string>) {
  const child = spawn(
    SETPRIV!,
    [`--reuid=${UNPRIVILEGED}`, `--regid=${UNPRIVILEGED}`, "--clear-groups", NODE, script],
    {
      cwd: appDir,
      // As the image runs it (Dockerfile): the heap cap comes in NODE_OPTIONS.
      env: {
        NODE_ENV: "production",
        NODE_OPTIONS: `--max-old-space-size=${SERVER_HEAP_MB}`,
        PATH: "",
        HOME: "/nonexistent",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return { child, log: () => output.join("") };
}

async function migrate(appDir: string, env: Record<string, string>) {
  const run = runAsNobody(appDir, "migrate.js", env);
  const code = await new Promise<number | null>((resolve) => run.child.on("exit", resolve));
  if (code !== 0) fail(`migrate.js exited with ${code}`, run.log());
  return run.log();
}

async function waitUntilReady(baseUrl: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) fail(`server.js exited with ${server.exitCode}`, log());
    const ready = await fetch(`${baseUrl}${READY_PATH}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  fail(`server.js did not answer ${READY_PATH} within 60 s`, log());
}

/** Of the node process under setpriv, which setpriv became (same pid). */
function rssMb(pid: number) {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return Math.round(kb / 1024);
}

const countRows = async (client: pg.Client, sql: string) =>
  Number((await client.query<{ count: string }>(sql)).rows[0]!.count);

const workDir = mkdtempSync(path.join(os.tmpdir(), "tenken-contract-"));
const serverUrl = process.env.DATABASE_URL.trim();
const database = `tenken_contract_${process.pid}_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}"`);
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${database}`;
const db = new pg.Client({ connectionString: databaseUrl.href });
let server: ChildProcess | undefined;
try {
  // The unprivileged user must reach the copy; the copy is root's and nobody may write to it.
  chmodSync(workDir, 0o755);
  const appDir = path.join(workDir, "app");
  cpSync(standaloneDir, appDir, { recursive: true });
  for (const [command, ...args] of [
    ["chown", "-R", "root:root", appDir],
    ["chmod", "-R", "a-w", appDir],
  ]) {
    if (spawnSync(command!, args, { stdio: "inherit" }).status !== 0) fail(`${command} failed`);
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: databaseUrl.href,
    TENKEN_DEMO_DATA: "on",
    PORT: String(port),
    TENKEN_BASE_URL: baseUrl,
  };

  await migrate(appDir, env);
  await db.connect();
  const migrations = await countRows(
    db,
    "SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL",
  );
  const services = await countRows(db, "SELECT count(*) FROM services");
  if (migrations === 0 || services === 0) fail("migrate.js applied no migrations or loaded no demo services");
  await migrate(appDir, env);
  if (
    (await countRows(db, "SELECT count(*) FROM _prisma_migrations")) !== migrations ||
    (await countRows(db, "SELECT count(*) FROM services")) !== services
  )
    fail("migrate.js changed the database when run a second time");
  console.log(`migrate.js: ${migrations} migrations and the demo data, and nothing more on a second run`);

  const started = performance.now();
  const run = runAsNobody(appDir, "server.js", env);
  const child = (server = run.child);
  await waitUntilReady(baseUrl, child, run.log);
  const readySeconds = (performance.now() - started) / 1000;
  const rssAtReady = rssMb(child.pid!);

  const cookie = await signIn(baseUrl, DEMO_ADMIN).catch((error: Error) => fail(error.message, run.log()));
  const page = await fetch(`${baseUrl}/services`, { headers: { cookie } });
  const html = await page.text();
  if (page.status !== 200 || !html.includes("Checkout API"))
    fail(`/services answered ${page.status} without the demo service "Checkout API"`, run.log());
  const stylesheet = /\/_next\/static\/[^"]+\.css/.exec(html)?.[0];
  const styles = stylesheet ? await fetch(`${baseUrl}${stylesheet}`) : undefined;
  if (styles?.status !== 200)
    fail(`the page's stylesheet (${stylesheet ?? "none"}) was not served`, run.log());
  // Whatever the server tried to write into its own folder was refused; it must not have tried.
  if (/EACCES|EROFS|EPERM/.test(run.log()))
    fail("server.js tried to write outside a temporary folder", run.log());

  console.log(
    `server.js on Node.js ${nodeVersion} as uid ${UNPRIVILEGED} from a read-only copy: ready (${READY_PATH}) ${readySeconds.toFixed(1)} s after it was started, ` +
      `RSS ${rssAtReady} MB then and ${rssMb(child.pid!)} MB after a sign-in and a page; the demo admin signed in and /services was served with its styles`,
  );
} catch (error) {
  console.error(
    `tenken: the built output broke the image's contract: ${error instanceof Error ? error.message : String(error)}`,
  );
  if (error instanceof ContractBroken && error.log) console.error(`Its output:\n${error.log}`);
  process.exitCode = 1;
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.on("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await db.end().catch(() => {});
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  rmSync(workDir, { recursive: true, force: true });
}
