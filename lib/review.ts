import { addDays, dayOf, type Day } from "@/lib/dates";
import type { AnswerStatus, ReviewState } from "@/lib/generated/prisma/enums";

// How an answer's review state moves, pure so that the rules read in one place.

/** After the team changes an answer or its evidence. */
export function reviewAfterTeamChange(review: ReviewState | undefined): ReviewState {
  if (review === "VERIFIED" || review === "CHANGED") return "CHANGED";
  // The team has responded to the requested changes: back to the reviewers as declared.
  return "DECLARED";
}

/** Only a met or partial answer can be verified: there is nothing to verify in "not met". */
export function canBeVerified(status: AnswerStatus) {
  return status === "MET" || status === "PARTIAL";
}

/** The first day evidence checked on `checkedOn` is stale. */
export function staleFrom(checkedOn: Date | Day, staleDays: number): Day {
  return addDays(typeof checkedOn === "string" ? checkedOn : dayOf(checkedOn), staleDays);
}

export function isStale(checkedOn: Date | Day, staleDays: number, today: Day) {
  return staleFrom(checkedOn, staleDays) <= today;
}

/** Evidence checked before this day is stale today. */
export function staleBefore(today: Day, staleDays: number): Day {
  return addDays(today, -staleDays + 1);
}
