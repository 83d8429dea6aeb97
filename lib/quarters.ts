import { startOfDayIn, type Day } from "@/lib/dates";

// Fiscal quarters, pure. The fiscal year is named by the calendar year it starts in, as Japanese
// companies name 年度: with an April start, FY2026 runs from 2026-04-01 to 2027-03-31.

export const DEFAULT_FISCAL_START_MONTH = 4;

export type Quarter = {
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  // The first day of the quarter and the first day after it.
  start: Day;
  end: Day;
};

const pad = (value: number) => String(value).padStart(2, "0");
const firstOfMonth = (year: number, monthIndex: number): Day => {
  const normalised = new Date(Date.UTC(year, monthIndex, 1));
  return `${normalised.getUTCFullYear()}-${pad(normalised.getUTCMonth() + 1)}-01`;
};

/** The quarter `quarter` of fiscal year `fiscalYear` when the year starts in `startMonth` (1-12). */
export function fiscalQuarter(fiscalYear: number, quarter: 1 | 2 | 3 | 4, startMonth: number): Quarter {
  const startIndex = startMonth - 1 + (quarter - 1) * 3;
  return {
    fiscalYear,
    quarter,
    start: firstOfMonth(fiscalYear, startIndex),
    end: firstOfMonth(fiscalYear, startIndex + 3),
  };
}

/** The quarter a day falls in. */
export function quarterOf(day: Day, startMonth: number): Quarter {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const fiscalYear = month >= startMonth ? year : year - 1;
  const quarter = (Math.floor(((((month - startMonth) % 12) + 12) % 12) / 3) + 1) as Quarter["quarter"];
  return fiscalQuarter(fiscalYear, quarter, startMonth);
}

/** The quarter `offset` quarters after (or before, when negative) the given one. */
export function shiftQuarter(from: Quarter, offset: number, startMonth: number): Quarter {
  const index = from.fiscalYear * 4 + (from.quarter - 1) + offset;
  return fiscalQuarter(Math.floor(index / 4), ((index % 4) + 1) as Quarter["quarter"], startMonth);
}

/** The last `count` quarters up to and including the one holding `day`, oldest first. */
export function recentQuarters(day: Day, count: number, startMonth: number): Quarter[] {
  const current = quarterOf(day, startMonth);
  return Array.from({ length: count }, (_, index) => shiftQuarter(current, index - count + 1, startMonth));
}

export function isFiscalStartMonth(value: number) {
  return Number.isInteger(value) && value >= 1 && value <= 12;
}

/** "2026-Q3" for FY2026 Q3: how a quarter is written in addresses. */
export function quarterParam(quarter: Pick<Quarter, "fiscalYear" | "quarter">) {
  return `${quarter.fiscalYear}-Q${quarter.quarter}`;
}

export function parseQuarterParam(value: string | undefined, startMonth: number, today: string): Quarter {
  const match = value?.match(/^(\d{4})-Q([1-4])$/);
  return match
    ? fiscalQuarter(Number(match[1]), Number(match[2]) as Quarter["quarter"], startMonth)
    : quarterOf(today, startMonth);
}

/** The instant a quarter ends: the first moment of the day after it, in a time zone. */
export function quarterEndInstant(quarter: Pick<Quarter, "end">, timeZone: string) {
  return startOfDayIn(quarter.end, timeZone);
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A quarter's name as people read it, e.g. "FY2026 Q3" or "2026年度 第3四半期". */
export function quarterName(t: Translate, quarter: Pick<Quarter, "fiscalYear" | "quarter">) {
  return t("quarter.name", { year: quarter.fiscalYear, quarter: quarter.quarter });
}
