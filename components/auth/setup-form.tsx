"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { FieldError } from "@/components/ui/field-error";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonPrimary, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { idleFormState, type FormState } from "@/lib/validations/form";
import { PASSWORD_MIN_LENGTH } from "@/lib/validations/user";

type Props = { action: (previous: FormState, formData: FormData) => Promise<FormState>; token: string };

export function SetupForm({ action, token }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const errors = state.fieldErrors ?? {};
  const sent = (field: string) => String(state.values?.[field] ?? "");
  return (
    <form action={formAction} className="space-y-4" noValidate key={JSON.stringify(state.values ?? {})}>
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="name" className={labelClass}>
          {t("auth.setupName")}
        </label>
        <input
          id="name"
          name="name"
          autoComplete="name"
          defaultValue={sent("name")}
          className={`${inputClass} mt-1`}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? "name-error" : undefined}
        />
        <FieldError id="name-error" messages={errors.name} />
      </div>
      <div>
        <label htmlFor="email" className={labelClass}>
          {t("auth.email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={sent("email")}
          className={`${inputClass} mt-1`}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
        />
        <FieldError id="email-error" messages={errors.email} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          {t("auth.password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          className={`${inputClass} mt-1`}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={["password-hint", errors.password ? "password-error" : ""].join(" ").trim()}
        />
        <p id="password-hint" className={hintClass}>
          {t("auth.passwordHint", { min: PASSWORD_MIN_LENGTH })}
        </p>
        <FieldError id="password-error" messages={errors.password} />
      </div>
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={pending}>
        {t("auth.setupCreate")}
      </button>
    </form>
  );
}
