// Applies pending migrations and seeds what is missing. Run by `npm start` before the server
// starts, and on its own with `npm run db:migrate`.
import { pathToFileURL } from "node:url";

import { ensureGeneratedClient } from "./generate";

/** `demo: false` never loads the demo organisation (bench and load runs bring data of their own). */
export async function prepareDatabase({ demo = true }: { demo?: boolean } = {}) {
  await ensureGeneratedClient();
  const [
    { closeDb, getConnection },
    { databaseTarget, demoDataPolicy, env, publicBaseUrl },
    { applyMigrations },
    { seedDatabase },
    { ensureFirstAdmin },
    { withPreparationLock },
  ] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/env"),
    import("@/lib/schema-engine"),
    import("@/prisma/seed"),
    import("@/lib/queries/setup"),
    import("@/lib/queries/preparation-lock"),
  ]);
  const target = databaseTarget();
  const where =
    target.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${target.dataDir}`;
  const demoData = demo
    ? demoDataPolicy(target.kind, env.TENKEN_DEMO_DATA)
    : { load: false as const, reason: "not wanted for this run" };

  async function prepare() {
    const applied = await applyMigrations(target, getConnection());
    console.log(
      applied.length
        ? `tenken: applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
        : `tenken: ${where} is up to date`,
    );
    const seeded = await seedDatabase({ demo: demoData.load });
    if (seeded.checklistLoaded) console.log("tenken: loaded the default checklist");
    if (seeded.demoLoaded) console.log("tenken: loaded the demo organisation (demo users: see the README)");
    else if (!demoData.load) console.log(`tenken: demo data not loaded: ${demoData.reason}`);
    else console.log("tenken: demo data not loaded: the database already has teams");
    const admin = await ensureFirstAdmin();
    if (admin.kind === "created-from-env")
      console.log(`tenken: created the initial admin ${admin.email} from TENKEN_ADMIN_EMAIL`);
    if (admin.kind === "invalid-env")
      throw new Error(
        `TENKEN_ADMIN_EMAIL / TENKEN_ADMIN_PASSWORD were refused:\n  ${admin.problems.join("\n  ")}`,
      );
    if (admin.kind === "setup-link") {
      console.log(
        `tenken: no admin yet. Open this one-time link to create the first admin:\n\n    ${publicBaseUrl()}/setup?token=${admin.token}\n`,
      );
    }
  }

  try {
    // Replicas starting together on one PostgreSQL server take turns; the embedded database
    // belongs to this one process.
    if (target.kind === "postgres")
      await withPreparationLock(target.url, prepare, {
        onWait: () => console.log("tenken: another tenken is preparing the database; waiting for it"),
      });
    else await prepare();
  } finally {
    await closeDb();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await prepareDatabase().catch((error: unknown) => {
    console.error(
      `tenken: could not prepare the database: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
