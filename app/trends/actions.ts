"use server";

import { revalidatePath } from "next/cache";

import { getCurrentUser } from "@/lib/auth/session";
import { withDatabase } from "@/lib/errors";
import { closeQuarter } from "@/lib/queries/quarters";
import {
  fieldErrorsFrom,
  formValues,
  refusedState,
  signedOutState,
  type FormState,
} from "@/lib/validations/form";
import { quarterCloseSchema } from "@/lib/validations/quarters";

export async function closeQuarterAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const actor = await getCurrentUser();
  if (!actor) return signedOutState(values);
  const parsed = quarterCloseSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsFrom(parsed.error), values };
  const result = await withDatabase(() => closeQuarter(parsed.data, actor));
  if (!result.ok) return refusedState(result, values);
  if (result.value.outcome !== "closed")
    return { status: "error", formError: { key: `trends.${result.value.outcome}` }, values };
  revalidatePath("/", "layout");
  return { status: "saved", message: { key: "trends.closed" }, savedAt: Date.now() };
}
