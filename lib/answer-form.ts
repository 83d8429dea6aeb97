import { withDatabase } from "@/lib/errors";
import { saveAnswer } from "@/lib/queries/answers";
import { getCurrentActor } from "@/lib/queries/users";
import { parseAnswerForm } from "@/lib/validations/answer";
import { fieldErrorsFrom, formValues, type FormState } from "@/lib/validations/form";

/**
 * What the assessment form's server action does, minus revalidation: validate, save, and say
 * what happened. Kept apart from the action so the benchmark can run the very same path.
 */
export async function submitAnswerForm(formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = parseAnswerForm(formData);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsFrom(parsed.error), values };
  const result = await withDatabase(async () => saveAnswer(parsed.data, await getCurrentActor()));
  if (!result.ok) return { status: "error", formError: { key: result.key }, values };
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
