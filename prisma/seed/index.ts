import { getDb } from "@/lib/db";
import { seedChecklist } from "@/lib/queries/checklist";
import { ensureFirstChecklistVersion } from "@/lib/queries/checklist-versions";
import { ensureLocalUser } from "@/lib/queries/users";
import { defaultChecklist } from "@/prisma/seed/default-checklist";
import { seedDemoOrganisation } from "@/prisma/seed/demo";

/**
 * Idempotent: loads the default checklist and the built-in user when missing, and the demo
 * organisation only into a database that has no teams yet (a first start).
 */
// The default checklist's wording predates any installation, so it counts as in force from this
// day: scores at past dates (the demo's months of history, imported answers) have items to count.
export const DEFAULT_CHECKLIST_IN_FORCE_FROM = new Date("2020-01-01T00:00:00Z");

export async function seedDatabase({ demo }: { demo: boolean }) {
  const checklist = await seedChecklist(defaultChecklist, { at: DEFAULT_CHECKLIST_IN_FORCE_FROM });
  const localUser = await ensureLocalUser();
  await ensureFirstChecklistVersion(localUser.id);
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
  return { checklistLoaded: checklist.created, demoLoaded: firstStart };
}
