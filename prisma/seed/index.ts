import { getDb } from "@/lib/db";
import { ensureFoundation } from "@/lib/queries/setup";
import { seedDemoOrganisation } from "@/prisma/seed/demo";

/**
 * Idempotent: what every installation needs (the default checklist, the built-in user), and the
 * demo organisation only into a database that has no teams yet (a first start).
 */
export async function seedDatabase({ demo }: { demo: boolean }) {
  const { checklistLoaded } = await ensureFoundation();
  const firstStart = demo && (await getDb().team.count()) === 0;
  if (firstStart) await seedDemoOrganisation();
  // Services loaded directly (the demo, imports) are measured against the latest version too.
  const latest = await getDb().checklistVersion.findFirstOrThrow({
    orderBy: { number: "desc" },
    select: { id: true },
  });
  await getDb().service.updateMany({
    where: { checklistVersionId: null },
    data: { checklistVersionId: latest.id },
  });
  return { checklistLoaded, demoLoaded: firstStart };
}
