import { env } from "@/lib/env";
import { maxUploadBytes } from "@/lib/evidence/upload";
import { submitForm } from "@/lib/forms/submit";
import type { Principal } from "@/lib/permissions";
import { addEvidence, removeEvidence, renewEvidence, updateEvidence } from "@/lib/queries/evidence";
import { addComment, decideOnAnswer } from "@/lib/queries/review";
import { evidenceAtRevisionSchema, evidenceEditSchema, newEvidenceSchema } from "@/lib/validations/evidence";
import { commentSchema, reviewDecisionSchema } from "@/lib/validations/review";

// The item page's forms as their server actions (lib/actions/evidence.ts, lib/actions/review.ts)
// run them, through the forms' write path with real FormData and files, as a given person on a
// given day. Only the revalidation of pages, which needs a running Next.js, is left out.

type Context = { actor: Principal | null; today: string };

async function submitted<T>(submission: Promise<{ state: T }>) {
  return (await submission).state;
}

export const submitNewEvidence = (data: FormData, { actor, today }: Context) =>
  submitted(
    submitForm(data, actor, {
      schema: newEvidenceSchema(maxUploadBytes(env.TENKEN_EVIDENCE_MAX_MB)),
      run: (input, by) => addEvidence(input, by, { today }),
    }),
  );

export const submitEvidenceEdit = (data: FormData, { actor }: Context) =>
  submitted(submitForm(data, actor, { schema: evidenceEditSchema, run: updateEvidence }));

export const submitEvidenceRemoval = (data: FormData, { actor }: Context) =>
  submitted(submitForm(data, actor, { schema: evidenceAtRevisionSchema, run: removeEvidence }));

export const submitEvidenceRenewal = (data: FormData, { actor, today }: Context) =>
  submitted(
    submitForm(data, actor, {
      schema: evidenceAtRevisionSchema,
      run: (target, by) => renewEvidence(target, by, { today }),
    }),
  );

export const submitReviewDecision = (data: FormData, { actor, today }: Context) =>
  submitted(
    submitForm(data, actor, {
      schema: reviewDecisionSchema,
      run: (decision, by) => decideOnAnswer(decision, by, { today }),
    }),
  );

export const submitComment = (data: FormData, { actor }: Context) =>
  submitted(submitForm(data, actor, { schema: commentSchema, run: addComment }));
