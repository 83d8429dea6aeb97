import { comparisonMoments, COMPARISONS, todayIn, type Comparison } from "@/lib/dates";
import { env } from "@/lib/env";
import { getChecklist } from "@/lib/queries/checklist";
import type { OverviewFilter } from "@/lib/read-models/packed-answers";
import { averageOf, delta, failsItem, rollUp, weakestItems, type Rollup } from "@/lib/read-models/rollups";
import {
  loadCurrentScores,
  loadPastScores,
  loadScoresAt,
  type PastScore,
} from "@/lib/read-models/score-cache";
import { scoredItems } from "@/lib/scoring";

export type Deltas = Record<Comparison, number | null>;

/** The change since each compared moment, in points. */
export function deltasOf(
  now: number | null | undefined,
  before: readonly (number | null | undefined)[],
): Deltas {
  return Object.fromEntries(
    COMPARISONS.map((comparison, index) => [comparison, delta(now, before[index])]),
  ) as Deltas;
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

const OVERALL = -1;

/**
 * The average past scores of the organisation (null) and of each team (by slug), overall and per
 * category, at each moment: one pass over every service's past scores, as `averageOf` would give.
 */
function averagesThen(
  rows: readonly { team: { slug: string } }[],
  past: readonly (readonly (PastScore | null)[])[],
  categoryKeys: readonly string[],
) {
  const width = categoryKeys.length + 1;
  const groups = new Map<string | null, { sums: Float64Array; counts: Uint32Array }>();
  const groupOf = (slug: string | null) => {
    let group = groups.get(slug);
    if (!group)
      groups.set(
        slug,
        (group = {
          sums: new Float64Array(past.length * width),
          counts: new Uint32Array(past.length * width),
        }),
      );
    return group;
  };
  const organisation = groupOf(null);
  const add = (
    group: { sums: Float64Array; counts: Uint32Array },
    at: number,
    value: number | null | undefined,
  ) => {
    if (value === null || value === undefined) return;
    group.sums[at] = group.sums[at]! + value;
    group.counts[at] = group.counts[at]! + 1;
  };
  for (let moment = 0; moment < past.length; moment++) {
    const scores = past[moment]!;
    for (let index = 0; index < rows.length; index++) {
      const score = scores[index];
      if (!score) continue;
      const team = groupOf(rows[index]!.team.slug);
      const base = moment * width;
      add(organisation, base, score.percent);
      add(team, base, score.percent);
      for (let category = 0; category < categoryKeys.length; category++) {
        const value = score.categories[categoryKeys[category]!];
        add(organisation, base + category + 1, value);
        add(team, base + category + 1, value);
      }
    }
  }
  return new Map(
    [...groups].map(([slug, { sums, counts }]) => [
      slug,
      // OVERALL (-1) is slot 0, category i slot i + 1.
      {
        average: (moment: number, category: number) => {
          const at = moment * width + category + 1;
          return averageOf(counts[at] ? [sums[at]! / counts[at]!] : []);
        },
      },
    ]),
  );
}

/**
 * The organisation at a glance: every service scored per category, team and organisation roll-ups
 * compared with a day, a week and a quarter before (recomputed from the answer events), and the
 * weakest items. With `asOf`, all of it as it stood then. Past scores use the services' current traits.
 */
export async function loadOverview(
  filter: OverviewFilter,
  now = new Date(),
  { asOf, failing }: { asOf?: Date; failing?: string } = {},
) {
  const at = asOf ?? now;
  const today = todayIn(env.TENKEN_TIME_ZONE, at);
  const moments = COMPARISONS.map((comparison) => comparisonMoments(at)[comparison]);
  const [checklist, pastChecklists] = await Promise.all([
    getChecklist(asOf ? { at } : {}),
    Promise.all(moments.map((moment) => getChecklist({ at: moment }))),
  ]);
  const scored = asOf
    ? await loadScoresAt(filter, asOf, checklist)
    : await loadCurrentScores(filter, checklist, today);
  const items = scoredItems(checklist);
  // Only the services that fail one item (where the weakest items lead).
  const failingId = checklist.flatMap((category) => category.items).find((item) => item.key === failing)?.id;
  const failingItem = items.find((item) => item.key === failingId);
  const rows =
    failing === undefined
      ? scored
      : failingItem
        ? scored.filter((row) => failsItem(row, failingItem, today))
        : [];
  const past = await loadPastScores(rows, moments, pastChecklists);
  const categoryKeys = checklist.map((category) => category.key);
  const pastAverages = averagesThen(rows, past, categoryKeys);
  // The change of a group's averages (overall and per category) since each moment.
  const changesOf = (rollup: Rollup, slug: string | null) => {
    const then = pastAverages.get(slug);
    return {
      deltas: deltasOf(
        rollup.overall?.average,
        past.map((_, moment) => then?.average(moment, OVERALL)),
      ),
      categoryDeltas: Object.fromEntries(
        categoryKeys.map((key, index) => [
          key,
          deltasOf(
            rollup.categories[key]?.average,
            past.map((_, moment) => then?.average(moment, index)),
          ),
        ]),
      ) as Record<string, Deltas>,
    };
  };

  const organisation = rollUp(rows, categoryKeys);
  const teams = [...groupByTeam(rows)].map(([slug, teamRows]) => {
    const rollup = rollUp(teamRows, categoryKeys);
    return {
      slug,
      name: teamRows[0]!.team.name,
      services: teamRows.length,
      rollup,
      ...changesOf(rollup, slug),
    };
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
    organisation: { rollup: organisation, ...changesOf(organisation, null) },
    teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
    weakest,
    today,
  };
}

export type Overview = Awaited<ReturnType<typeof loadOverview>>;
