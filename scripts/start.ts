// npm start: generate the Prisma client and build the app when they are missing or stale, then
// run what production runs, from the built output under plain Node: migrate.js prepares the
// database (migrations, checklist, demo data on first start), server.js serves.
import { spawn } from "node:child_process";

import { buildIfStale, migrateEntry, serverArgs } from "./build-if-stale";
import { ensureGeneratedClient } from "./generate";

function fail(error: unknown): never {
  console.error(`tenken: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

await ensureGeneratedClient().catch(fail);
await buildIfStale().catch(fail);

const port = process.env.PORT ?? "3000";
const env = { ...process.env, PORT: port };
// Both say what went wrong themselves; a failed preparation stops the start.
const migrated = await new Promise<number | null>((resolve) =>
  spawn(process.execPath, [migrateEntry], { stdio: "inherit", env }).on("exit", resolve),
);
if (migrated !== 0) process.exit(1);

const server = spawn(process.execPath, serverArgs, { stdio: "inherit", env });
console.log(`tenken: serving http://localhost:${port}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
