import { describe, expect, it } from "vitest";

import { classifyChanges, type PeriodEvent } from "@/lib/retrospective/changes";

const at = (day: number) => new Date(Date.UTC(2026, 9, day));
const event = (
  itemId: string,
  action: PeriodEvent["action"],
  fromStatus: PeriodEvent["fromStatus"],
  toStatus: PeriodEvent["toStatus"],
  day: number,
): PeriodEvent => ({
  serviceId: "s",
  itemId,
  action,
  fromStatus,
  toStatus,
  actorName: "Mei",
  createdAt: at(day),
});

describe("what changed in a quarter", () => {
  it("finds items newly met and regressions, judged from the start of the period to its last answer", () => {
    const start: Record<string, PeriodEvent["toStatus"] | undefined> = {
      a: "NOT_MET",
      b: "MET",
      c: "PARTIAL",
      d: "MET",
    };
    const { newlyMet, regressed } = classifyChanges(
      (_, item) => start[item] ?? null,
      [
        event("a", "SAVED", "NOT_MET", "MET", 2),
        event("b", "SAVED", "MET", "NOT_MET", 3),
        event("c", "SAVED", "PARTIAL", "NOT_MET", 4),
        event("c", "SAVED", "NOT_MET", "PARTIAL", 5), // back where it started: no change
        event("d", "SAVED", "MET", "PARTIAL", 6),
        event("d", "SAVED", "PARTIAL", "MET", 7), // the same
        event("e", "SAVED", null, "MET", 8), // answered for the first time
        event("a", "VERIFIED", "MET", "MET", 9), // review steps change no status
      ],
    );
    expect(newlyMet.map((change) => [change.event.itemId, change.before])).toEqual([
      ["a", "NOT_MET"],
      ["e", null],
    ]);
    expect(regressed.map((change) => [change.event.itemId, change.before, change.after])).toEqual([
      ["b", "MET", "NOT_MET"],
    ]);
  });

  it("lists every N/A declaration and decision, with who and when", () => {
    const { naChanges, newlyMet } = classifyChanges(
      () => null,
      [
        event("x", "SAVED", "NOT_MET", "NOT_APPLICABLE", 2),
        event("x", "NA_APPROVED", "NOT_APPLICABLE", "NOT_APPLICABLE", 3),
        event("y", "SAVED", "NOT_APPLICABLE", "PARTIAL", 4),
        event("z", "NA_REJECTED", "NOT_APPLICABLE", "NOT_APPLICABLE", 5),
      ],
    );
    expect(
      naChanges.map((change) => [
        change.event.itemId,
        change.event.action,
        change.event.createdAt.getUTCDate(),
      ]),
    ).toEqual([
      ["x", "SAVED", 2],
      ["x", "NA_APPROVED", 3],
      ["y", "SAVED", 4],
      ["z", "NA_REJECTED", 5],
    ]);
    expect(newlyMet).toEqual([]);
  });
});
