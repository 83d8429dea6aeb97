// Builds the app when there is no build yet or a source file is newer than the last build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import { completeStandalone, standaloneMigrate, standaloneServer } from "./build-standalone";
import { heapArgs } from "./server-heap";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
// Built into the production output after `next build` (scripts/build-standalone.ts).
const SERVER_SOURCES = [
  "scripts/serve.mjs",
  "scripts/prepare-db.ts",
  "scripts/standalone",
  "scripts/build-standalone.ts",
];

export const nextBin = path.resolve("node_modules/next/dist/bin/next");
// The production server (Next.js behind tenken's guard), started with plain Node.
export const serverEntry = standaloneServer;
// With the heap cap every production server tenken starts runs under (scripts/server-heap.ts).
export const serverArgs = [...heapArgs(), serverEntry];
// Prepares the database (migrations, checklist, demo data, first admin), with plain Node.
export const migrateEntry = standaloneMigrate;

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
    stats.mtimeMs,
  );
}

function builtAt(file: string) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

const newerThan = (sources: string[], built: number) =>
  sources.some((source) => newestMtime(path.resolve(source)) > built);

export async function buildIfStale() {
  const built = builtAt(path.resolve(".next/BUILD_ID"));
  if (!built || newerThan(SOURCES, built)) {
    console.log("tenken: building the app (first start or changed sources)...");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  } else {
    const completed = builtAt(migrateEntry);
    if (completed >= built && !newerThan(SERVER_SOURCES, completed)) return;
  }
  await completeStandalone();
}
