import { scoredItems } from "@/lib/assessment";
import { COMPARISONS, comparisonMoments, todayIn, type Comparison } from "@/lib/dates";
import { env } from "@/lib/env";
import { getChecklist } from "@/lib/queries/checklist";
import { getServiceAnswersAt, listOverviewServices, type OverviewFilter } from "@/lib/queries/overview";
import { delta, rollUp, scoreEach, weakestItems, type Rollup, type ScoredService } from "@/lib/rollups";

type Deltas = Record<Comparison, number | null>;

function groupByTeam<T extends { team: { slug: string } }>(rows: readonly T[]) {
  const teams = new Map<string, T[]>();
  for (const row of rows) teams.set(row.team.slug, [...(teams.get(row.team.slug) ?? []), row]);
  return teams;
}

/**
 * The organisation at a glance: every service scored per category, team and organisation roll-ups
 * compared with a day, a week and a quarter before (recomputed from the answer events), and the
 * weakest items. Past scores use the services' current traits.
 */
export async function loadOverview(filter: OverviewFilter, now = new Date()) {
  const today = todayIn(env.TENKEN_TIME_ZONE, now);
  const [checklist, services] = await Promise.all([getChecklist(), listOverviewServices(filter)]);
  const categoryKeys = checklist.map((category) => category.key);
  const items = scoredItems(checklist);
  const rows = scoreEach(services, items, today);

  const moments = comparisonMoments(now);
  // Unfiltered, every service is asked for: no list of ids to send.
  const serviceIds = filter.teamSlug || filter.tier || filter.trait ? services.map((service) => service.id) : undefined;
  const past = await Promise.all(
    COMPARISONS.map(async (comparison) => {
      const at = moments[comparison];
      const [pastChecklist, answers] = await Promise.all([getChecklist({ at }), getServiceAnswersAt({ serviceIds, at })]);
      const then: (ScoredService & { team: { slug: string } })[] = services.map((service) => ({ id: service.id, traits: service.traits, team: service.team, answers: answers.get(service.id) ?? new Map() }));
      return [comparison, scoreEach(then, scoredItems(pastChecklist), todayIn(env.TENKEN_TIME_ZONE, at))] as const;
    }),
  );
  const deltasOf = (current: Rollup, pick: (scored: (typeof past)[number][1]) => Rollup): Deltas =>
    Object.fromEntries(past.map(([comparison, scored]) => [comparison, delta(current.overall?.average, pick(scored).overall?.average)])) as Deltas;

  const organisation = rollUp(rows, categoryKeys);
  const teams = [...groupByTeam(rows)].map(([slug, teamRows]) => {
    const rollup = rollUp(teamRows, categoryKeys);
    return { slug, name: teamRows[0]!.team.name, services: teamRows.length, rollup, deltas: deltasOf(rollup, (scored) => rollUp(scored.filter((row) => row.team.slug === slug), categoryKeys)) };
  });
  const names = new Map(services.map((service) => [service.id, { slug: service.slug, name: service.name }]));
  const weakest = weakestItems(rows, items, today).map((item) => ({
    ...item,
    item: checklist.flatMap((category) => category.items).find((candidate) => candidate.id === item.key)!,
    services: item.serviceIds.map((id) => names.get(id)!),
  }));

  return {
    checklist,
    rows,
    organisation: { rollup: organisation, deltas: deltasOf(organisation, (scored) => rollUp(scored, categoryKeys)) },
    teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
    weakest,
    today,
  };
}

export type Overview = Awaited<ReturnType<typeof loadOverview>>;
