import { dateOfDay, dayOf, todayIn } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { fail, uniqueAs } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Principal } from "@/lib/permissions";
import { fiscalQuarter, quarterEndInstant, type Quarter } from "@/lib/quarters";
import { recordAudit } from "@/lib/queries/audit";
import { getChecklist } from "@/lib/queries/checklist";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { listOverviewServices } from "@/lib/read-models/packed-answers";
import { distribution, scoreEach } from "@/lib/read-models/rollups";
import { scoredItems } from "@/lib/scoring";

/** Whether a quarter may be closed now: ended, and not closed already. */
async function closableQuarter(
  { fiscalYear, quarter }: { fiscalYear: number; quarter: 1 | 2 | 3 | 4 },
  now: Date,
) {
  const startMonth = await getFiscalStartMonth();
  const target = fiscalQuarter(fiscalYear, quarter, startMonth);
  if (target.end > todayIn(env.TENKEN_TIME_ZONE, now)) throw fail.conflict("trends.not-ended");
  if (
    await getDb().quarterClose.findUnique({
      where: { startsOn_endsOn: { startsOn: dateOfDay(target.start), endsOn: dateOfDay(target.end) } },
    })
  )
    throw fail.conflict("trends.already-closed");
  return { target, startMonth };
}

/**
 * Every service's answers and scores at a quarter's end, recomputed from the answer events and
 * the checklist then in force: what closing the quarter freezes.
 */
async function snapshotsAtEnd(target: Quarter) {
  const at = quarterEndInstant(target, env.TENKEN_TIME_ZONE);
  const [checklist, services] = await Promise.all([
    getChecklist({ at }),
    listOverviewServices({}, { moments: [at] }),
  ]);
  const keyOf = new Map(checklist.flatMap((category) => category.items.map((item) => [item.id, item.key])));
  const scored = scoreEach(
    services
      .filter((service) => service.createdAt < at)
      .map((service) => ({ ...service, answers: service.answersAt[0]! })),
    scoredItems(checklist),
    dayOf(new Date(at.getTime() - 1)),
  );
  return scored.map((service) => ({
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
    categories: Object.fromEntries(
      Object.entries(service.categories).map(([key, summary]) => [
        key,
        {
          percent: summary.percent,
          verifiedPercent: summary.verifiedPercent,
          answered: summary.answered,
          applicable: summary.applicable,
        },
      ]),
    ),
    answers: Object.fromEntries(
      [...service.answers].flatMap(([itemId, answer]) =>
        keyOf.has(itemId)
          ? [
              [
                keyOf.get(itemId)!,
                {
                  status: answer.status,
                  verified: answer.verified ?? false,
                  naState: answer.naState ?? null,
                },
              ],
            ]
          : [],
      ),
    ),
  }));
}

/**
 * What closing a quarter would freeze, shown before it is confirmed: how many services, the
 * organisation's declared and verified scores at the quarter's end, and each team's.
 */
export async function previewQuarterClose(
  quarter: { fiscalYear: number; quarter: 1 | 2 | 3 | 4 },
  actor: Principal | null,
  { now = new Date() }: { now?: Date } = {},
) {
  authorize("closeQuarters", actor);
  const { target } = await closableQuarter(quarter, now);
  const snapshots = await snapshotsAtEnd(target);
  const teams = new Map<string, typeof snapshots>();
  for (const snapshot of snapshots)
    teams.set(snapshot.teamName, [...(teams.get(snapshot.teamName) ?? []), snapshot]);
  const scores = (list: typeof snapshots) => ({
    services: list.length,
    declared: distribution(list.map((snapshot) => snapshot.percent)),
    verified: distribution(list.map((snapshot) => snapshot.verifiedPercent)),
  });
  return {
    quarter: target,
    ...scores(snapshots),
    teams: [...teams]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, list]) => ({ name, ...scores(list) })),
  };
}

export type QuarterClosePreview = Awaited<ReturnType<typeof previewQuarterClose>>;

/**
 * Closes a quarter: every service's answers and scores at the quarter's end are copied into
 * snapshots that never change (unless an admin reopens the quarter).
 */
export async function closeQuarter(
  { fiscalYear, quarter }: { fiscalYear: number; quarter: 1 | 2 | 3 | 4 },
  actor: Principal | null,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ id: string }> {
  authorize("closeQuarters", actor);
  const { target, startMonth } = await closableQuarter({ fiscalYear, quarter }, now);
  const db = getDb();
  const snapshots = await snapshotsAtEnd(target);

  // Two admins closing the same quarter at once: the second finds it closed.
  return uniqueAs(
    () =>
      db.$transaction(async (tx) => {
        const close = await tx.quarterClose.create({
          data: {
            fiscalYear,
            quarter,
            fiscalStartMonth: startMonth,
            startsOn: dateOfDay(target.start),
            endsOn: dateOfDay(target.end),
            closedById: actor.id,
            closedAt: now,
          },
        });
        await tx.quarterSnapshot.createMany({
          data: snapshots.map((snapshot) => ({
            ...snapshot,
            closeId: close.id,
          })) as Prisma.QuarterSnapshotCreateManyInput[],
        });
        await recordAudit(
          tx,
          actor,
          {
            kind: "quarter.closed",
            entityType: "quarter",
            entityId: close.id,
            after: { fiscalYear, quarter, services: snapshots.length },
          },
          now,
        );
        return { id: close.id };
      }),
    () => fail.conflict("trends.already-closed"),
  );
}

