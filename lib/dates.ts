// Calendar days as "YYYY-MM-DD" strings: evidence is "checked on" a day and an N/A "expires on"
// a day, in the installation's time zone, so comparing strings compares days.

export type Day = string;

/** Today in a time zone, e.g. "2026-11-27". */
export function todayIn(timeZone: string, now = new Date()): Day {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** A PostgreSQL `date` as Prisma returns it (midnight UTC) back to its day. */
export function dayOf(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/** A day as the Date Prisma writes to a `date` column. */
export function dateOfDay(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: Day, days: number): Day {
  const date = dateOfDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}

export const COMPARISONS = ["day", "week", "quarter"] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The moments scores are compared with: a day, a week and a quarter (three months) before `now`. */
export function comparisonMoments(now: Date): Record<Comparison, Date> {
  const quarter = new Date(now);
  quarter.setUTCMonth(quarter.getUTCMonth() - 3);
  return {
    day: new Date(now.getTime() - 86_400_000),
    week: new Date(now.getTime() - 7 * 86_400_000),
    quarter,
  };
}
