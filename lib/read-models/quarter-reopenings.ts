import { dateOfDay } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { fail } from "@/lib/errors";
import { authorize, type Principal } from "@/lib/permissions";
import { fiscalQuarter } from "@/lib/quarters";
import { recordAudit } from "@/lib/queries/audit";
import { getFiscalStartMonth } from "@/lib/queries/settings";

/**
 * Reopens a closed quarter: its snapshots and its close are removed, so the trend recomputes it
 * from the answer history again and it can be closed anew. A close is only undone for a reason,
 * kept with who closed it and who reopened it, so the trend can say so.
 */
export async function reopenQuarter(
  { fiscalYear, quarter, reason }: { fiscalYear: number; quarter: 1 | 2 | 3 | 4; reason: string },
  actor: Principal | null,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ id: string }> {
  authorize("reopenQuarters", actor);
  const target = fiscalQuarter(fiscalYear, quarter, await getFiscalStartMonth());
  const dates = { startsOn: dateOfDay(target.start), endsOn: dateOfDay(target.end) };
  return getDb().$transaction(async (tx) => {
    const close = await tx.quarterClose.findUnique({
      where: { startsOn_endsOn: dates },
      select: { id: true, closedAt: true, closedBy: { select: { name: true } } },
    });
    if (!close) throw fail.conflict("trends.not-closed");
    const { count: services } = await tx.quarterSnapshot.deleteMany({ where: { closeId: close.id } });
    // Two admins reopening at once: the second finds nothing left to delete.
    const { count } = await tx.quarterClose.deleteMany({ where: { id: close.id } });
    if (count === 0) throw fail.conflict("trends.not-closed");
    const reopening = await tx.quarterReopening.create({
      data: {
        fiscalYear,
        quarter,
        ...dates,
        closedAt: close.closedAt,
        reopenedById: actor.id,
        reopenedAt: now,
        reason,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      actor,
      {
        kind: "quarter.reopened",
        entityType: "quarter",
        entityId: reopening.id,
        before: {
          fiscalYear,
          quarter,
          services,
          closedAt: close.closedAt.toISOString(),
          closedBy: close.closedBy.name,
        },
        after: { fiscalYear, quarter, reason },
      },
      now,
    );
    return reopening;
  });
}

/** Every reopening, the latest first: the trend marks each quarter with its latest. */
export async function listQuarterReopenings() {
  return getDb().quarterReopening.findMany({
    orderBy: { reopenedAt: "desc" },
    select: {
      fiscalYear: true,
      quarter: true,
      startsOn: true,
      endsOn: true,
      reopenedAt: true,
      reason: true,
      reopenedBy: { select: { name: true } },
    },
  });
}
