// What changed in a period, pure: from each answer's status at the start and the events during
// the period, the items newly met, those that regressed, and every N/A decision or declaration.

export type Status = "MET" | "PARTIAL" | "NOT_MET" | "NOT_APPLICABLE";
export type PeriodEvent = {
  serviceId: string;
  itemId: string;
  action: "SAVED" | "VERIFIED" | "CHANGES_REQUESTED" | "NA_APPROVED" | "NA_REJECTED" | "LAPSED";
  fromStatus: Status | null;
  toStatus: Status;
  actorName: string;
  createdAt: Date;
};
export type Change<E extends PeriodEvent> = { event: E; before: Status | null; after: Status };

const RANK: Partial<Record<Status, number>> = { NOT_MET: 0, PARTIAL: 1, MET: 2 };

export function classifyChanges<E extends PeriodEvent>(
  statusAtStart: (serviceId: string, itemId: string) => Status | null,
  events: readonly E[],
) {
  const last = new Map<string, E>();
  const naChanges: Change<E>[] = [];
  for (const event of events) {
    if (event.action === "SAVED") last.set(`${event.serviceId}|${event.itemId}`, event);
    const naDeclared =
      event.action === "SAVED" &&
      event.fromStatus !== event.toStatus &&
      (event.toStatus === "NOT_APPLICABLE" || event.fromStatus === "NOT_APPLICABLE");
    if (naDeclared || event.action === "NA_APPROVED" || event.action === "NA_REJECTED")
      naChanges.push({ event, before: event.fromStatus, after: event.toStatus });
  }
  const newlyMet: Change<E>[] = [];
  const regressed: Change<E>[] = [];
  for (const event of last.values()) {
    const before = statusAtStart(event.serviceId, event.itemId);
    const after = event.toStatus;
    if (after === "MET" && before !== "MET") newlyMet.push({ event, before, after });
    const [from, to] = [before ? RANK[before] : undefined, RANK[after]];
    if (from !== undefined && to !== undefined && to < from) regressed.push({ event, before, after });
  }
  return { newlyMet, regressed, naChanges };
}
