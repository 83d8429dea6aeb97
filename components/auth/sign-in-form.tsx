"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { FieldError } from "@/components/ui/field-error";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/styles";
import { idleFormState, type FormState } from "@/lib/validations/form";

type Props = { action: (previous: FormState, formData: FormData) => Promise<FormState>; next: string };

export function SignInForm({ action, next }: Props) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const errors = state.fieldErrors ?? {};
  const sentEmail = state.values?.email;
  return (
    <form action={formAction} className="space-y-4" noValidate key={String(sentEmail ?? "")}>
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="email" className={labelClass}>
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={String(sentEmail ?? "")}
          className={`${inputClass} mt-1`}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
        />
        <FieldError id="email-error" messages={errors.email} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={`${inputClass} mt-1`}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
        />
        <FieldError id="password-error" messages={errors.password} />
      </div>
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
