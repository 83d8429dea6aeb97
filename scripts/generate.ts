// Generates the Prisma client when schema.prisma changed since the last generation.
// PRISMA_SCHEMA_ENGINE_BINARY points the CLI at an existing file so that it skips downloading
// the native engine (unreachable offline); generation itself runs on WebAssembly.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const outputDir = path.resolve("lib/generated/prisma");
const stampFile = path.join(outputDir, ".schema-hash");

export async function ensureGeneratedClient({ force = false } = {}) {
  const hash = createHash("sha256").update(readFileSync("prisma/schema.prisma")).digest("hex");
  if (!force && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) return;
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");
  const anyExistingFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const result = spawnSync(process.execPath, [cli, "generate"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: anyExistingFile, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) throw new Error("prisma generate failed");
  writeFileSync(stampFile, hash);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await ensureGeneratedClient({ force: process.argv.includes("--force") });
}
