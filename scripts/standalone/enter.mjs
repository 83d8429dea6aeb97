// What both entry points of the built output (server.js and migrate.js in .next/standalone) do
// first: run from the folder they were built into, as Next.js's own standalone server does, so
// that the traced files (the checklist, the migrations, Next.js's build) are found relative to it
// wherever the folder was copied.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Moves into the build's folder, keeping a relative TENKEN_DATA_DIR relative to where we started. */
export function enterBuildDir(entryUrl) {
  const dataDir = process.env.TENKEN_DATA_DIR?.trim() || ".data/pglite";
  if (!dataDir.startsWith("memory://")) process.env.TENKEN_DATA_DIR = path.resolve(dataDir);
  process.env.NODE_ENV = "production";
  const dir = path.dirname(fileURLToPath(entryUrl));
  process.chdir(dir);
  return dir;
}
