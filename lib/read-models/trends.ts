import { dayOf, startOfDayIn, todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { quarterEndInstant, recentQuarters, type Quarter } from "@/lib/quarters";
import { getChecklist } from "@/lib/queries/checklist";
import { listChecklistVersions } from "@/lib/queries/checklist-versions";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { listOverviewServices } from "@/lib/read-models/packed-answers";
import { listQuarterReopenings } from "@/lib/read-models/quarter-reopenings";
import { listQuarterCloses, listQuarterScores, type ScoreColumns } from "@/lib/read-models/quarter-snapshots";
import { distribution, scoreEach, type Distribution, type ServiceScores } from "@/lib/read-models/rollups";
import { loadCurrentScores } from "@/lib/read-models/score-cache";
import { scoredItems } from "@/lib/scoring";

export const TREND_QUARTERS = 8;

export type TrendScope = { teamId?: string; serviceId?: string };
export type TrendPoint = {
  quarter: Quarter;
  // Closed quarters come from their snapshots; the others are recomputed from the answer events.
  closed: boolean;
  current: boolean;
  overall: Distribution | null;
  verified: Distribution | null;
  categories: Record<string, Distribution | null>;
};

function summarise(
  quarter: Quarter,
  closed: boolean,
  current: boolean,
  scores: ScoreColumns,
  categoryKeys: readonly string[],
): TrendPoint {
  return {
    quarter,
    closed,
    current,
    overall: distribution(scores.percent),
    verified: distribution(scores.verifiedPercent),
    categories: Object.fromEntries(
      categoryKeys.map((key) => [key, distribution(scores.categories[key] ?? [])]),
    ),
  };
}

function asColumns(scored: readonly ServiceScores[], categoryKeys: readonly string[]): ScoreColumns {
  return {
    percent: scored.map((service) => service.overall.percent),
    verifiedPercent: scored.map((service) => service.overall.verifiedPercent),
    categories: Object.fromEntries(
      categoryKeys.map((key) => [key, scored.map((service) => service.categories[key]?.percent ?? null)]),
    ),
  };
}

/**
 * The last eight quarters of the organisation, a team or a service: closed quarters from their
 * frozen snapshots, the others as they stand (the open one up to now) from the answer events.
 */
export async function loadTrend(
  scope: TrendScope,
  now = new Date(),
  only?: (quarters: Quarter[]) => Quarter[],
) {
  const today = todayIn(env.TENKEN_TIME_ZONE, now);
  const startMonth = await getFiscalStartMonth();
  const recent = recentQuarters(today, TREND_QUARTERS, startMonth);
  const quarters = only ? only(recent) : recent;
  const [checklist, closes, versions, reopenings] = await Promise.all([
    getChecklist(),
    listQuarterCloses(),
    listChecklistVersions(),
    listQuarterReopenings(),
  ]);
  // Checklist versions published in a quarter are marked on it: scores may move with them.
  const versionsIn = (quarter: Quarter) =>
    versions
      .filter(
        (version) =>
          version.number > 1 &&
          version.publishedAt >= startOfDayIn(quarter.start, env.TENKEN_TIME_ZONE) &&
          version.publishedAt < quarterEndInstant(quarter, env.TENKEN_TIME_ZONE),
      )
      .map((version) => version.number)
      .sort((a, b) => a - b);
  const categoryKeys = checklist.map((category) => category.key);
  const closeOf = (quarter: Quarter) =>
    closes.find((close) => dayOf(close.startsOn) === quarter.start && dayOf(close.endsOn) === quarter.end);
  const isCurrent = (quarter: Quarter) => quarter.start <= today && today < quarter.end;
  // Quarters neither closed nor current are recomputed at their end, all in one read.
  const unclosed = quarters.filter((quarter) => !closeOf(quarter) && !isCurrent(quarter));
  const ends = unclosed.map((quarter) => quarterEndInstant(quarter, env.TENKEN_TIME_ZONE));
  const filter = { teamId: scope.teamId, serviceIds: scope.serviceId ? [scope.serviceId] : undefined };
  const [current, services, snapshots, pastChecklists] = await Promise.all([
    quarters.some((quarter) => isCurrent(quarter) && !closeOf(quarter))
      ? loadCurrentScores(filter, checklist, today)
      : [],
    unclosed.length ? listOverviewServices(filter, { moments: ends }) : [],
    listQuarterScores({ closeIds: quarters.flatMap((quarter) => closeOf(quarter)?.id ?? []), ...scope }),
    Promise.all(ends.map((at) => getChecklist({ at }))),
  ]);

  // A quarter closed and then reopened says so, with its latest reopening, even once closed again.
  const reopeningOf = (quarter: Quarter) =>
    reopenings.find(
      (reopening) => dayOf(reopening.startsOn) === quarter.start && dayOf(reopening.endsOn) === quarter.end,
    ) ?? null;
  const points = quarters.map((quarter) => ({
    ...pointOf(quarter),
    checklistVersions: versionsIn(quarter),
    reopened: reopeningOf(quarter),
  }));
  function pointOf(quarter: Quarter) {
    const close = closeOf(quarter);
    if (close) return summarise(quarter, true, isCurrent(quarter), snapshots.get(close.id)!, categoryKeys);
    // As a quarter close does: every service that existed then, answered or not.
    if (isCurrent(quarter))
      return summarise(
        quarter,
        false,
        true,
        asColumns(
          current.filter((service) => service.createdAt < now),
          categoryKeys,
        ),
        categoryKeys,
      );
    const index = unclosed.indexOf(quarter);
    const at = ends[index]!;
    const scored = scoreEach(
      services
        .filter((service) => service.createdAt < at)
        .map((service) => ({ ...service, answers: service.answersAt[index]! })),
      scoredItems(pastChecklists[index]!),
      dayOf(new Date(at.getTime() - 1)),
    );
    return summarise(quarter, false, false, asColumns(scored, categoryKeys), categoryKeys);
  }
  return {
    checklist,
    points,
    startMonth,
    closable: quarters.filter((quarter) => quarter.end <= today && !closeOf(quarter)),
  };
}

export type Trend = Awaited<ReturnType<typeof loadTrend>>;
