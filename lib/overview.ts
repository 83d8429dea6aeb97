import { scoredItems } from "@/lib/assessment";
import { COMPARISONS, comparisonMoments, todayIn, type Comparison } from "@/lib/dates";
import { env } from "@/lib/env";
import { getChecklist } from "@/lib/queries/checklist";
import type { OverviewFilter } from "@/lib/queries/overview";
import { averageOf, delta, failsItem, rollUp, weakestItems, type Rollup } from "@/lib/rollups";
import { loadCurrentScores, loadPastScores, loadScoresAt, type PastScore } from "@/lib/score-cache";

export type Deltas = Record<Comparison, number | null>;

/** The change since each compared moment, in points. */
export function deltasOf(now: number | null | undefined, before: readonly (number | null | undefined)[]): Deltas {
  return Object.fromEntries(COMPARISONS.map((comparison, index) => [comparison, delta(now, before[index])])) as Deltas;
}

export const WEAKEST_SERVICES_NAMED = 20;

function groupByTeam<T extends { team: { slug: string } }>(rows: readonly T[]) {
  const teams = new Map<string, T[]>();
  for (const row of rows) {
    const team = teams.get(row.team.slug);
    if (team) team.push(row);
    else teams.set(row.team.slug, [row]);
  }
  return teams;
}

/**
 * The organisation at a glance: every service scored per category, team and organisation roll-ups
 * compared with a day, a week and a quarter before (recomputed from the answer events), and the
 * weakest items. With `asOf`, all of it as it stood then. Past scores use the services' current traits.
 */
export async function loadOverview(filter: OverviewFilter, now = new Date(), { asOf, failing }: { asOf?: Date; failing?: string } = {}) {
  const at = asOf ?? now;
  const today = todayIn(env.TENKEN_TIME_ZONE, at);
  const moments = COMPARISONS.map((comparison) => comparisonMoments(at)[comparison]);
  const [checklist, pastChecklists] = await Promise.all([getChecklist(asOf ? { at } : {}), Promise.all(moments.map((moment) => getChecklist({ at: moment })))]);
  const scored = asOf ? await loadScoresAt(filter, asOf, checklist) : await loadCurrentScores(filter, checklist, today);
  const items = scoredItems(checklist);
  // Only the services that fail one item (where the weakest items lead).
  const failingId = checklist.flatMap((category) => category.items).find((item) => item.key === failing)?.id;
  const failingItem = items.find((item) => item.key === failingId);
  const rows = failing === undefined ? scored : failingItem ? scored.filter((row) => failsItem(row, failingItem, today)) : [];
  const past = await loadPastScores(rows, moments, pastChecklists);
  const categoryKeys = checklist.map((category) => category.key);
  // The change of a group's averages (overall and per category) since each moment, from its services' past scores.
  const positions = groupByTeam(rows.map((row, index) => ({ team: row.team, index })));
  const changesOf = (rollup: Rollup, slug?: string) => {
    const indexes = slug === undefined ? undefined : positions.get(slug)!.map(({ index }) => index);
    const before = (value: (score: PastScore) => number | null) =>
      past.map((scores) => averageOf((indexes ?? scores.map((_, index) => index)).map((index) => (scores[index] ? value(scores[index]) : null))));
    return {
      deltas: deltasOf(rollup.overall?.average, before((score) => score.percent)),
      categoryDeltas: Object.fromEntries(categoryKeys.map((key) => [key, deltasOf(rollup.categories[key]?.average, before((score) => score.categories[key] ?? null))])) as Record<string, Deltas>,
    };
  };

  const organisation = rollUp(rows, categoryKeys);
  const teams = [...groupByTeam(rows)].map(([slug, teamRows]) => {
    const rollup = rollUp(teamRows, categoryKeys);
    return { slug, name: teamRows[0]!.team.name, services: teamRows.length, rollup, ...changesOf(rollup, slug) };
  });
  const names = new Map(rows.map((service) => [service.id, { slug: service.slug, name: service.name }]));
  const weakest = weakestItems(rows, items, today).map(({ serviceIds, ...item }) => ({
    ...item,
    item: checklist.flatMap((category) => category.items).find((candidate) => candidate.id === item.key)!,
    // Hundreds of services can fail an item; the page names the first ones and counts the rest.
    services: serviceIds.slice(0, WEAKEST_SERVICES_NAMED).map((id) => names.get(id)!),
    otherServices: Math.max(0, serviceIds.length - WEAKEST_SERVICES_NAMED),
  }));

  return {
    checklist,
    // Each service's past scores at the compared moments, for the changes its cells show.
    rows: rows.map((row, index) => ({ ...row, past: past.map((scores) => scores[index] ?? null) })),
    organisation: { rollup: organisation, ...changesOf(organisation) },
    teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
    weakest,
    today,
  };
}

export type Overview = Awaited<ReturnType<typeof loadOverview>>;
