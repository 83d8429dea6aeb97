// Builds the app when there is no build yet or a source file is newer than the last build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

export const nextBin = path.resolve("node_modules/next/dist/bin/next");
// The production server (Next.js behind tenken's guard), started with plain Node.
export const serverEntry = path.resolve("scripts/serve.mjs");

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
    stats.mtimeMs,
  );
}

function buildIsStale() {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.resolve(source)) > built);
}

export function buildIfStale() {
  if (!buildIsStale()) return;
  console.log("tenken: building the app (first start or changed sources)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed");
}
