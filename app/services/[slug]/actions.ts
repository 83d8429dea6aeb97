"use server";

import { revalidatePath } from "next/cache";

import { submitAnswerForm } from "@/lib/answer-form";
import { getCurrentUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/validations/form";

export async function saveAnswerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await submitAnswerForm(formData, await getCurrentUser());
  if (state.status === "saved") {
    revalidatePath("/services/[slug]", "page");
    revalidatePath("/services");
    revalidatePath("/audit");
  }
  return state;
}
