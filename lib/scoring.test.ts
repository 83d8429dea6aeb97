import { describe, expect, it } from "vitest";

import {
  isApplicable,
  itemState,
  scoreService,
  STATUS_POINTS,
  type AnswerStatus,
  type ScoredItem,
  type Trait,
} from "@/lib/scoring";

// What a group of two items that both need a missing trait adds up to.
const TWO_SET_ASIDE = {
  percent: null,
  earned: 0,
  possible: 0,
  applicable: 0,
  answered: 0,
  unanswered: 0,
  notApplicable: 0,
  naUnapproved: 0,
  inapplicable: 2,
  progressPercent: null,
  verifiedEarned: 0,
  verifiedPercent: null,
  naRatePercent: null,
};

function item(key: string, overrides: Partial<Omit<ScoredItem, "key">> = {}): ScoredItem {
  return { key, categoryKey: "basics", weight: 1, requiredTraits: [], ...overrides };
}

const HTTP = ["SERVES_HTTP"] as const satisfies readonly Trait[];
const NGINX = ["SERVES_HTTP", "BEHIND_NGINX"] as const satisfies readonly Trait[];

describe("isApplicable", () => {
  it("applies items without required traits to every service", () => {
    expect(isApplicable({ requiredTraits: [] }, [])).toBe(true);
    expect(isApplicable({ requiredTraits: [] }, ["RUNS_BATCH"])).toBe(true);
  });

  it("needs the one required trait", () => {
    expect(isApplicable({ requiredTraits: HTTP }, [])).toBe(false);
    expect(isApplicable({ requiredTraits: HTTP }, ["RUNS_BATCH"])).toBe(false);
    expect(isApplicable({ requiredTraits: HTTP }, ["RUNS_BATCH", "SERVES_HTTP"])).toBe(true);
  });

  it("needs every required trait: nginx items want both HTTP and nginx", () => {
    expect(isApplicable({ requiredTraits: NGINX }, ["SERVES_HTTP"])).toBe(false);
    expect(isApplicable({ requiredTraits: NGINX }, ["BEHIND_NGINX"])).toBe(false);
    expect(isApplicable({ requiredTraits: NGINX }, ["BEHIND_NGINX", "SERVES_HTTP"])).toBe(true);
  });
});

describe("STATUS_POINTS", () => {
  it("gives 1 for met, 0.5 for partial, 0 for not met, and nothing for N/A", () => {
    expect(STATUS_POINTS).toEqual({ MET: 1, PARTIAL: 0.5, NOT_MET: 0 });
    expect("NOT_APPLICABLE" in STATUS_POINTS).toBe(false);
  });
});

describe("itemState", () => {
  it("maps each answer status to its state", () => {
    const states = (["MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE"] as const).map((status) =>
      itemState(item("a"), [], status),
    );
    expect(states).toEqual(["met", "partial", "not-met", "not-applicable"]);
  });

  it("calls an applicable item without an answer unanswered", () => {
    expect(itemState(item("a"), [], undefined)).toBe("unanswered");
  });

  it("calls an item inapplicable when a trait is missing, whatever the answer", () => {
    expect(itemState(item("a", { requiredTraits: NGINX }), ["SERVES_HTTP"], undefined)).toBe("inapplicable");
    expect(itemState(item("a", { requiredTraits: NGINX }), ["SERVES_HTTP"], "MET")).toBe("inapplicable");
  });
});

