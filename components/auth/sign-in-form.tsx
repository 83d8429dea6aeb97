"use client";

import { useTranslations } from "next-intl";
import { Fragment } from "react";

import { FieldError, FormAlert, useForm } from "@/components/ui/form";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/styles";
import type { FormAction } from "@/lib/forms/state";

type Props = { action: FormAction; next: string };

export function SignInForm({ action, next }: Props) {
  const t = useTranslations("auth");
  const form = useForm(action);
  return (
    <form id={form.formId} action={form.action} className="space-y-4" noValidate>
      <FormAlert form={form} fields={["email", "password"]} />
      <input type="hidden" name="next" value={next} />
      <Fragment key={form.key}>
        <div>
          <label htmlFor={form.id("email")} className={labelClass}>
            {t("email")}
          </label>
          <input
            {...form.control("email")}
            type="email"
            autoComplete="username"
            required
            defaultValue={form.value("email")}
            className={`${inputClass} mt-1`}
          />
          <FieldError form={form} name="email" />
        </div>
        <div>
          <label htmlFor={form.id("password")} className={labelClass}>
            {t("password")}
          </label>
          <input
            {...form.control("password")}
            type="password"
            autoComplete="current-password"
            required
            className={`${inputClass} mt-1`}
          />
          <FieldError form={form} name="password" />
        </div>
      </Fragment>
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={form.pending}>
        {form.pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
