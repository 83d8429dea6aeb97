import { AUDIT_KINDS } from "@/lib/queries/audit";
import { SLUG_PATTERN } from "@/lib/validations/service";
import { storableText, z } from "@/lib/validations/zod";

const day = storableText()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

// The audit log's query string; anything odd is dropped rather than refused, as on the services list.
export const auditQuerySchema = z.object({
  actor: z.uuid().optional().catch(undefined),
  service: storableText().regex(SLUG_PATTERN).max(50).optional().catch(undefined),
  team: storableText().regex(SLUG_PATTERN).max(50).optional().catch(undefined),
  kind: z.enum(AUDIT_KINDS).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