describe("scoreService", () => {
  it("scores met, partial and not met as 1, 0.5 and 0", () => {
    const items = [item("a"), item("b"), item("c")];
    const { overall } = scoreService(items, [], { a: "MET", b: "PARTIAL", c: "NOT_MET" });
    expect(overall).toMatchObject({
      earned: 1.5,
      possible: 3,
      percent: 50,
      answered: 3,
      unanswered: 0,
      progressPercent: 100,
    });
  });

  it("multiplies points by weight, so a weight-3 item dominates", () => {
    const items = [item("heavy", { weight: 3 }), item("light1"), item("light2")];
    expect(
      scoreService(items, [], { heavy: "MET", light1: "NOT_MET", light2: "NOT_MET" }).overall,
    ).toMatchObject({ earned: 3, possible: 5, percent: 60 });
    expect(scoreService(items, [], { heavy: "NOT_MET", light1: "MET", light2: "MET" }).overall).toMatchObject(
      { earned: 2, possible: 5, percent: 40 },
    );
    expect(scoreService(items, [], { heavy: "PARTIAL", light1: "MET", light2: "MET" }).overall).toMatchObject(
      { earned: 3.5, possible: 5, percent: 70 },
    );
  });

  it("leaves N/A out of the points but counts it as answered", () => {
    const items = [item("a"), item("b", { weight: 2 })];
    expect(scoreService(items, [], { a: "MET", b: "NOT_APPLICABLE" }).overall).toEqual({
      percent: 100,
      earned: 1,
      possible: 1,
      applicable: 2,
      answered: 2,
      unanswered: 0,
      notApplicable: 1,
      naUnapproved: 0,
      inapplicable: 0,
      progressPercent: 100,
      verifiedEarned: 0,
      verifiedPercent: 0,
      naRatePercent: 50,
    });
  });

  it("counts unanswered applicable items as 0 and reports them", () => {
    const items = [item("a"), item("b"), item("c"), item("d")];
    expect(scoreService(items, [], { a: "MET" }).overall).toMatchObject({
      percent: 25,
      earned: 1,
      possible: 4,
      applicable: 4,
      answered: 1,
      unanswered: 3,
      progressPercent: 25,
    });
  });

  it("sets aside items the service's traits rule out and ignores their stray answers", () => {
    const items = [
      item("a"),
      item("http", { requiredTraits: HTTP }),
      item("nginx", { requiredTraits: NGINX, weight: 5 }),
    ];
    const { overall } = scoreService(items, ["SERVES_HTTP"], { a: "MET", http: "NOT_MET", nginx: "MET" });
    expect(overall).toEqual({
      percent: 50,
      earned: 1,
      possible: 2,
      applicable: 2,
      answered: 2,
      unanswered: 0,
      notApplicable: 0,
      naUnapproved: 0,
      inapplicable: 1,
      progressPercent: 100,
      verifiedEarned: 0,
      verifiedPercent: 0,
      naRatePercent: 0,
    });
  });

  it("brings an item back in once the service gains the trait", () => {
    const items = [item("a"), item("nginx", { requiredTraits: NGINX })];
    expect(scoreService(items, NGINX, { a: "MET", nginx: "NOT_MET" }).overall).toMatchObject({
      percent: 50,
      inapplicable: 0,
      applicable: 2,
    });
  });

  it("has no percent when everything applicable is N/A", () => {
    const items = [item("a"), item("b")];
    expect(scoreService(items, [], { a: "NOT_APPLICABLE", b: "NOT_APPLICABLE" }).overall).toMatchObject({
      percent: null,
      earned: 0,
      possible: 0,
      answered: 2,
      notApplicable: 2,
      progressPercent: 100,
    });
  });

  it("has no percent and no progress when nothing applies", () => {
    const items = [
      item("batch", { requiredTraits: ["RUNS_BATCH"] }),
      item("queue", { requiredTraits: ["USES_JOB_QUEUE"] }),
    ];
    expect(scoreService(items, [], { batch: "MET" }).overall).toEqual(TWO_SET_ASIDE);
  });

  it("has no percent and no progress for an empty checklist", () => {
    const { overall, categories } = scoreService([], [], {});
    expect(overall).toMatchObject({ percent: null, progressPercent: null, applicable: 0 });
    expect(categories).toEqual({});
  });

  it("rounds percent and progress to one decimal", () => {
    const items = [item("a"), item("b"), item("c")];
    expect(scoreService(items, [], { a: "MET", b: "MET", c: "NOT_MET" }).overall.percent).toBe(66.7);
    expect(scoreService(items, [], { a: "MET", b: "NOT_MET", c: "NOT_MET" }).overall.percent).toBe(33.3);
    expect(scoreService(items, [], { a: "MET" }).overall.progressPercent).toBe(33.3);
    expect(scoreService(items, [], { a: "MET", b: "MET" }).overall.progressPercent).toBe(66.7);
  });

  it("counts weight-0 items for progress but not for points", () => {
    const items = [item("a"), item("free", { weight: 0 })];
    expect(scoreService(items, [], { a: "MET" }).overall).toMatchObject({
      percent: 100,
      possible: 1,
      answered: 1,
      unanswered: 1,
      progressPercent: 50,
    });
    expect(scoreService(items, [], { a: "NOT_MET", free: "MET" }).overall).toMatchObject({
      percent: 0,
      earned: 0,
      possible: 1,
      progressPercent: 100,
    });
  });

  it("has no percent when only weight-0 items count", () => {
    expect(scoreService([item("free", { weight: 0 })], [], { free: "MET" }).overall).toMatchObject({
      percent: null,
      progressPercent: 100,
    });
  });

  it("scores each category on its own and every category appears", () => {
    const items = [
      item("logs1", { categoryKey: "logs" }),
      item("logs2", { categoryKey: "logs", weight: 2 }),
      item("http1", { categoryKey: "http", requiredTraits: HTTP }),
      item("nginx1", { categoryKey: "nginx", requiredTraits: NGINX }),
      item("nginx2", { categoryKey: "nginx", requiredTraits: NGINX }),
    ];
    const { overall, categories } = scoreService(items, ["SERVES_HTTP"], {
      logs1: "MET",
      logs2: "PARTIAL",
      http1: "NOT_APPLICABLE",
      nginx1: "MET",
    });

    expect(Object.keys(categories).sort()).toEqual(["http", "logs", "nginx"]);
    expect(categories.logs).toMatchObject({
      percent: 66.7,
      earned: 2,
      possible: 3,
      applicable: 2,
      answered: 2,
      progressPercent: 100,
    });
    expect(categories.http).toMatchObject({
      percent: null,
      applicable: 1,
      answered: 1,
      notApplicable: 1,
      progressPercent: 100,
    });
    expect(categories.nginx).toEqual(TWO_SET_ASIDE);
    expect(overall).toMatchObject({
      percent: 66.7,
      earned: 2,
      possible: 3,
      applicable: 3,
      answered: 3,
      notApplicable: 1,
      inapplicable: 2,
    });
  });

  it("adds the categories up to the overall counts", () => {
    const items = [
      item("a", { categoryKey: "x" }),
      item("b", { categoryKey: "y", weight: 2 }),
      item("c", { categoryKey: "y" }),
    ];
    const { overall, categories } = scoreService(items, [], { a: "PARTIAL", b: "MET" });
    const sum = (field: "earned" | "possible" | "applicable" | "answered" | "unanswered") =>
      Object.values(categories).reduce((total, summary) => total + summary[field], 0);
    for (const field of ["earned", "possible", "applicable", "answered", "unanswered"] as const)
      expect(sum(field), field).toBe(overall[field]);
  });

  it("reads answers from a Map and from a Record alike", () => {
    const items = [item("a"), item("b"), item("c", { weight: 2 })];
    const entries: [string, AnswerStatus][] = [
      ["a", "MET"],
      ["b", "NOT_APPLICABLE"],
      ["c", "PARTIAL"],
    ];
    const fromMap = scoreService(items, [], new Map(entries));
    const fromRecord = scoreService(items, [], Object.fromEntries(entries));
    expect(fromMap).toEqual(fromRecord);
    expect(fromMap.overall).toMatchObject({ percent: 66.7, earned: 2, possible: 3 });
  });

  it("treats undefined record values and answers for unknown items as no answer", () => {
    const { overall } = scoreService([item("a"), item("b")], [], { a: "MET", b: undefined, ghost: "MET" });
    expect(overall).toMatchObject({ earned: 1, possible: 2, answered: 1, unanswered: 1 });
  });

  it("does not take Object.prototype members for answers", () => {
    const { overall } = scoreService([item("constructor"), item("toString")], [], {});
    expect(overall).toMatchObject({ answered: 0, unanswered: 2, percent: 0, progressPercent: 0 });
  });

  it("gives the verified score points only for verified answers, out of the same total", () => {
    const items = [item("a"), item("b"), item("c", { weight: 2 })];
    const { overall } = scoreService(items, [], {
      a: { status: "MET", verified: true },
      b: { status: "MET" },
      c: { status: "PARTIAL", verified: true },
    });
    expect(overall).toMatchObject({
      earned: 3,
      possible: 4,
      percent: 75,
      verifiedEarned: 2,
      verifiedPercent: 50,
    });
  });
});

