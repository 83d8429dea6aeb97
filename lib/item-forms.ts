import type { z } from "zod";

import { env } from "@/lib/env";
import { withDatabase } from "@/lib/errors";
import { maxUploadBytes, readEvidenceUpload } from "@/lib/evidence/upload";
import type { Principal } from "@/lib/permissions";
import {
  addEvidence,
  removeEvidence,
  renewEvidence,
  updateEvidence,
  type EvidenceWriteResult,
} from "@/lib/queries/evidence";
import { addComment, decideOnAnswer, type ReviewResult } from "@/lib/queries/review";
import {
  evidenceEditSchema,
  evidenceFormFields,
  evidenceIdSchema,
  newEvidenceSchema,
} from "@/lib/validations/evidence";
import {
  fieldErrorsFrom,
  formValues,
  refusedState,
  signedOutState,
  type FormMessage,
  type FormState,
} from "@/lib/validations/form";
import { commentSchema, reviewDecisionSchema } from "@/lib/validations/review";

// What the item page's forms do, minus revalidation: kept apart from the server actions so that
// tests run the very same path with real FormData, files included.

type Outcome = EvidenceWriteResult["outcome"] | ReviewResult["outcome"];
type Context = { actor: Principal | null; today: string };

// Outcomes that are not success, as what the person reads and where.
const REFUSALS: Partial<Record<Outcome, { key: string; field?: string }>> = {
  "unknown-service": { key: "validation.answer.service.invalid" },
  "unknown-item": { key: "validation.answer.item.invalid" },
  "no-answer": { key: "evidence.answerFirst" },
  "unknown-evidence": { key: "validation.evidence.unknown" },
  "not-reviewable": { key: "review.notReviewable" },
  "expiry-past": { key: "validation.review.expiresOn.past", field: "expiresOn" },
};

/** Signed in, valid input, the write (which checks permission in its transaction), the outcome. */
async function itemWrite<S extends z.ZodType>(
  formData: FormData,
  { actor, today }: Context,
  schema: S,
  input: Record<string, unknown>,
  write: (input: z.infer<S>, actor: Principal, today: string) => Promise<{ outcome: Outcome }>,
  success: FormMessage,
): Promise<FormState> {
  const values = formValues(formData);
  if (!actor) return signedOutState(values);
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsFrom(parsed.error), values };
  const result = await withDatabase(() => write(parsed.data, actor, today));
  if (!result.ok) return refusedState(result, values);
  const refusal = REFUSALS[result.value.outcome];
  if (refusal) {
    return refusal.field
      ? { status: "error", fieldErrors: { [refusal.field]: [{ key: refusal.key }] }, values }
      : { status: "error", formError: { key: refusal.key }, values };
  }
  return { status: "saved", message: success, savedAt: Date.now() };
}

const fields = (formData: FormData, ...names: string[]) => evidenceFormFields(formData, names);

export async function submitNewEvidence(formData: FormData, context: Context): Promise<FormState> {
  const input = fields(formData, "serviceId", "itemKey", "kind", "url", "title", "body");
  if (input.kind !== "FILE")
    return itemWrite(
      formData,
      context,
      newEvidenceSchema,
      input,
      (evidence, actor, today) => addEvidence(evidence, null, actor, { today }),
      { key: "evidence.added" },
    );

  // A file is checked from its bytes before anything is written; a refused file stores nothing.
  const values = formValues(formData);
  if (!context.actor) return signedOutState(values);
  const file = formData.get("file");
  const upload = await readEvidenceUpload(
    file instanceof File ? file : null,
    maxUploadBytes(env.TENKEN_EVIDENCE_MAX_MB),
  );
  if (!upload.ok)
    return {
      status: "error",
      fieldErrors: { file: [{ key: upload.key, ...(upload.values ? { values: upload.values } : {}) }] },
      values,
    };
  return itemWrite(
    formData,
    context,
    newEvidenceSchema,
    input,
    (evidence, actor, today) => addEvidence(evidence, upload, actor, { today }),
    { key: "evidence.added" },
  );
}

export async function submitEvidenceEdit(formData: FormData, context: Context) {
  return itemWrite(
    formData,
    context,
    evidenceEditSchema,
    fields(formData, "evidenceId", "kind", "url", "title", "body"),
    (edit, actor) => updateEvidence(edit, actor),
    { key: "evidence.updated" },
  );
}

export async function submitEvidenceRemoval(formData: FormData, context: Context) {
  return itemWrite(
    formData,
    context,
    evidenceIdSchema,
    fields(formData, "evidenceId"),
    (target, actor) => removeEvidence(target, actor),
    { key: "evidence.removed" },
  );
}

export async function submitEvidenceRenewal(formData: FormData, context: Context) {
  return itemWrite(
    formData,
    context,
    evidenceIdSchema,
    fields(formData, "evidenceId"),
    (target, actor, today) => renewEvidence(target, actor, { today }),
    { key: "evidence.renewed" },
  );
}

export async function submitReviewDecision(formData: FormData, context: Context) {
  const input = fields(formData, "serviceId", "itemKey", "decision", "comment", "expiresOn");
  return itemWrite(
    formData,
    context,
    reviewDecisionSchema,
    input,
    (decision, actor, today) => decideOnAnswer(decision, actor, { today }),
    { key: `review.done.${String(input.decision)}` },
  );
}

export async function submitComment(formData: FormData, context: Context) {
  return itemWrite(
    formData,
    context,
    commentSchema,
    fields(formData, "serviceId", "itemKey", "body"),
    (comment, actor) => addComment(comment, actor),
    { key: "comments.added" },
  );
}
