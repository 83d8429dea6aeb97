import { scoredItems } from "@/lib/assessment";
import { dayOf, todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { getChecklist } from "@/lib/queries/checklist";
import { getServiceAnswersAt, listOverviewServices } from "@/lib/queries/overview";
import { listQuarterCloses, listQuarterSnapshots, quarterEndInstant } from "@/lib/queries/quarters";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { recentQuarters, type Quarter } from "@/lib/quarters";
import { distribution, scoreEach, type Distribution } from "@/lib/rollups";

export const TREND_QUARTERS = 8;

export type TrendScope = { teamId?: string; serviceId?: string };
type Scores = { percent: number | null; verifiedPercent: number | null; categories: Record<string, { percent: number | null } | undefined> };

export type TrendPoint = {
  quarter: Quarter;
  // Closed quarters come from their snapshots; the others are recomputed from the answer events.
  closed: boolean;
  current: boolean;
  overall: Distribution | null;
  verified: Distribution | null;
  categories: Record<string, Distribution | null>;
};

function summarise(quarter: Quarter, closed: boolean, current: boolean, scores: readonly Scores[], categoryKeys: readonly string[]): TrendPoint {
  return {
    quarter,
    closed,
    current,
    overall: distribution(scores.map((score) => score.percent)),
    verified: distribution(scores.map((score) => score.verifiedPercent)),
    categories: Object.fromEntries(categoryKeys.map((key) => [key, distribution(scores.map((score) => score.categories[key]?.percent ?? null))])),
  };
}

/**
 * The last eight quarters of the organisation, a team or a service: closed quarters from their
 * frozen snapshots, the others as they stand (the open one up to now) from the answer events.
 */
export async function loadTrend(scope: TrendScope, now = new Date(), only?: (quarters: Quarter[]) => Quarter[]) {
  const today = todayIn(env.TENKEN_TIME_ZONE, now);
  const startMonth = await getFiscalStartMonth();
  const recent = recentQuarters(today, TREND_QUARTERS, startMonth);
  const quarters = only ? only(recent) : recent;
  const [checklist, closes, services] = await Promise.all([getChecklist(), listQuarterCloses(), listOverviewServices({})]);
  const categoryKeys = checklist.map((category) => category.key);
  const inScope = services.filter((service) => (!scope.teamId || service.team.id === scope.teamId) && (!scope.serviceId || service.id === scope.serviceId));
  const closeOf = (quarter: Quarter) => closes.find((close) => dayOf(close.startsOn) === quarter.start && dayOf(close.endsOn) === quarter.end);
  const snapshots = await listQuarterSnapshots({ closeIds: quarters.flatMap((quarter) => closeOf(quarter)?.id ?? []), ...scope });

  const points = await Promise.all(
    quarters.map(async (quarter) => {
      const current = quarter.start <= today && today < quarter.end;
      const close = closeOf(quarter);
      if (close) return summarise(quarter, true, current, snapshots.filter((snapshot) => snapshot.closeId === close.id) as Scores[], categoryKeys);
      const at = current ? now : quarterEndInstant(quarter);
      const [pastChecklist, answers] = await Promise.all([getChecklist({ at }), getServiceAnswersAt({ at, serviceIds: scope.teamId || scope.serviceId ? inScope.map((service) => service.id) : undefined })]);
      // As a quarter close does: every service that existed then, answered or not.
      const scored = scoreEach(
        inScope.filter((service) => service.createdAt < at).map((service) => ({ ...service, answers: answers.get(service.id) ?? new Map() })),
        scoredItems(pastChecklist),
        current ? today : dayOf(new Date(at.getTime() - 1)),
      );
      return summarise(quarter, false, current, scored.map((service) => ({ percent: service.overall.percent, verifiedPercent: service.overall.verifiedPercent, categories: service.categories })), categoryKeys);
    }),
  );
  return { checklist, points, startMonth, closable: quarters.filter((quarter) => quarter.end <= today && !closeOf(quarter)) };
}

export type Trend = Awaited<ReturnType<typeof loadTrend>>;
