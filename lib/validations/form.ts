import type { z } from "zod";

// Validation messages are message keys (see lib/i18n/messages), translated where they are
// shown, so the same schema serves the server action and the form in either language.
export type FormMessage = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Record<string, FormMessage[]>;

export type FormState = {
  status: "idle" | "error" | "saved";
  fieldErrors?: FieldErrors;
  formError?: FormMessage;
  // What went right, e.g. "saved" or "nothing changed".
  message?: FormMessage;
  // Echo of what was submitted, so a refused form keeps the person's input.
  values?: Record<string, string | string[]>;
  savedAt?: number;
  // The session had ended: the form offers to sign in again and come back.
  signedOut?: boolean;
};

export function signedOutState(values?: FormState["values"]): FormState {
  return {
    status: "error",
    formError: { key: "auth.sessionExpired" },
    signedOut: true,
    ...(values ? { values } : {}),
  };
}

/** The form state for a write that withDatabase refused (outage, forbidden, signed out). */
export function refusedState(
  refusal: { key: string; signedOut?: true },
  values?: FormState["values"],
): FormState {
  return {
    status: "error",
    formError: { key: refusal.key },
    ...(refusal.signedOut ? { signedOut: true } : {}),
    ...(values ? { values } : {}),
  };
}

export const idleFormState: FormState = { status: "idle" };

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const values = "params" in issue ? (issue.params as FormMessage["values"]) : undefined;
    (errors[field] ??= []).push({ key: issue.message, ...(values ? { values } : {}) });
  }
  return errors;
}

export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/** A form's fields as the schemas expect them: fields sent several times (checkboxes) as arrays. */
export function formInput(formData: FormData, arrays: readonly string[] = []) {
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue;
    input[key] = arrays.includes(key) ? formData.getAll(key) : formData.get(key);
  }
  for (const key of arrays) input[key] ??= [];
  return input;
}
