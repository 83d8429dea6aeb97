"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useActionState, useEffect, useId } from "react";

import type { FormAction, FormState } from "@/lib/forms/state";
import type { Failure, Message } from "@/lib/result";

// Every form renders its server action's answer (lib/forms/state.ts) the same way: field errors
// next to their fields, what else went wrong in an alert above, what went right in a status line,
// and what was typed kept after a refusal. The server action sends its messages translated
// (lib/forms/action.ts); the few the form makes up itself are in every page's client messages.

export type Form = ReturnType<typeof useForm>;

function useSay() {
  const t = useTranslations();
  return (message: Message) => message.text ?? t(message.key, message.values);
}

/**
 * A form's state. `prefix` makes its field ids unique when the same form appears several times
 * on a page (one per item, one per row).
 */
export function useForm(action: FormAction, prefix = "") {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  const failure: (Failure & { values?: Record<string, string | string[]> }) | null =
    state && !state.ok ? state : null;
  const formId = useId();

  // After a refusal, focus goes to the first field in error (or the alert), so that the keyboard
  // and a screen reader land where the problem is.
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!failure || !form) return;
    (
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.querySelector<HTMLElement>('[role="alert"]')
    )?.focus();
  }, [failure, formId]);

  const id = (name: string) => `${prefix}${prefix ? "-" : ""}${name}`.replace(/[^\w-]/g, "_");
  const errors = (name: string) => failure?.fieldErrors?.[name];
  return {
    // The form element's id (<form id={form.formId}>), for moving focus into it.
    formId,
    action: formAction,
    pending,
    failure,
    // What the person is told once it is saved.
    saved: !pending && state?.ok ? state.data : null,
    // The fields are created anew after each answer, so that their defaults show what was sent
    // (after a refusal) or what is now stored (after a save). Wrap the fields, not the form.
    key: String(state?.at ?? "initial"),
    id,
    errors,
    /** A text field's value: what was sent with a refused submit, else `fallback`. */
    value: (name: string, fallback = "") => {
      const sent = failure?.values?.[name];
      return sent === undefined ? fallback : [sent].flat().join("");
    },
    /** The options chosen in a field sent several times (checkboxes, multiple choice). */
    chosen: (name: string, fallback: readonly string[]) =>
      failure ? [failure.values?.[name] ?? []].flat() : [...fallback],
    /** The attributes that tie a control to its label's id, its hint and its error. */
    control: (name: string, { hint }: { hint?: boolean } = {}) => {
      const invalid = Boolean(errors(name)?.length);
      const describedBy = [hint ? `${id(name)}-hint` : "", invalid ? `${id(name)}-error` : ""]
        .join(" ")
        .trim();
      return {
        id: id(name),
        name,
        "aria-invalid": invalid || undefined,
        "aria-describedby": describedBy || undefined,
      };
    },
  };
}

/**
 * What went wrong, above the form: the failure's message, or the field errors the form has no
 * field to show next to. `fields` are the names of the fields the form shows.
 */
export function FormAlert({ form, fields = [] }: { form: Form; fields?: readonly string[] }) {
  const t = useTranslations();
  const say = useSay();
  const pathname = usePathname();
  const { failure } = form;
  if (!failure) return null;
  const unplaced = Object.entries(failure.fieldErrors ?? {})
    .filter(([field]) => !fields.includes(field))
    .flatMap(([, messages]) => messages);
  const messages: Message[] = unplaced.length
    ? unplaced
    : failure.fieldErrors
      ? [{ key: "errors.invalid" }]
      : [failure.message];
  return (
    <div
      role="alert"
      tabIndex={-1}
      className="rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900"
    >
      {messages.map(say).join(" ")}
      {failure.code === "signed-out" && (
        <>
          {" "}
          <Link href={`/sign-in?next=${encodeURIComponent(pathname)}`} className="font-semibold underline">
            {t("auth.signInAgain")}
          </Link>
        </>
      )}
    </div>
  );
}

/** What went right, announced: "Saved.", "Nothing changed." */
export function FormStatus({
  form,
  className = "text-sm text-teal-800",
}: {
  form: Form;
  className?: string;
}) {
  const say = useSay();
  return (
    <p role="status" className={className}>
      {form.saved ? say(form.saved) : ""}
    </p>
  );
}

/** A field's errors, below it; the control names this element in aria-describedby. */
export function FieldError({ form, name }: { form: Form; name: string }) {
  const say = useSay();
  const messages = form.errors(name);
  if (!messages?.length) return null;
  return (
    <div id={`${form.id(name)}-error`} className="mt-1 text-sm text-rose-700">
      {messages.map((message, index) => (
        <p key={index}>{say(message)}</p>
      ))}
    </div>
  );
}
