// Becomes .next/standalone/migrate.js (scripts/build-standalone.ts): scripts/prepare-db.ts under
// plain Node (migrations through the WebAssembly schema engine, the checklist, demo data, the
// first admin), from the built output.
import { fileURLToPath } from "node:url";

import { enterBuildDir } from "./enter.mjs";

enterBuildDir(import.meta.url);
// prepare-db.ts prepares the database when it is the script Node was started with, which in the
// bundle it is; Node names that script by the path it was given, the bundle knows itself by its
// real path, and the two differ when the folder is reached through a symbolic link.
process.argv[1] = fileURLToPath(import.meta.url);
await import("../prepare-db.ts");
