import { dayOf, type Day } from "@/lib/dates";
import type { NaState, ReviewState } from "@/lib/generated/prisma/enums";

// The assessment page's filters live in the address (?show=…&category=…), so a link to "what is
// left to answer in Alerting" can be shared and the page stays server-rendered.

export const ASSESSMENT_SHOWS = ["unanswered", "not-met", "attention"] as const;
export type AssessmentShow = (typeof ASSESSMENT_SHOWS)[number];

export type AssessmentFilter = { show: AssessmentShow | null; category: string | null };

type Param = string | string[] | undefined;
const first = (value: Param) => (Array.isArray(value) ? value[0] : value) || null;

/** The filter from the page's search params; anything unknown means "all". */
export function readAssessmentFilter(
  params: Record<string, Param>,
  categoryKeys: readonly string[],
): AssessmentFilter {
  const show = first(params.show);
  const category = first(params.category);
  return {
    show: ASSESSMENT_SHOWS.find((known) => known === show) ?? null,
    category: category && categoryKeys.includes(category) ? category : null,
  };
}

export type FilteredAnswer = {
  status: string;
  review: ReviewState;
  naState: NaState | null;
  naExpiresOn: Date | null;
  staleCount: number;
};

/**
 * Whether an item's answer (undefined: not answered) is shown. "Needs attention" is what the team
 * has to act on, as the attention queue counts it (lib/queries/review.ts): changes requested, an
 * N/A rejected or expired, stale evidence.
 */
export function showsAnswer(show: AssessmentShow | null, answer: FilteredAnswer | undefined, today: Day) {
  switch (show) {
    case null:
      return true;
    case "unanswered":
      return !answer;
    case "not-met":
      return answer?.status === "NOT_MET";
    case "attention":
      return Boolean(
        answer &&
        (answer.review === "CHANGES_REQUESTED" ||
          answer.staleCount > 0 ||
          (answer.status === "NOT_APPLICABLE" &&
            (answer.naState === "REJECTED" ||
              (answer.naState === "APPROVED" && answer.naExpiresOn && dayOf(answer.naExpiresOn) < today)))),
      );
  }
}
