import { scoredItems } from "@/lib/assessment";
import { dateOfDay, dayOf, todayIn } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Principal } from "@/lib/permissions";
import { recordAudit } from "@/lib/queries/audit";
import { getChecklist } from "@/lib/queries/checklist";
import { getServiceAnswersAt, listOverviewServices } from "@/lib/queries/overview";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { fiscalQuarter, type Quarter } from "@/lib/quarters";
import { scoreEach } from "@/lib/rollups";
import { startOfDayIn } from "@/lib/validations/audit";

export type CloseResult = { outcome: "closed" | "not-ended" | "already-closed" };

/** The instant a quarter ends: the first moment of the day after it, in the installation's zone. */
export function quarterEndInstant(quarter: Pick<Quarter, "end">) {
  return startOfDayIn(quarter.end, env.TENKEN_TIME_ZONE);
}

/**
 * Closes a quarter: every service's answers and scores at the quarter's end, recomputed from the
 * answer events and the checklist then in force, are copied into snapshots that never change.
 */
export async function closeQuarter({ fiscalYear, quarter }: { fiscalYear: number; quarter: 1 | 2 | 3 | 4 }, actor: Principal | null, { now = new Date() }: { now?: Date } = {}): Promise<CloseResult> {
  authorize("closeQuarters", actor);
  const startMonth = await getFiscalStartMonth();
  const target = fiscalQuarter(fiscalYear, quarter, startMonth);
  if (target.end > todayIn(env.TENKEN_TIME_ZONE, now)) return { outcome: "not-ended" };
  const db = getDb();
  if (await db.quarterClose.findUnique({ where: { startsOn_endsOn: { startsOn: dateOfDay(target.start), endsOn: dateOfDay(target.end) } } })) return { outcome: "already-closed" };

  const at = quarterEndInstant(target);
  const [checklist, services, answers] = await Promise.all([getChecklist({ at }), listOverviewServices({}), getServiceAnswersAt({ at })]);
  const keyOf = new Map(checklist.flatMap((category) => category.items.map((item) => [item.id, item.key])));
  const scored = scoreEach(
    services.filter((service) => service.createdAt < at).map((service) => ({ ...service, answers: answers.get(service.id) ?? new Map() })),
    scoredItems(checklist),
    dayOf(new Date(at.getTime() - 1)),
  );
  const snapshots = scored.map((service) => ({
    serviceId: service.id,
    serviceSlug: service.slug,
    serviceName: service.name,
    teamId: service.team.id,
    teamSlug: service.team.slug,
    teamName: service.team.name,
    tier: service.tier,
    percent: service.overall.percent,
    verifiedPercent: service.overall.verifiedPercent,
    answered: service.overall.answered,
    applicable: service.overall.applicable,
    naRatePercent: service.overall.naRatePercent,
    categories: Object.fromEntries(Object.entries(service.categories).map(([key, summary]) => [key, { percent: summary.percent, verifiedPercent: summary.verifiedPercent, answered: summary.answered, applicable: summary.applicable }])),
    answers: Object.fromEntries([...service.answers].flatMap(([itemId, answer]) => (keyOf.has(itemId) ? [[keyOf.get(itemId)!, { status: answer.status, verified: answer.verified ?? false, naState: answer.naState ?? null }]] : []))),
  }));

  try {
    await db.$transaction(async (tx) => {
      const close = await tx.quarterClose.create({
        data: { fiscalYear, quarter, fiscalStartMonth: startMonth, startsOn: dateOfDay(target.start), endsOn: dateOfDay(target.end), closedById: actor.id, closedAt: now },
      });
      await tx.quarterSnapshot.createMany({ data: snapshots.map((snapshot) => ({ ...snapshot, closeId: close.id })) as Prisma.QuarterSnapshotCreateManyInput[] });
      await recordAudit(tx, actor, { kind: "quarter.closed", entityType: "quarter", entityId: close.id, after: { fiscalYear, quarter, services: snapshots.length } }, now);
    });
  } catch (error) {
    // Two admins closing the same quarter at once: the second finds it closed.
    if ((error as { code?: string }).code === "P2002") return { outcome: "already-closed" };
    throw error;
  }
  return { outcome: "closed" };
}

export async function listQuarterCloses() {
  return getDb().quarterClose.findMany({
    orderBy: { startsOn: "desc" },
    select: { id: true, fiscalYear: true, quarter: true, startsOn: true, endsOn: true, closedAt: true, closedBy: { select: { name: true } } },
  });
}

/** The frozen scores of some closed quarters, for a team or a service or everything. */
export async function listQuarterSnapshots({ closeIds, teamId, serviceId }: { closeIds: string[]; teamId?: string; serviceId?: string }) {
  if (closeIds.length === 0) return [];
  return getDb().quarterSnapshot.findMany({
    where: { closeId: { in: closeIds }, ...(teamId ? { teamId } : {}), ...(serviceId ? { serviceId } : {}) },
    select: { closeId: true, serviceId: true, serviceSlug: true, serviceName: true, teamSlug: true, teamName: true, tier: true, percent: true, verifiedPercent: true, categories: true },
  });
}
