import { z } from "@/lib/validations/zod";

export const retrospectiveQuerySchema = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  team: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(50)
    .optional()
    .catch(undefined),
});

export const presenterQuerySchema = retrospectiveQuerySchema.extend({
  // 0 is the summary; 1..n walk the services.
  step: z.coerce.number().int().min(0).max(100_000).catch(0).default(0),
});