export async function listQuarterCloses() {
  return getDb().quarterClose.findMany({
    orderBy: { startsOn: "desc" },
    select: {
      id: true,
      fiscalYear: true,
      quarter: true,
      startsOn: true,
      endsOn: true,
      closedAt: true,
      closedBy: { select: { name: true } },
    },
  });
}

/** The frozen scores of some closed quarters, for a team or a service or everything. */
export async function listQuarterSnapshots({
  closeIds,
  teamId,
  serviceId,
}: {
  closeIds: string[];
  teamId?: string;
  serviceId?: string;
}) {
  if (closeIds.length === 0) return [];
  return getDb().quarterSnapshot.findMany({
    where: { closeId: { in: closeIds }, ...(teamId ? { teamId } : {}), ...(serviceId ? { serviceId } : {}) },
    select: {
      closeId: true,
      serviceId: true,
      serviceSlug: true,
      serviceName: true,
      teamSlug: true,
      teamName: true,
      tier: true,
      percent: true,
      verifiedPercent: true,
      categories: true,
    },
  });
}

/** Scores as columns: one value per service, in the same order in each. */
export type ScoreColumns = {
  percent: (number | null)[];
  verifiedPercent: (number | null)[];
  categories: Record<string, (number | null)[]>;
};

/**
 * The frozen scores of some closed quarters, per close and as columns: only the numbers a trend rolls
 * up (overall, verified and per category percentages), rather than thousands of rows of JSON. A
 * close writes every category of its checklist for every service, so the category keys are read
 * once per close and each snapshot's percentages in the same order (jsonb's own).
 */
export async function listQuarterScores({
  closeIds,
  teamId,
  serviceId,
}: {
  closeIds: string[];
  teamId?: string;
  serviceId?: string;
}) {
  // A close's snapshots never change once written, so what was read once is kept.
  const keyOf = (closeId: string) => `${closeId}|${teamId ?? ""}|${serviceId ?? ""}`;
  const missing = closeIds.filter((closeId) => !frozenScores.has(keyOf(closeId)));
  const read = await readQuarterScores({ closeIds: missing, teamId, serviceId });
  for (const closeId of missing) {
    // A scope with no service in a close has none for good.
    frozenScores.set(
      keyOf(closeId),
      read.get(closeId) ?? { percent: [], verifiedPercent: [], categories: {} },
    );
    if (frozenScores.size > FROZEN_SCORES_KEPT) frozenScores.delete(frozenScores.keys().next().value!);
  }
  return new Map(
    closeIds.map((closeId) => [closeId, frozenScores.get(keyOf(closeId)) ?? read.get(closeId)!]),
  );
}

const frozenScores = new Map<string, ScoreColumns>();
const FROZEN_SCORES_KEPT = 512;

async function readQuarterScores({
  closeIds,
  teamId,
  serviceId,
}: {
  closeIds: string[];
  teamId?: string;
  serviceId?: string;
}) {
  if (closeIds.length === 0) return new Map<string, ScoreColumns>();
  const rows = await getDb().$queryRaw<{ close_id: string; keys: string; scores: string }[]>`
    SELECT qs.close_id::text,
      (SELECT jsonb_path_query_array(k.categories, '$.keyvalue().key')::text FROM quarter_snapshots k WHERE k.close_id = qs.close_id ORDER BY k.service_id LIMIT 1) AS keys,
      string_agg(coalesce(qs.percent::text, '') || ';' || coalesce(qs.verified_percent::text, '') || ';' || jsonb_path_query_array(qs.categories, '$.*.percent')::text, ';') AS scores
    FROM quarter_snapshots qs
    WHERE qs.close_id = ANY(${closeIds}::uuid[]) ${teamId ? Prisma.sql`AND qs.team_id = ${teamId}::uuid` : Prisma.empty} ${serviceId ? Prisma.sql`AND qs.service_id = ${serviceId}::uuid` : Prisma.empty}
    GROUP BY qs.close_id`;
  const number = (text: string | undefined) => (text && text !== "null" ? Number(text) : null);
  return new Map(
    rows.map((row) => {
      const keys = JSON.parse(row.keys) as string[];
      const columns: ScoreColumns = {
        percent: [],
        verifiedPercent: [],
        categories: Object.fromEntries(keys.map((key) => [key, []])),
      };
      const byPosition = keys.map((key) => columns.categories[key]!);
      const fields = row.scores.split(";");
      // Three fields per snapshot: percent, verified percent, and the category percentages as "[12.5, null, ...]".
      for (let index = 0; index < fields.length; index += 3) {
        columns.percent.push(number(fields[index]));
        columns.verifiedPercent.push(number(fields[index + 1]));
        const categories = fields[index + 2]!.slice(1, -1).split(", ");
        byPosition.forEach((column, position) => column.push(number(categories[position])));
      }
      return [row.close_id, columns];
    }),
  );
}
