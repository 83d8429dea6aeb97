// Completes what `next build` leaves in .next/standalone into the production output, which runs
// under plain Node with nothing else from the repository:
//   server.js   tenken's server (scripts/serve.mjs) in place of Next.js's minimal one;
//   migrate.js  migrations, the checklist, demo data and the first admin (scripts/prepare-db.ts);
//   the static files and public/, which Next.js leaves out, and what migrate.js reads at run time.
// Run by `npm run build` after `next build`, and by `npm start` when it builds.
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import nft from "next/dist/compiled/@vercel/nft/index.js";

export const standaloneDir = path.resolve(".next/standalone");
export const standaloneServer = path.join(standaloneDir, "server.js");
export const standaloneMigrate = path.join(standaloneDir, "migrate.js");

// The generated client is part of the build; generating it needs the Prisma CLI, which the
// output does not carry.
const generatedClientIsBuiltIn: Plugin = {
  name: "generated-client-is-built-in",
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/generate$/ }, () => ({ path: "generate", namespace: "built-in" }));
    esbuild.onLoad({ filter: /.*/, namespace: "built-in" }, () => ({
      contents: "export async function ensureGeneratedClient() {}",
      loader: "js",
    }));
  },
};

/** Bundles our own code of an entry into one file; packages stay imports, traced separately. */
async function bundle(entry: string, outfile: string, plugins: Plugin[] = []) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    packages: "external",
    logLevel: "warning",
    plugins,
  });
}

/** Copies every file the script needs at run time (packages, WebAssembly) into the output. */
async function copyTraced(script: string, extraFiles: string[]) {
  const root = process.cwd();
  const { fileList } = await nft.nodeFileTrace([script], { base: root, processCwd: root });
  for (const file of [...fileList, ...extraFiles]) {
    if (path.resolve(root, file) === script) continue;
    const target = path.join(standaloneDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.resolve(root, file), target, { dereference: true });
  }
}

export async function completeStandalone() {
  if (!existsSync(path.join(standaloneDir, ".next/required-server-files.json")))
    throw new Error(`${standaloneDir} is missing: next build did not make the standalone output`);
  cpSync(".next/static", path.join(standaloneDir, ".next/static"), { recursive: true });
  if (existsSync("public")) cpSync("public", path.join(standaloneDir, "public"), { recursive: true });

  await bundle("scripts/standalone/server.mjs", standaloneServer);

  // Bundled beside the repository's node_modules first, so that tracing finds the packages there.
  const staging = path.resolve(".next/migrate.js");
  await bundle("scripts/standalone/migrate.mjs", staging, [generatedClientIsBuiltIn]);
  // The schema engine's WebAssembly is read by a path the tracer cannot follow (lib/schema-engine.ts).
  await copyTraced(staging, ["node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm"]);
  rmSync(path.join(standaloneDir, "prisma/migrations"), { recursive: true, force: true });
  cpSync("prisma/migrations", path.join(standaloneDir, "prisma/migrations"), { recursive: true });
  cpSync(
    "prisma/seed/default-checklist.yaml",
    path.join(standaloneDir, "prisma/seed/default-checklist.yaml"),
  );
  // Last, so that its presence means the output is complete (scripts/build-if-stale.ts).
  cpSync(staging, standaloneMigrate);
  rmSync(staging);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await completeStandalone().catch((error: unknown) => {
    console.error(
      `tenken: could not complete the standalone output: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
