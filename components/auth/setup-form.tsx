"use client";

import { useTranslations } from "next-intl";
import { Fragment } from "react";

import { FieldError, FormAlert, useForm } from "@/components/ui/form";
import { buttonPrimary, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import type { FormAction } from "@/lib/forms/state";

// The password's minimum comes from the page: lib/validations/user would bring zod to the browser.
type Props = { action: FormAction; token: string; passwordMinLength: number };

export function SetupForm({ action, token, passwordMinLength }: Props) {
  const t = useTranslations();
  const form = useForm(action);
  return (
    <form id={form.formId} action={form.action} className="space-y-4" noValidate>
      <FormAlert form={form} fields={["name", "email", "password"]} />
      <input type="hidden" name="token" value={token} />
      <Fragment key={form.key}>
        <div>
          <label htmlFor={form.id("name")} className={labelClass}>
            {t("auth.setupName")}
          </label>
          <input
            {...form.control("name")}
            autoComplete="name"
            defaultValue={form.value("name")}
            className={`${inputClass} mt-1`}
          />
          <FieldError form={form} name="name" />
        </div>
        <div>
          <label htmlFor={form.id("email")} className={labelClass}>
            {t("auth.email")}
          </label>
          <input
            {...form.control("email")}
            type="email"
            autoComplete="username"
            defaultValue={form.value("email")}
            className={`${inputClass} mt-1`}
          />
          <FieldError form={form} name="email" />
        </div>
        <div>
          <label htmlFor={form.id("password")} className={labelClass}>
            {t("auth.password")}
          </label>
          <input
            {...form.control("password", { hint: true })}
            type="password"
            autoComplete="new-password"
            className={`${inputClass} mt-1`}
          />
          <p id={`${form.id("password")}-hint`} className={hintClass}>
            {t("auth.passwordHint", { min: passwordMinLength })}
          </p>
          <FieldError form={form} name="password" />
        </div>
      </Fragment>
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={form.pending}>
        {t("auth.setupCreate")}
      </button>
    </form>
  );
}
