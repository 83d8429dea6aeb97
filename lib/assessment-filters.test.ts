import { describe, expect, it } from "vitest";

import { readAssessmentFilter, showsAnswer, type FilteredAnswer } from "@/lib/assessment-filters";

const TODAY = "2026-12-02";
const answer: FilteredAnswer = {
  status: "MET",
  review: "DECLARED",
  naState: null,
  naExpiresOn: null,
  staleCount: 0,
};

describe("the assessment page's filters", () => {
  it("read only what they know from the address", () => {
    expect(readAssessmentFilter({ show: "not-met", category: "http" }, ["http"])).toEqual({
      show: "not-met",
      category: "http",
    });
    expect(readAssessmentFilter({ show: "everything", category: ["nope"] }, ["http"])).toEqual({
      show: null,
      category: null,
    });
    expect(readAssessmentFilter({}, [])).toEqual({ show: null, category: null });
  });

  it("show unanswered and not met items", () => {
    expect(showsAnswer(null, undefined, TODAY)).toBe(true);
    expect(showsAnswer("unanswered", undefined, TODAY)).toBe(true);
    expect(showsAnswer("unanswered", answer, TODAY)).toBe(false);
    expect(showsAnswer("not-met", { ...answer, status: "NOT_MET" }, TODAY)).toBe(true);
    expect(showsAnswer("not-met", { ...answer, status: "PARTIAL" }, TODAY)).toBe(false);
    expect(showsAnswer("not-met", undefined, TODAY)).toBe(false);
  });

  it("count as needing attention what the attention queue counts", () => {
    const attention = (changes: Partial<FilteredAnswer>) =>
      showsAnswer("attention", { ...answer, ...changes }, TODAY);
    expect(attention({})).toBe(false);
    expect(showsAnswer("attention", undefined, TODAY)).toBe(false);
    expect(attention({ review: "CHANGES_REQUESTED" })).toBe(true);
    expect(attention({ staleCount: 1 })).toBe(true);
    expect(attention({ status: "NOT_APPLICABLE", naState: "REJECTED" })).toBe(true);
    expect(attention({ status: "NOT_APPLICABLE", naState: "PENDING" })).toBe(false);
    const expired = new Date("2026-12-01T00:00:00Z");
    expect(attention({ status: "NOT_APPLICABLE", naState: "APPROVED", naExpiresOn: expired })).toBe(true);
    const later = new Date("2027-01-01T00:00:00Z");
    expect(attention({ status: "NOT_APPLICABLE", naState: "APPROVED", naExpiresOn: later })).toBe(false);
  });
});
