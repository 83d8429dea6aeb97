import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";

import { getCurrentUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { submitForm, submitPublicForm, type FormWrite, type Submitted } from "@/lib/forms/submit";
import type { FieldErrors, Message } from "@/lib/result";

/** After a successful write: the pages it shows up on, and where to send the person, if anywhere. */
export type AfterWrite<T, Input> = {
  revalidate?: readonly (readonly [path: string] | readonly [path: string, type: "layout" | "page"])[];
  redirectTo?: (data: T, input: Input) => string;
};

/**
 * The form's answer with its messages translated here, on the server: the browser is sent only
 * the messages its page shows (lib/i18n/client-messages.ts), not every message a write may answer.
 */
async function translated(state: NonNullable<FormState>): Promise<NonNullable<FormState>> {
  const t = await getTranslations();
  const text = (message: Message): Message => ({ ...message, text: t(message.key, message.values) });
  if (state.ok) return { ...state, data: text(state.data) };
  const fieldErrors: FieldErrors | undefined = state.fieldErrors
    ? Object.fromEntries(
        Object.entries(state.fieldErrors).map(([field, messages]) => [field, messages.map(text)]),
      )
    : undefined;
  return { ...state, message: text(state.message), ...(fieldErrors ? { fieldErrors } : {}) };
}

async function settle<T, Input>({ state, saved }: Submitted<T, Input>, after: AfterWrite<T, Input>) {
  // Refused because someone changed it meanwhile: the page is read again (their change, its new
  // revision) while the form keeps what this person entered, so that saving again is a choice.
  const stale = !state.ok && state.code === "conflict";
  if (saved || stale) for (const [path, type] of after.revalidate ?? []) revalidatePath(path, type);
  if (!saved) return translated(state);
  // redirect() throws, as Next.js expects of it, so it comes last.
  if (after.redirectTo) redirect(after.redirectTo(saved.data, saved.input));
  return translated(state);
}

/**
 * The body of every form's server action (lib/actions): the form submitted as the signed-in
 * person through the one write path, then the pages it changed revalidated.
 */
export async function formAction<S extends z.ZodType, T>(
  formData: FormData,
  form: FormWrite<S, T> & AfterWrite<T, z.output<S>>,
): Promise<FormState> {
  return settle(await submitForm(formData, getCurrentUser, form), form);
}

/** The same for a form anyone may submit (signing in, the first admin). */
export async function publicFormAction<S extends z.ZodType, T>(
  formData: FormData,
  form: FormWrite<S, T, null> & AfterWrite<T, z.output<S>>,
): Promise<FormState> {
  return settle(await submitPublicForm(formData, form), form);
}
