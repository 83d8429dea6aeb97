import type { z } from "zod";

import { formInput, formValues, type FormState } from "@/lib/forms/state";
import type { Principal, SubjectlessRule } from "@/lib/permissions";
import type { Message, Result } from "@/lib/result";
import { write, writeAnonymously, type Asker } from "@/lib/write";

/** A form's write: its schema and the write. */
export type FormWrite<S extends z.ZodType, T, Actor = Principal> = {
  schema: S;
  run: (input: z.output<S>, actor: Actor) => Promise<T>;
  // What the form says once saved ("Saved." unless told).
  done?: Message | ((data: T, input: z.output<S>) => Message);
  // Fields sent several times (checkboxes, multiple choice), read as lists.
  arrays?: readonly string[];
  // Who may submit it at all, when that needs no subject: checked before the input is read.
  rule?: SubjectlessRule;
};

/** The form's answer, and on success what the write made from which input (for a redirect). */
export type Submitted<T, Input> = { state: NonNullable<FormState>; saved?: { data: T; input: Input } };

function answer<S extends z.ZodType, T>(
  result: Result<{ data: T; input: z.output<S> }>,
  formData: FormData,
  done: FormWrite<S, T, unknown>["done"],
): Submitted<T, z.output<S>> {
  const at = Date.now();
  if (!result.ok) return { state: { ...result, values: formValues(formData), at } };
  const { data, input } = result.data;
  const message = typeof done === "function" ? done(data, input) : (done ?? { key: "app.saved" });
  return { state: { ok: true, data: message, at }, saved: result.data };
}

/**
 * A form submitted through the one write path (lib/write.ts) by `asker`. Revalidation and
 * redirects are the server action's (lib/forms/action.ts), so that tests and the bench run
 * exactly this with an actor of their own.
 */
export async function submitForm<S extends z.ZodType, T>(
  formData: FormData,
  asker: Asker,
  form: FormWrite<S, T>,
): Promise<Submitted<T, z.output<S>>> {
  const result = await write(
    form.schema,
    formInput(formData, form.arrays),
    asker,
    async (input, actor) => ({ data: await form.run(input, actor), input }),
    form.rule,
  );
  return answer(result, formData, form.done);
}

/** A form anyone may submit, such as signing in: the write itself decides who may. */
export async function submitPublicForm<S extends z.ZodType, T>(
  formData: FormData,
  form: FormWrite<S, T, null>,
): Promise<Submitted<T, z.output<S>>> {
  const result = await writeAnonymously(form.schema, formInput(formData, form.arrays), async (input) => ({
    data: await form.run(input, null),
    input,
  }));
  return answer(result, formData, form.done);
}
