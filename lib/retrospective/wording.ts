import { dateOfDay, type Day } from "@/lib/dates";
import type { Change, PeriodEvent } from "@/lib/retrospective/changes";
import type { Retrospective } from "@/lib/retrospective/load";

// The words the page, the presenter view and the Markdown minutes share, so that the three say
// the same thing about an N/A change or a stretch of stale evidence.

type Translate = (key: string, values?: Record<string, string | number>) => string;
export type StaleStretch = Retrospective["staleEvidence"][number];

const daysBetween = (from: Day, to: Day) =>
  Math.round((dateOfDay(to).getTime() - dateOfDay(from).getTime()) / 86_400_000);

/**
 * What an N/A change was: a save that declared N/A (and what the answer was before), a save that
 * withdrew it (and the answer given instead), or a reviewer's decision.
 */
export function naChangeText(t: Translate, { event, before, after }: Change<PeriodEvent>) {
  const status = (value: string | null) => (value ? t(`status.${value}`) : t("status.unanswered"));
  if (event.action !== "SAVED") return t(`retrospective.naAction.${event.action}`);
  return after === "NOT_APPLICABLE"
    ? t("retrospective.naDeclared", { before: status(before) })
    : t("retrospective.naWithdrawn", { after: status(after) });
}

/** When a piece went stale and how that ended: renewed or removed (on which day, by whom, after how long), or not yet. */
export function staleStretchText(t: Translate, stretch: StaleStretch, formatDay: (day: Day) => string) {
  const from = formatDay(stretch.stale_from);
  if (!stretch.ended_on) return t("retrospective.stillStale", { from });
  return t(stretch.ended_by === "REMOVED" ? "retrospective.staleRemoved" : "retrospective.staleRenewed", {
    from,
    day: formatDay(stretch.ended_on),
    name: stretch.ended_by_name ?? "",
    days: daysBetween(stretch.stale_from, stretch.ended_on),
  });
}

/** A piece's name: its title, or its address, or its kind. */
export const evidenceName = (t: Translate, stretch: StaleStretch) =>
  stretch.title || stretch.url || t(`evidence.kinds.${stretch.kind}`);
