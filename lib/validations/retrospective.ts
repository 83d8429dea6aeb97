import { nextPathSchema } from "@/lib/validations/user";
import { revisionField, storableText, z } from "@/lib/validations/zod";

// Which retrospective a page or a download shows.
export const retrospectiveQuerySchema = z.object({
  quarter: storableText()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  team: storableText()
    .regex(/^[a-z0-9-]+$/)
    .max(50)
    .optional()
    .catch(undefined),
});

export const presenterQuerySchema = retrospectiveQuerySchema.extend({
  // 0 is the summary; 1..n walk the services.
  step: z.coerce.number().int().min(0).max(100_000).catch(0).default(0),
});

// What a retrospective records: incidents, action items, its notes, and the list of incident
// causes the organisation classifies by.

export const INCIDENT_SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export const ACTION_ITEM_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export const MAX_NOTES_LENGTH = 50_000;

const day = (key: string) =>
  storableText(key)
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, key)
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      key,
    );

export const quarterParamSchema = storableText("validation.quarter.invalid").regex(
  /^\d{4}-Q[1-4]$/,
  "validation.quarter.invalid",
);
// Empty select options arrive as "": they mean "none".
const optional = <T extends z.ZodType<string, string>>(schema: T) =>
  storableText()
    .trim()
    .transform((value) => value || undefined)
    .pipe(schema.optional())
    .optional();

export const incidentSchema = z.object({
  occurredOn: day("validation.incident.occurredOn.invalid"),
  severity: z.enum(INCIDENT_SEVERITIES, "validation.incident.severity.invalid"),
  summary: storableText("validation.incident.summary.required")
    .trim()
    .min(1, "validation.incident.summary.required")
    .max(2000, "validation.incident.summary.tooLong"),
  causeId: z.uuid("validation.incident.cause.required"),
  serviceIds: z
    .array(z.uuid("validation.incident.services.required"), "validation.incident.services.required")
    .min(1, "validation.incident.services.required")
    .max(100, "validation.incident.services.tooMany"),
});
export const incidentIdSchema = z.object({ incidentId: z.uuid("validation.incident.unknown") });
// Changing or deleting an incident carries the revision its page was read at (lib/queries/revisions.ts).
export const incidentEditSchema = incidentSchema.extend({
  ...incidentIdSchema.shape,
  revision: revisionField,
});

const actionFields = {
  title: storableText("validation.action.title.required")
    .trim()
    .min(1, "validation.action.title.required")
    .max(300, "validation.action.title.tooLong"),
  teamId: z.uuid("validation.action.team.required"),
  ownerId: z.uuid("validation.action.owner.required"),
  dueOn: day("validation.action.dueOn.invalid"),
  serviceId: optional(z.uuid("validation.action.service.invalid")),
  itemKey: optional(storableText().max(100, "validation.action.item.invalid")),
};
// An item is improved on a service: naming one without the other points nowhere.
const itemNeedsService = (input: { serviceId?: string; itemKey?: string }, ctx: z.RefinementCtx) => {
  if (input.itemKey && !input.serviceId)
    ctx.addIssue({ code: "custom", path: ["serviceId"], message: "validation.action.service.neededForItem" });
};
export const newActionItemSchema = z
  .object({ ...actionFields, quarter: quarterParamSchema })
  .superRefine(itemNeedsService);
export const actionItemEditSchema = z
  .object({
    ...actionFields,
    actionItemId: z.uuid("validation.action.unknown"),
    status: z.enum(ACTION_ITEM_STATUSES, "validation.action.status.invalid"),
    revision: revisionField,
  })
  .superRefine(itemNeedsService);
export const actionItemStatusSchema = z.object({
  actionItemId: z.uuid("validation.action.unknown"),
  status: z.enum(ACTION_ITEM_STATUSES, "validation.action.status.invalid"),
  revision: revisionField,
});

export const retrospectiveNotesSchema = z.object({
  quarter: quarterParamSchema,
  team: optional(
    storableText()
      .regex(/^[a-z0-9-]+$/, "validation.notes.scope.invalid")
      .max(50, "validation.notes.scope.invalid"),
  ),
  // Browsers send a textarea's line breaks as CRLF; the minutes and the wiki want LF.
  body: storableText()
    .transform((value) => value.replace(/\r\n?/g, "\n"))
    .pipe(storableText().max(MAX_NOTES_LENGTH, "validation.notes.body.tooLong")),
  // The version the person started from; 0 when there were no notes yet.
  version: z.coerce
    .number("validation.notes.version.invalid")
    .int("validation.notes.version.invalid")
    .min(0, "validation.notes.version.invalid"),
});

const causeNames = {
  nameEn: storableText("validation.cause.nameEn.required")
    .trim()
    .min(1, "validation.cause.nameEn.required")
    .max(60, "validation.cause.name.tooLong"),
  nameJa: storableText("validation.cause.nameJa.required")
    .trim()
    .min(1, "validation.cause.nameJa.required")
    .max(60, "validation.cause.name.tooLong"),
};
export const newCauseSchema = z.object(causeNames);
export const causeIdSchema = z.object({ causeId: z.uuid("validation.cause.unknown") });
export const causeEditSchema = z.object({ ...causeNames, ...causeIdSchema.shape });
export const causeMoveSchema = z.object({
  ...causeIdSchema.shape,
  direction: z.enum(["up", "down"], "validation.cause.unknown"),
});

export type IncidentInput = z.infer<typeof incidentSchema>;
export type IncidentEdit = Omit<z.infer<typeof incidentEditSchema>, "incidentId">;
export type NewActionItemInput = z.infer<typeof newActionItemSchema>;
export type ActionItemEdit = z.infer<typeof actionItemEditSchema>;
export type ActionItemStatusChange = z.infer<typeof actionItemStatusSchema>;
export type RetrospectiveNotesInput = z.infer<typeof retrospectiveNotesSchema>;
export type CauseNames = z.infer<typeof newCauseSchema>;

// Deleting an incident leaves its page: the person goes back to where they came from.
export const incidentDeleteSchema = incidentIdSchema.extend({
  back: nextPathSchema,
  revision: revisionField,
});
export type IncidentDelete = z.infer<typeof incidentDeleteSchema>;
