"use server";

import { revalidatePath } from "next/cache";

import { getCurrentUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import {
  submitComment,
  submitEvidenceEdit,
  submitEvidenceRemoval,
  submitEvidenceRenewal,
  submitNewEvidence,
  submitReviewDecision,
} from "@/lib/item-forms";
import type { FormState } from "@/lib/validations/form";

type Submit = (
  formData: FormData,
  context: { actor: Awaited<ReturnType<typeof getCurrentUser>>; today: string },
) => Promise<FormState>;

// Evidence and review change scores, queues and logs across the app.
async function run(submit: Submit, formData: FormData): Promise<FormState> {
  const state = await submit(formData, {
    actor: await getCurrentUser(),
    today: todayIn(env.TENKEN_TIME_ZONE),
  });
  if (state.status === "saved") {
    revalidatePath("/services", "layout");
    revalidatePath("/review");
    revalidatePath("/attention");
    revalidatePath("/audit");
  }
  return state;
}

export async function addEvidenceAction(_previous: FormState, formData: FormData) {
  return run(submitNewEvidence, formData);
}

export async function updateEvidenceAction(_previous: FormState, formData: FormData) {
  return run(submitEvidenceEdit, formData);
}

export async function removeEvidenceAction(_previous: FormState, formData: FormData) {
  return run(submitEvidenceRemoval, formData);
}

export async function renewEvidenceAction(_previous: FormState, formData: FormData) {
  return run(submitEvidenceRenewal, formData);
}

export async function reviewAnswerAction(_previous: FormState, formData: FormData) {
  return run(submitReviewDecision, formData);
}

export async function addCommentAction(_previous: FormState, formData: FormData) {
  return run(submitComment, formData);
}
