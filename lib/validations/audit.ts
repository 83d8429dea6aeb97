import { AUDIT_KINDS } from "@/lib/queries/audit";
import { SLUG_PATTERN } from "@/lib/validations/service";
import { z } from "@/lib/validations/zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

// The audit log's query string; anything odd is dropped rather than refused, as on the services list.
export const auditQuerySchema = z.object({
  actor: z.uuid().optional().catch(undefined),
  service: z.string().regex(SLUG_PATTERN).max(50).optional().catch(undefined),
  team: z.string().regex(SLUG_PATTERN).max(50).optional().catch(undefined),
  kind: z.enum(AUDIT_KINDS).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

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
