"use server";

import { revalidatePath } from "next/cache";
import { submitAnswerForm } from "@/lib/answer-form";
import type { FormState } from "@/lib/validations/form";

export async function saveAnswerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await submitAnswerForm(formData);
  if (state.status === "saved") {
    revalidatePath("/services/[slug]", "page");
    revalidatePath("/services");
  }
  return state;
}
