import { TRAIT_KEY_PATTERN } from "@/lib/traits";
import { SLUG_PATTERN } from "@/lib/validations/service";
import { storableText, z } from "@/lib/validations/zod";

// The overview's query string; anything odd is dropped, as on the other lists.
export const overviewQuerySchema = z.object({
  team: storableText().regex(SLUG_PATTERN).max(50).optional().catch(undefined),
  tier: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  trait: storableText().regex(TRAIT_KEY_PATTERN).optional().catch(undefined),
  // "name", "team", "tier", "overall" or a category key.
  sort: storableText()
    .regex(/^[a-z0-9.-]+$/)
    .max(100)
    .optional()
    .catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  // An item key: only the services that fail that item.
  failing: storableText()
    .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/)
    .max(100)
    .optional()
    .catch(undefined),
  // "YYYY-MM-DD": the overview as it stood at the end of that day.
  at: z.iso.date().optional().catch(undefined),
});

export type OverviewQuery = z.infer<typeof overviewQuerySchema>;
