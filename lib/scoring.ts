import { dayOf } from "@/lib/dates";

// Scoring rules, pure: met 1, partial 0.5, not met 0, times the item's weight. Approved N/A
// answers and items a service's traits rule out count for nothing either way; an N/A still
// waiting for approval, rejected, or past its expiry counts as not met. Unanswered applicable
// items count as 0 and are reported as unanswered. The verified score gives points only to
// answers an SRE reviewer verified; what can be earned is the same as for the declared score.

// A trait key (see lib/queries/traits.ts).
export type Trait = string;
// Here rather than beside the answer's schema (lib/validations/answer.ts) so that a component in
// the browser can list them without shipping zod.
export const ANSWER_STATUSES = ["MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE"] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
export type ScoredItem = {
  key: string;
  categoryKey: string;
  weight: number;
  requiredTraits: readonly Trait[];
};
export type NaState = "PENDING" | "APPROVED" | "REJECTED";
export type ItemState =
  | "met"
  | "partial"
  | "not-met"
  | "not-applicable"
  | "na-unapproved"
  | "na-expired"
  | "unanswered"
  | "inapplicable";

/** An answer as scoring sees it. A bare status is an answer with no review data (history before review existed). */
export type ScoredAnswer = {
  status: AnswerStatus;
  verified?: boolean;
  naState?: NaState | null;
  // The last day an approved N/A holds, as "YYYY-MM-DD".
  naExpiresOn?: string | null;
};

export type ScoreSummary = {
  percent: number | null;
  earned: number;
  possible: number;
  applicable: number;
  answered: number;
  unanswered: number;
  notApplicable: number;
  // N/A answers that count as not met: waiting for approval, rejected or expired.
  naUnapproved: number;
  inapplicable: number;
  progressPercent: number | null;
  verifiedEarned: number;
  verifiedPercent: number | null;
  // Approved N/A answers among applicable items.
  naRatePercent: number | null;
};

export type ServiceScore = { overall: ScoreSummary; categories: Record<string, ScoreSummary> };

export const STATUS_POINTS = { MET: 1, PARTIAL: 0.5, NOT_MET: 0 } as const satisfies Record<
  Exclude<AnswerStatus, "NOT_APPLICABLE">,
  number
>;

const STATE_OF: Record<AnswerStatus, ItemState> = {
  MET: "met",
  PARTIAL: "partial",
  NOT_MET: "not-met",
  NOT_APPLICABLE: "not-applicable",
};

export function isApplicable(item: Pick<ScoredItem, "requiredTraits">, traits: readonly Trait[]): boolean {
  // A loop, not every(): the overview asks this for every item of thousands of services.
  for (const trait of item.requiredTraits) if (!traits.includes(trait)) return false;
  return true;
}

function asScored(answer: AnswerStatus | ScoredAnswer | undefined): ScoredAnswer | undefined {
  return typeof answer === "string" ? { status: answer } : answer;
}

export function itemState(
  item: Pick<ScoredItem, "requiredTraits">,
  traits: readonly Trait[],
  given: AnswerStatus | ScoredAnswer | undefined,
  today?: string,
): ItemState {
  if (!isApplicable(item, traits)) return "inapplicable";
  const answer = asScored(given);
  if (!answer) return "unanswered";
  if (answer.status === "NOT_APPLICABLE" && answer.naState !== undefined) {
    if (answer.naState !== "APPROVED") return "na-unapproved";
    if (today && answer.naExpiresOn && answer.naExpiresOn < today) return "na-expired";
  }
  return STATE_OF[answer.status];
}

function oneDecimal(value: number) {
  return Math.round(value * 10) / 10;
}

function emptySummary(): ScoreSummary {
  return {
    percent: null,
    earned: 0,
    possible: 0,
    applicable: 0,
    answered: 0,
    unanswered: 0,
    notApplicable: 0,
    naUnapproved: 0,
    inapplicable: 0,
    progressPercent: null,
    verifiedEarned: 0,
    verifiedPercent: null,
    naRatePercent: null,
  };
}

