import { getDb } from "@/lib/db";
import { seedChecklist } from "@/lib/queries/checklist";
import { ensureLocalUser } from "@/lib/queries/users";
import { defaultChecklist } from "@/prisma/seed/default-checklist";
import { seedDemoOrganisation } from "@/prisma/seed/demo";

/**
 * Idempotent: loads the default checklist and the built-in user when missing, and the demo
 * organisation only into a database that has no teams yet (a first start).
 */
export async function seedDatabase({ demo }: { demo: boolean }) {
  const checklist = await seedChecklist(defaultChecklist);
  await ensureLocalUser();
  const firstStart = demo && (await getDb().team.count()) === 0;
  if (firstStart) await seedDemoOrganisation();
  return { checklistLoaded: checklist.created, demoLoaded: firstStart };
}
