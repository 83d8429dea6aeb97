import { revisionField, storableText, z } from "@/lib/validations/zod";

const day = storableText()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.review.expiresOn.invalid")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "validation.review.expiresOn.invalid");

const target = {
  serviceId: z.uuid("validation.answer.service.invalid"),
  itemKey: storableText()
    .trim()
    .min(1, "validation.answer.item.invalid")
    .max(100, "validation.answer.item.invalid"),
};
const comment = storableText().trim().max(5000, "validation.review.comment.tooLong");

// Requesting changes and rejecting an N/A must tell the team what to do; accepting need not.
export const reviewDecisionSchema = z
  .object({
    ...target,
    decision: z.enum(
      ["ACCEPT", "REQUEST_CHANGES", "APPROVE_NA", "REJECT_NA"],
      "validation.review.decision.invalid",
    ),
    comment: comment.default(""),
    expiresOn: storableText()
      .trim()
      .transform((value) => value || undefined)
      .pipe(day.optional())
      .optional(),
    // The answer's revision the reviewer read: a decision on what the team has changed since is refused.
    revision: revisionField,
  })
  .superRefine((input, ctx) => {
    if ((input.decision === "REQUEST_CHANGES" || input.decision === "REJECT_NA") && !input.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "validation.review.comment.required" });
    }
  });

export const commentSchema = z.object({
  ...target,
  body: comment.min(1, "validation.review.comment.required"),
});

export const QUEUE_SORTS = ["newest", "oldest", "service"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const reviewQuerySchema = z.object({
  team: storableText().max(50).optional().catch(undefined),
  category: storableText().max(100).optional().catch(undefined),
  service: storableText().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  // Newest change first when absent.
  sort: z.enum(QUEUE_SORTS).optional().catch(undefined),
});

export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;
export type CommentInput = z.infer<typeof commentSchema>;
