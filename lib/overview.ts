import { scoredItems } from "@/lib/assessment";
import { COMPARISONS, comparisonMoments, todayIn, type Comparison } from "@/lib/dates";
import { env } from "@/lib/env";
import { getChecklist } from "@/lib/queries/checklist";
import type { OverviewFilter } from "@/lib/queries/overview";
import { delta, distribution, rollUp, weakestItems } from "@/lib/rollups";
import { loadCurrentScores, loadPastPercents, loadScoresAt } from "@/lib/score-cache";

type Deltas = Record<Comparison, number | null>;

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
export async function loadOverview(filter: OverviewFilter, now = new Date(), { asOf }: { asOf?: Date } = {}) {
  const at = asOf ?? now;
  const today = todayIn(env.TENKEN_TIME_ZONE, at);
  const moments = COMPARISONS.map((comparison) => comparisonMoments(at)[comparison]);
  const [checklist, pastChecklists] = await Promise.all([getChecklist(asOf ? { at } : {}), Promise.all(moments.map((moment) => getChecklist({ at: moment })))]);
  const rows = asOf ? await loadScoresAt(filter, asOf, checklist) : await loadCurrentScores(filter, checklist, today);
  const past = await loadPastPercents(rows, moments, pastChecklists);
  const categoryKeys = checklist.map((category) => category.key);
  const items = scoredItems(checklist);
  // Past averages of the organisation and of each team, from the services' past percentages.
  const positions = groupByTeam(rows.map((row, index) => ({ team: row.team, index })));
  const deltasOf = (current: { overall: { average: number } | null }, slug?: string): Deltas => {
    const averages = past.map((percents) => distribution(slug === undefined ? percents : positions.get(slug)!.map(({ index }) => percents[index]!))?.average);
    return Object.fromEntries(COMPARISONS.map((comparison, index) => [comparison, delta(current.overall?.average, averages[index])])) as Deltas;
  };

  const organisation = rollUp(rows, categoryKeys);
  const teams = [...groupByTeam(rows)].map(([slug, teamRows]) => {
    const rollup = rollUp(teamRows, categoryKeys);
    return { slug, name: teamRows[0]!.team.name, services: teamRows.length, rollup, deltas: deltasOf(rollup, slug) };
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
    rows,
    organisation: { rollup: organisation, deltas: deltasOf(organisation) },
    teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
    weakest,
    today,
  };
}

export type Overview = Awaited<ReturnType<typeof loadOverview>>;