function add(summary: ScoreSummary, state: ItemState, weight: number, verified: boolean) {
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
  if (state === "na-unapproved" || state === "na-expired") summary.naUnapproved++;
  summary.possible += weight;
  const points = state === "met" ? STATUS_POINTS.MET : state === "partial" ? STATUS_POINTS.PARTIAL : 0;
  summary.earned += weight * points;
  if (verified) summary.verifiedEarned += weight * points;
}

function finish(summary: ScoreSummary): ScoreSummary {
  summary.percent = summary.possible > 0 ? oneDecimal((summary.earned / summary.possible) * 100) : null;
  summary.progressPercent =
    summary.applicable > 0 ? oneDecimal((summary.answered / summary.applicable) * 100) : null;
  summary.verifiedPercent =
    summary.possible > 0 ? oneDecimal((summary.verifiedEarned / summary.possible) * 100) : null;
  summary.naRatePercent =
    summary.applicable > 0 ? oneDecimal((summary.notApplicable / summary.applicable) * 100) : null;
  return summary;
}

type AnswerLookup =
  | ReadonlyMap<string, AnswerStatus | ScoredAnswer>
  | Readonly<Record<string, AnswerStatus | ScoredAnswer | undefined>>;

/** `today` ("YYYY-MM-DD") decides whether approved N/A answers have expired; without it none has. */
export function scoreService(
  items: readonly ScoredItem[],
  traits: readonly Trait[],
  answers: AnswerLookup,
  { today }: { today?: string } = {},
): ServiceScore {
  // hasOwn: a plain record must not answer for keys like "constructor" from Object.prototype.
  const answerOf =
    answers instanceof Map
      ? (key: string) => answers.get(key)
      : (key: string) =>
          Object.hasOwn(answers, key)
            ? (answers as Record<string, AnswerStatus | ScoredAnswer | undefined>)[key]
            : undefined;
  const overall = emptySummary();
  const categories: Record<string, ScoreSummary> = {};
  for (const item of items) {
    const answer = asScored(answerOf(item.key));
    const state = itemState(item, traits, answer, today);
    const verified = answer?.verified === true;
    add(overall, state, item.weight, verified);
    add((categories[item.categoryKey] ??= emptySummary()), state, item.weight, verified);
  }
  finish(overall);
  for (const summary of Object.values(categories)) finish(summary);
  return { overall, categories };
}

/** A checklist as scoring needs it: each category's items, with their weight and the traits they need. */
export type ScoredChecklist = readonly {
  key: string;
  items: readonly { id: string; weight: number; requiredTraits: readonly Trait[] }[];
}[];

/** The items of a checklist (in force at some moment) as scoring sees them, keyed by item id. */
export function scoredItems(checklist: ScoredChecklist): ScoredItem[] {
  return checklist.flatMap((category) =>
    category.items.map((item) => ({
      key: item.id,
      categoryKey: category.key,
      weight: item.weight,
      requiredTraits: item.requiredTraits,
    })),
  );
}

/** An answer as it is stored (lib/queries/answers.ts). */
export type StoredAnswer = {
  itemId: string;
  status: AnswerStatus;
  review: string;
  naState: NaState | null;
  naExpiresOn: Date | null;
};

/** A stored answer as scoring sees it. */
export function toScoredAnswer(answer: Omit<StoredAnswer, "itemId">): ScoredAnswer {
  return {
    status: answer.status,
    verified: answer.review === "VERIFIED",
    naState: answer.naState,
    naExpiresOn: answer.naExpiresOn ? dayOf(answer.naExpiresOn) : null,
  };
}

/** Scores one service from its answers (stored, or keyed by item id) as of `today` (N/A expiry). */
export function scoreAnswers(
  checklist: ScoredChecklist,
  traits: readonly Trait[],
  answers: ReadonlyMap<string, ScoredAnswer> | readonly StoredAnswer[],
  today: string,
) {
  const byItem = Array.isArray(answers)
    ? new Map(answers.map((answer) => [answer.itemId, toScoredAnswer(answer)]))
    : (answers as ReadonlyMap<string, ScoredAnswer>);
  return scoreService(scoredItems(checklist), traits, byItem, { today });
}
