// npm test: every test. Formatting and lint, the type check, unit and integration tests (against
// DATABASE_URL when set, an embedded PGlite otherwise), then the browser tests against the built
// app with a database of their own, then the built output as the container image runs it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

import { standaloneMigrate } from "./build-standalone";
import { findChromium } from "./find-chromium";
import { ensureGeneratedClient } from "./generate";

function run(title: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n== ${title}`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status === 0) return true;
  console.error(`\ntenken: ${title} failed.`);
  return false;
}

async function withE2eDatabase(runTests: (env: NodeJS.ProcessEnv) => boolean): Promise<boolean> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  const stamp = `${process.pid}_${Date.now()}`;
  if (!serverUrl) {
    const dataDir = path.resolve(`.data/e2e-${stamp}`);
    mkdirSync(path.dirname(dataDir), { recursive: true });
    try {
      return runTests({ ...process.env, E2E_DATA_DIR: dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const name = `tenken_e2e_${stamp}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return runTests({ ...process.env, E2E_DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

await ensureGeneratedClient();
if (
  !run("formatting (Prettier; npm run format fixes it)", [
    "node_modules/prettier/bin/prettier.cjs",
    "--check",
    ".",
  ])
)
  process.exit(1);
if (!run("lint (ESLint)", ["node_modules/eslint/bin/eslint.js", "--max-warnings", "0", "."])) process.exit(1);
if (!run("type check", ["node_modules/typescript/bin/tsc", "--noEmit"])) process.exit(1);
if (!run("unit and integration tests", ["node_modules/vitest/vitest.mjs", "run"])) process.exit(1);

const chromium = await findChromium().catch((error: Error) => {
  console.error(`\ntenken: ${error.message}`);
  process.exit(1);
});
const browserTestsPassed = await withE2eDatabase((env) =>
  run(
    "browser tests (Playwright)",
    ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)],
    { ...env, CHROMIUM_PATH: chromium },
  ),
);
if (!browserTestsPassed) process.exit(1);
// The browser tests started the app as `npm start` does, which built it.
if (!existsSync(standaloneMigrate)) {
  console.log("\ntenken: no built output (.next/standalone), so it was not tested as the image runs it.");
  process.exit(0);
}
const outputPassed = run("the built output, read-only, as an unprivileged user with nothing but node", [
  "node_modules/tsx/dist/cli.mjs",
  "scripts/standalone-contract.ts",
]);
process.exit(outputPassed ? 0 : 1);
