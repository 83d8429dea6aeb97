// npm start: generate the Prisma client and build the app when they are missing or stale,
// prepare the database (migrations, checklist, demo data on first start), then serve.
import { spawn } from "node:child_process";

import { buildIfStale, serverEntry } from "./build-if-stale";
import { ensureGeneratedClient } from "./generate";
import { prepareDatabase } from "./prepare-db";

function fail(error: unknown): never {
  console.error(`tenken: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

await ensureGeneratedClient().catch(fail);
try {
  buildIfStale();
} catch (error) {
  fail(error);
}
await prepareDatabase().catch((error: unknown) =>
  fail(`could not prepare the database: ${error instanceof Error ? error.message : String(error)}`),
);

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [serverEntry], {
  stdio: "inherit",
  env: { ...process.env, PORT: port },
});
console.log(`tenken: serving http://localhost:${port}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
