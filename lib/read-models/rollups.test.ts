import { describe, expect, it } from "vitest";

import {
  delta,
  distribution,
  rollUp,
  scoreEach,
  weakestItems,
  type ScoredService,
} from "@/lib/read-models/rollups";
import type { ScoredAnswer, ScoredItem } from "@/lib/scoring";

const items: ScoredItem[] = [
  { key: "a", categoryKey: "x", weight: 1, requiredTraits: [] },
  { key: "b", categoryKey: "x", weight: 1, requiredTraits: [] },
  { key: "http", categoryKey: "y", weight: 1, requiredTraits: ["SERVES_HTTP"] },
];
const service = (
  id: string,
  answers: Record<string, ScoredAnswer["status"] | ScoredAnswer>,
  traits: ScoredService["traits"] = [],
): ScoredService => ({
  id,
  traits,
  answers: new Map(
    Object.entries(answers).map(([key, value]) => [
      key,
      typeof value === "string" ? { status: value } : value,
    ]),
  ),
});

describe("roll-ups", () => {
  it("give average, median and spread of the scores that exist", () => {
    expect(distribution([100, null, 50, 0])).toEqual({ count: 3, average: 50, min: 0, median: 50, max: 100 });
    expect(distribution([10, 20, 30, 45])).toEqual({ count: 4, average: 26.3, min: 10, median: 25, max: 45 });
    expect(distribution([null])).toBeNull();
  });

  it("average services per category, leaving out services the category does not apply to", () => {
    const scored = scoreEach(
      [
        service("s1", { a: "MET", b: "MET", http: "MET" }, ["SERVES_HTTP"]),
        service("s2", { a: "NOT_MET", b: "MET" }),
      ],
      items,
      "2026-11-27",
    );
    const rollup = rollUp(scored, ["x", "y"]);
    expect(rollup.categories.x).toMatchObject({ count: 2, average: 75, min: 50, max: 100 });
    expect(rollup.categories.y).toMatchObject({ count: 1, average: 100 });
    expect(rollup.overall).toMatchObject({ count: 2, average: 75 });
  });

  it("rank the items most often not met where they apply, with the services concerned", () => {
    const services = [
      service("s1", { a: "NOT_MET", b: "MET", http: "NOT_MET" }, ["SERVES_HTTP"]),
      service("s2", { a: "NOT_MET", b: { status: "NOT_APPLICABLE", naState: "PENDING" } }),
      service("s3", { a: "MET" }),
    ];
    const weak = weakestItems(services, items, "2026-11-27");
    expect(weak).toEqual([
      { key: "http", applicable: 1, notMet: 1, ratePercent: 100, serviceIds: ["s1"] },
      { key: "a", applicable: 3, notMet: 2, ratePercent: 66.7, serviceIds: ["s1", "s2"] },
      { key: "b", applicable: 3, notMet: 1, ratePercent: 33.3, serviceIds: ["s2"] },
    ]);
  });

  it("compare in points", () => {
    expect(delta(62.5, 50)).toBe(12.5);
    expect(delta(null, 50)).toBeNull();
  });
});
