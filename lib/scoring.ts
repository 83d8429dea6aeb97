// Scoring rules, pure: met 1, partial 0.5, not met 0, times the item's weight. N/A answers and
// items a service's traits rule out count for nothing either way; unanswered applicable items
// count as 0 and are reported as unanswered.

export type Trait = "SERVES_HTTP" | "BEHIND_NGINX" | "RUNS_BATCH" | "USES_JOB_QUEUE";
export type AnswerStatus = "MET" | "PARTIAL" | "NOT_MET" | "NOT_APPLICABLE";
export type ScoredItem = { key: string; categoryKey: string; weight: number; requiredTraits: readonly Trait[] };
export type ItemState = "met" | "partial" | "not-met" | "not-applicable" | "unanswered" | "inapplicable";

export type ScoreSummary = {
  percent: number | null;
  earned: number;
  possible: number;
  applicable: number;
  answered: number;
  unanswered: number;
  notApplicable: number;
  inapplicable: number;
  progressPercent: number | null;
};

export type ServiceScore = { overall: ScoreSummary; categories: Record<string, ScoreSummary> };

export const STATUS_POINTS = { MET: 1, PARTIAL: 0.5, NOT_MET: 0 } as const satisfies Record<Exclude<AnswerStatus, "NOT_APPLICABLE">, number>;

const STATE_OF: Record<AnswerStatus, ItemState> = { MET: "met", PARTIAL: "partial", NOT_MET: "not-met", NOT_APPLICABLE: "not-applicable" };

export function isApplicable(item: Pick<ScoredItem, "requiredTraits">, traits: readonly Trait[]): boolean {
  return item.requiredTraits.every((trait) => traits.includes(trait));
}

export function itemState(item: Pick<ScoredItem, "requiredTraits">, traits: readonly Trait[], status: AnswerStatus | undefined): ItemState {
  if (!isApplicable(item, traits)) return "inapplicable";
  return status ? STATE_OF[status] : "unanswered";
}

function oneDecimal(value: number) {
  return Math.round(value * 10) / 10;
}

function emptySummary(): ScoreSummary {
  return { percent: null, earned: 0, possible: 0, applicable: 0, answered: 0, unanswered: 0, notApplicable: 0, inapplicable: 0, progressPercent: null };
}

function add(summary: ScoreSummary, state: ItemState, weight: number) {
  if (state === "inapplicable") {
    summary.inapplicable++;
    return;
  }
  summary.applicable++;
  if (state === "unanswered") summary.unanswered++;
  else summary.answered++;
  if (state === "not-applicable") {
    summary.notApplicable++;
    return;
  }
  summary.possible += weight;
  if (state === "met") summary.earned += weight * STATUS_POINTS.MET;
  if (state === "partial") summary.earned += weight * STATUS_POINTS.PARTIAL;
}

function finish(summary: ScoreSummary): ScoreSummary {
  return {
    ...summary,
    percent: summary.possible > 0 ? oneDecimal((summary.earned / summary.possible) * 100) : null,
    progressPercent: summary.applicable > 0 ? oneDecimal((summary.answered / summary.applicable) * 100) : null,
  };
}

export function scoreService(
  items: readonly ScoredItem[],
  traits: readonly Trait[],
  answers: ReadonlyMap<string, AnswerStatus> | Readonly<Record<string, AnswerStatus | undefined>>,
): ServiceScore {
  // hasOwn: a plain record must not answer for keys like "constructor" from Object.prototype.
  const statusOf = (key: string) =>
    answers instanceof Map ? answers.get(key) : Object.hasOwn(answers, key) ? (answers as Record<string, AnswerStatus | undefined>)[key] : undefined;
  const overall = emptySummary();
  const categories: Record<string, ScoreSummary> = {};
  for (const item of items) {
    const state = itemState(item, traits, statusOf(item.key));
    add(overall, state, item.weight);
    add((categories[item.categoryKey] ??= emptySummary()), state, item.weight);
  }
  return {
    overall: finish(overall),
    categories: Object.fromEntries(Object.entries(categories).map(([key, summary]) => [key, finish(summary)])),
  };
}
