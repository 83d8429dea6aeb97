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

/**
 * Whether a service created at `createdAt` existed at `at`. A change is shown only against a
 * moment when the service existed: before, it had no answers, and "+100 pts" against nothing says
 * nothing. The overview (lib/read-models/score-cache.ts) and the service page both ask this.
 */
export function existedAt(createdAt: Date, at: Date): boolean {
  return createdAt.getTime() <= at.getTime();
}

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

/** The instant a calendar day starts in a time zone (days are what people filter by). */
export function startOfDayIn(date: string, timeZone: string, addDays = 0): Date {
  const [year, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
  const utcGuess = Date.UTC(year, month - 1, dayOfMonth + addDays);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(utcGuess))
      .map((part) => [part.type, Number(part.value)]),
  );
  const asIfUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return new Date(utcGuess - (asIfUtc - utcGuess));
}

/** "2026-11-27 18:05" in a time zone: a moment to the minute, readable in both languages. */
export function minuteIn(date: Date, timeZone: string) {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}
