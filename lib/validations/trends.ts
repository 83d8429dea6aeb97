import { storableText, z } from "@/lib/validations/zod";

export const quarterCloseSchema = z.object({
  fiscalYear: z.coerce
    .number("validation.quarter.invalid")
    .int("validation.quarter.invalid")
    .min(2000, "validation.quarter.invalid")
    .max(2200, "validation.quarter.invalid"),
  quarter: z.coerce
    .number("validation.quarter.invalid")
    .int("validation.quarter.invalid")
    .min(1, "validation.quarter.invalid")
    .max(4, "validation.quarter.invalid")
    .transform((value) => value as 1 | 2 | 3 | 4),
});

// Undoing a close is explained: the reason is kept with the reopening and shown on the trend. The
// quarter is chosen in one select, written as in addresses ("2026-Q3").
export const quarterReopenSchema = z
  .object({
    quarter: storableText("validation.quarter.invalid").regex(/^\d{4}-Q[1-4]$/, "validation.quarter.invalid"),
    reason: storableText("validation.quarter.reasonRequired")
      .trim()
      .min(1, "validation.quarter.reasonRequired")
      .max(500, "validation.quarter.reasonTooLong"),
  })
  .transform(({ quarter, reason }) => ({
    fiscalYear: Number(quarter.slice(0, 4)),
    quarter: Number(quarter.slice(6)) as 1 | 2 | 3 | 4,
    reason,
  }));

export const trendQuerySchema = z.object({
  team: storableText()
    .regex(/^[a-z0-9-]+$/)
    .max(50)
    .optional()
    .catch(undefined),
  service: storableText()
    .regex(/^[a-z0-9-]+$/)
    .max(50)
    .optional()
    .catch(undefined),
  // A quarter to close ("2026-Q3"): the page shows what closing it freezes and asks to confirm.
  close: storableText()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  // The quarter just closed or reopened, for the page to say so.
  closed: storableText()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  reopened: storableText()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  // A category key: the chart follows that category instead of the overall score.
  category: storableText()
    .regex(/^[a-z0-9.-]+$/)
    .max(100)
    .optional()
    .catch(undefined),
});
