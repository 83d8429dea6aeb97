import { describe, expect, it } from "vitest";

import { fiscalQuarter, quarterOf, recentQuarters, shiftQuarter } from "@/lib/quarters";

describe("fiscal quarters", () => {
  it("follow an April start, the Japanese default", () => {
    expect(quarterOf("2026-11-27", 4)).toEqual({
      fiscalYear: 2026,
      quarter: 3,
      start: "2026-10-01",
      end: "2027-01-01",
    });
    expect(quarterOf("2027-03-31", 4)).toEqual({
      fiscalYear: 2026,
      quarter: 4,
      start: "2027-01-01",
      end: "2027-04-01",
    });
    expect(quarterOf("2026-04-01", 4)).toMatchObject({
      fiscalYear: 2026,
      quarter: 1,
      start: "2026-04-01",
      end: "2026-07-01",
    });
    expect(quarterOf("2026-03-31", 4)).toMatchObject({ fiscalYear: 2025, quarter: 4 });
  });

  it("follow a calendar-year start", () => {
    expect(quarterOf("2026-01-01", 1)).toEqual({
      fiscalYear: 2026,
      quarter: 1,
      start: "2026-01-01",
      end: "2026-04-01",
    });
    expect(quarterOf("2026-12-31", 1)).toEqual({
      fiscalYear: 2026,
      quarter: 4,
      start: "2026-10-01",
      end: "2027-01-01",
    });
  });

  it("follow a July and an October start, with quarters crossing the calendar year", () => {
    expect(quarterOf("2026-06-30", 7)).toEqual({
      fiscalYear: 2025,
      quarter: 4,
      start: "2026-04-01",
      end: "2026-07-01",
    });
    expect(quarterOf("2026-07-01", 7)).toMatchObject({ fiscalYear: 2026, quarter: 1 });
    expect(quarterOf("2026-12-15", 10)).toEqual({
      fiscalYear: 2026,
      quarter: 1,
      start: "2026-10-01",
      end: "2027-01-01",
    });
    expect(quarterOf("2027-01-15", 11)).toEqual({
      fiscalYear: 2026,
      quarter: 1,
      start: "2026-11-01",
      end: "2027-02-01",
    });
    expect(fiscalQuarter(2026, 4, 12)).toEqual({
      fiscalYear: 2026,
      quarter: 4,
      start: "2027-09-01",
      end: "2027-12-01",
    });
  });

  it("put every day of a year in exactly one quarter, for every start month", () => {
    for (let startMonth = 1; startMonth <= 12; startMonth++) {
      for (let time = Date.UTC(2025, 0, 1); time < Date.UTC(2027, 0, 1); time += 86_400_000) {
        const day = new Date(time).toISOString().slice(0, 10);
        const quarter = quarterOf(day, startMonth);
        expect(quarter.start <= day && day < quarter.end, `${day} start ${startMonth}`).toBe(true);
      }
    }
  });

  it("step back and forth across fiscal years", () => {
    const q3 = quarterOf("2026-11-27", 4);
    expect(shiftQuarter(q3, 1, 4)).toMatchObject({ fiscalYear: 2026, quarter: 4 });
    expect(shiftQuarter(q3, 2, 4)).toMatchObject({ fiscalYear: 2027, quarter: 1, start: "2027-04-01" });
    expect(shiftQuarter(q3, -3, 4)).toMatchObject({ fiscalYear: 2025, quarter: 4, start: "2026-01-01" });
    expect(
      recentQuarters("2026-11-27", 8, 4).map((quarter) => `${quarter.fiscalYear}Q${quarter.quarter}`),
    ).toEqual(["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"]);
  });
});
