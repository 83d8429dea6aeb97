import { z } from "@/lib/validations/zod";

export const retrospectiveQuerySchema = z.object({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/).optional().catch(undefined),
  team: z.string().regex(/^[a-z0-9-]+$/).max(50).optional().catch(undefined),
});