describe("not applicable as data", () => {
  const items = [item("a"), item("b"), item("c"), item("d")];

  it("counts an N/A as not met until it is approved", () => {
    for (const naState of ["PENDING", "REJECTED"] as const) {
      const { overall } = scoreService(items, [], {
        a: "MET",
        b: { status: "NOT_APPLICABLE", naState },
        c: "MET",
        d: "MET",
      });
      expect(overall, naState).toMatchObject({
        percent: 75,
        possible: 4,
        notApplicable: 0,
        naUnapproved: 1,
        answered: 4,
        naRatePercent: 0,
      });
    }
    const approved = scoreService(items, [], {
      a: "MET",
      b: { status: "NOT_APPLICABLE", naState: "APPROVED" },
      c: "MET",
      d: "MET",
    });
    expect(approved.overall).toMatchObject({
      percent: 100,
      possible: 3,
      notApplicable: 1,
      naUnapproved: 0,
      naRatePercent: 25,
    });
  });

  it("counts an approved N/A again after its expiry day, and not before", () => {
    const answers = {
      a: "MET",
      b: { status: "NOT_APPLICABLE", naState: "APPROVED", naExpiresOn: "2026-12-31" },
    } as const;
    const scoreOn = (today: string) => scoreService(items.slice(0, 2), [], answers, { today }).overall;
    expect(scoreOn("2026-12-31")).toMatchObject({ percent: 100, notApplicable: 1 });
    expect(scoreOn("2027-01-01")).toMatchObject({ percent: 50, notApplicable: 0, naUnapproved: 1 });
    expect(itemState(items[1]!, [], answers.b, "2027-01-01")).toBe("na-expired");
    expect(itemState(items[1]!, [], { status: "NOT_APPLICABLE", naState: "PENDING" })).toBe("na-unapproved");
  });

  it("treats a bare N/A status (history before review existed) as approved", () => {
    expect(scoreService(items.slice(0, 2), [], { a: "MET", b: "NOT_APPLICABLE" }).overall).toMatchObject({
      percent: 100,
      notApplicable: 1,
    });
  });
});
