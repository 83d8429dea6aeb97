// Applies pending migrations and seeds what is missing. Run by `npm start` before the server
// starts, and on its own with `npm run db:migrate`.
import { pathToFileURL } from "node:url";
import { ensureGeneratedClient } from "./generate";

export async function prepareDatabase({ demo = true }: { demo?: boolean } = {}) {
  await ensureGeneratedClient();
  const [{ closeDb, getConnection }, { databaseTarget, env }, { applyMigrations }, { seedDatabase }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/env"),
    import("@/lib/schema-engine"),
    import("@/prisma/seed"),
  ]);
  const target = databaseTarget();
  const where = target.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${target.dataDir}`;
  try {
    const applied = await applyMigrations(target, getConnection());
    console.log(applied.length ? `tenken: applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}` : `tenken: ${where} is up to date`);
    const seeded = await seedDatabase({ demo: demo && env.TENKEN_DEMO_DATA !== "off" });
    if (seeded.checklistLoaded) console.log("tenken: loaded the default checklist");
    if (seeded.demoLoaded) console.log("tenken: loaded the demo organisation");
  } finally {
    await closeDb();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await prepareDatabase().catch((error: unknown) => {
    console.error(`tenken: could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
