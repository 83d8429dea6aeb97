import { withDatabase } from "@/lib/errors";
import type { Principal } from "@/lib/permissions";
import { saveAnswer } from "@/lib/queries/answers";
import { parseAnswerForm } from "@/lib/validations/answer";
import {
  fieldErrorsFrom,
  formValues,
  refusedState,
  signedOutState,
  type FormState,
} from "@/lib/validations/form";

/**
 * What the assessment form's server action does, minus revalidation: validate, save, and say
 * what happened. Kept apart from the action so the benchmark can run the very same path.
 */
export async function submitAnswerForm(formData: FormData, actor: Principal | null): Promise<FormState> {
  const values = formValues(formData);
  if (!actor) return signedOutState(values);
  const parsed = parseAnswerForm(formData);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsFrom(parsed.error), values };
  const result = await withDatabase(() => saveAnswer(parsed.data, actor));
  if (!result.ok) return refusedState(result, values);
  switch (result.value.outcome) {
    case "unknown-service":
      return { status: "error", formError: { key: "validation.answer.service.invalid" }, values };
    case "unknown-item":
      return { status: "error", formError: { key: "validation.answer.item.invalid" }, values };
    case "unchanged":
      return { status: "saved", message: { key: "assessment.unchanged" }, savedAt: Date.now() };
    case "saved":
      return { status: "saved", message: { key: "assessment.saved" }, savedAt: Date.now() };
  }
}
