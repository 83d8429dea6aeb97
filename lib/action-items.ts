import { dayOf, type Day } from "@/lib/dates";
import type { ActionItemStatus } from "@/lib/generated/prisma/enums";

// Done and cancelled items are finished: they stop being carried into later quarters.
export const FINISHED: readonly ActionItemStatus[] = ["DONE", "CANCELLED"];

/** Late: not finished and its due day has passed. */
export function isOverdue(action: { status: ActionItemStatus; dueOn: Date }, today: Day) {
  return !FINISHED.includes(action.status) && dayOf(action.dueOn) < today;
}
