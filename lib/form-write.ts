import { revalidatePath } from "next/cache";
import type { z } from "zod";

import { getCurrentUser } from "@/lib/auth/session";
import { withDatabase } from "@/lib/errors";
import type { Principal } from "@/lib/permissions";
import {
  fieldErrorsFrom,
  formInput,
  formValues,
  refusedState,
  signedOutState,
  type FormMessage,
  type FormState,
} from "@/lib/validations/form";

export type WriteOutcome =
  | { ok: true }
  | { ok: false; field: string; key: string; values?: Record<string, string | number> }
  | { ok: false; notFound: true };

type Options = {
  // Errors about a field the form shows go next to it; others head the form.
  formFields?: readonly string[];
  // Fields sent several times (multiple choice), read as lists.
  arrays?: readonly string[];
  // What the change shows up in besides the page it was made on.
  revalidate: readonly (readonly [string] | readonly [string, "layout"])[];
};

/**
 * The shape every form write shares: signed in, valid input, the write (which checks the
 * permission itself, in its transaction), then the outcome as form state.
 */
export async function formWrite<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  write: (input: z.infer<S>, actor: Principal) => Promise<WriteOutcome>,
  success: (input: z.infer<S>) => FormMessage,
  { formFields = [], arrays = [], revalidate }: Options,
): Promise<FormState> {
  const values = formValues(formData);
  delete values.password;
  const actor = await getCurrentUser();
  if (!actor) return signedOutState(values);
  const parsed = schema.safeParse(formInput(formData, arrays));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsFrom(parsed.error), values };
  const result = await withDatabase(() => write(parsed.data, actor));
  if (!result.ok) return refusedState(result, values);
  const outcome = result.value;
  if (!outcome.ok) {
    if ("notFound" in outcome) return { status: "error", formError: { key: "errors.notFoundBody" }, values };
    const message = { key: outcome.key, ...(outcome.values ? { values: outcome.values } : {}) };
    if (formFields.includes(outcome.field))
      return { status: "error", fieldErrors: { [outcome.field]: [message] }, values };
    return { status: "error", formError: message, values };
  }
  for (const [path, type] of revalidate) revalidatePath(path, type);
  return { status: "saved", message: success(parsed.data), savedAt: Date.now() };
}
