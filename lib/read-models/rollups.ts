import {
  itemState,
  scoreService,
  type ItemState,
  type ScoredAnswer,
  type ScoredItem,
  type ScoreSummary,
  type Trait,
} from "@/lib/scoring";

// How service scores add up across the organisation, pure. A team's or the organisation's score is
// the average of its services' scores (each service counts once, whatever its size), shown with
// the spread behind it.

// `states`, when given, are the service's item states in the order of the items scored (see lib/read-models/score-cache.ts).
export type ScoredService = {
  id: string;
  traits: readonly Trait[];
  answers: ReadonlyMap<string, ScoredAnswer>;
  states?: readonly ItemState[];
};
export type ServiceScores = { overall: ScoreSummary; categories: Record<string, ScoreSummary> };

export type Distribution = { count: number; average: number; min: number; median: number; max: number };

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function scoreEach<S extends ScoredService>(
  services: readonly S[],
  items: readonly ScoredItem[],
  today: string,
): (S & ServiceScores)[] {
  return services.map((service) => ({
    ...service,
    ...scoreService(items, service.traits, service.answers, { today }),
  }));
}

/** Average, spread and count of the scores that exist (a service with nothing applicable has none). */
export function distribution(percents: readonly (number | null)[]): Distribution | null {
  // A typed array sorts numbers natively, without a comparator: thousands of services per call.
  const values = Float64Array.from(percents.filter((value): value is number => value !== null)).sort();
  if (values.length === 0) return null;
  const middle = Math.floor(values.length / 2);
  const median = values.length % 2 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
  return {
    count: values.length,
    average: oneDecimal(values.reduce((total, value) => total + value, 0) / values.length),
    min: values[0]!,
    median: oneDecimal(median),
    max: values[values.length - 1]!,
  };
}

/** The average of the scores that exist, as `distribution` gives it, without sorting them. */
export function averageOf(percents: readonly (number | null | undefined)[]): number | undefined {
  let total = 0;
  let count = 0;
  for (const value of percents) {
    if (value === null || value === undefined) continue;
    total += value;
    count++;
  }
  return count ? oneDecimal(total / count) : undefined;
}

export type Rollup = { overall: Distribution | null; categories: Record<string, Distribution | null> };

export function rollUp(scored: readonly ServiceScores[], categoryKeys: readonly string[]): Rollup {
  return {
    overall: distribution(scored.map((service) => service.overall.percent)),
    categories: Object.fromEntries(
      categoryKeys.map((key) => [
        key,
        distribution(scored.map((service) => service.categories[key]?.percent ?? null)),
      ]),
    ),
  };
}

export type WeakItem = {
  key: string;
  applicable: number;
  notMet: number;
  ratePercent: number;
  serviceIds: string[];
};

const FAILING: ReadonlySet<ItemState> = new Set(["not-met", "na-unapproved", "na-expired"]);

/** Whether a service fails an item that applies to it, as the weakest items count failures. */
export function failsItem(service: ScoredService, item: ScoredItem, today: string) {
  return FAILING.has(itemState(item, service.traits, service.answers.get(item.key), today));
}

/**
 * The items most often not met where they apply. "Not met" is what scores as not met: answered
 * not met, or an N/A not approved or expired; unanswered items are not counted as failures.
 */
export function weakestItems(
  services: readonly ScoredService[],
  items: readonly ScoredItem[],
  today: string,
  limit = 10,
): WeakItem[] {
  // One pass over services and items, one state each: this runs over every service's answers.
  const weak = items.map((item) => ({
    key: item.key,
    applicable: 0,
    notMet: 0,
    ratePercent: 0,
    serviceIds: [] as string[],
  }));
  for (const service of services) {
    items.forEach((item, index) => {
      const state =
        service.states?.[index] ?? itemState(item, service.traits, service.answers.get(item.key), today);
      if (state === "inapplicable") return;
      const entry = weak[index]!;
      entry.applicable++;
      if (FAILING.has(state)) {
        entry.notMet++;
        entry.serviceIds.push(service.id);
      }
    });
  }
  for (const entry of weak)
    entry.ratePercent = entry.applicable ? oneDecimal((entry.notMet / entry.applicable) * 100) : 0;
  return weak
    .filter((item) => item.notMet > 0)
    .sort((a, b) => b.ratePercent - a.ratePercent || b.notMet - a.notMet || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** Points between two percentages, or nothing when either is missing. */
export function delta(now: number | null | undefined, before: number | null | undefined) {
  return now === null || now === undefined || before === null || before === undefined
    ? null
    : oneDecimal(now - before);
}
