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
  // A category key: the chart follows that category instead of the overall score.
  category: storableText()
    .regex(/^[a-z0-9.-]+$/)
    .max(100)
    .optional()
    .catch(undefined),
});
