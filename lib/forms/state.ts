import type { Message, Result } from "@/lib/result";

// What forms send and get back. Shared by the server actions and the client components that
// render their answer (components/ui/form.tsx), so nothing here may need the server.

export type FormValues = Record<string, string | string[]>;

/**
 * A form action's answer: the write's result (on success, what to tell the person), with what
 * was sent when it failed so that nothing typed is lost, and when it was answered. Null before
 * the first submit.
 */
export type FormState = (Result<Message> & { values?: FormValues; at: number }) | null;

export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** What was typed, to send back with a refusal: never a password or a file. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    // Next.js's own fields start with $.
    if (key.startsWith("$") || /password/i.test(key)) continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === "string");
    if (all.length > 0) values[key] = all.length > 1 ? all : all[0]!;
  }
  return values;
}

/**
 * A form's fields as the schemas expect them: fields sent several times (checkboxes, multiple
 * choice) as lists, even when one or none was ticked; a field not sent at all stays absent.
 */
export function formInput(formData: FormData, arrays: readonly string[] = []) {
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue;
    input[key] = arrays.includes(key) ? formData.getAll(key) : formData.get(key);
  }
  for (const key of arrays) input[key] ??= [];
  return input;
}
