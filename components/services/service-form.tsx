"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";

import { FieldError } from "@/components/ui/field-error";
import { buttonPrimary, buttonSecondary, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { idleFormState, type FormState } from "@/lib/validations/form";

export type ServiceFormValues = {
  name: string;
  slug: string;
  description: string;
  teamId: string;
  tier: number;
  traits: string[];
};

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  teams: { id: string; name: string }[];
  // The traits on offer, named in the page's language; a service's retired traits stay listed.
  traits: { key: string; name: string; description: string }[];
  initial?: ServiceFormValues;
  submitLabel: string;
  cancelHref: string;
};

const TIERS = [1, 2, 3] as const;

export function ServiceForm({
  action,
  teams,
  traits: traitChoices,
  initial,
  submitLabel,
  cancelHref,
}: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const errors = state.fieldErrors ?? {};
  // After a refused submit the form shows what was sent, not the original values.
  const value = (field: keyof ServiceFormValues) => {
    const sent = state.values?.[field];
    if (sent !== undefined) return Array.isArray(sent) ? sent.join("") : sent;
    return String(initial?.[field] ?? "");
  };
  const traits = state.values ? [state.values.traits ?? []].flat() : (initial?.traits ?? []);
  const invalid = (field: string) => (errors[field]?.length ? true : undefined);
  const describedBy = (field: string, hint?: string) =>
    [hint, errors[field]?.length ? `${field}-error` : undefined].filter(Boolean).join(" ") || undefined;
  // A new key remounts the fields so that defaultValue follows the echoed values.
  const formKey = state.values ? JSON.stringify(state.values) : "initial";

  return (
    <form action={formAction} className="max-w-2xl space-y-6" noValidate key={formKey}>
      {(state.formError || Object.keys(errors).length > 0) && (
        <div role="alert" className="rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900">
          {state.formError ? t(state.formError.key) : t("serviceForm.errorSummary")}
        </div>
      )}
      <div>
        <label htmlFor="name" className={labelClass}>
          {t("serviceForm.name")}
        </label>
        <input
          id="name"
          name="name"
          defaultValue={value("name")}
          className={`${inputClass} mt-1`}
          aria-invalid={invalid("name")}
          aria-describedby={describedBy("name")}
          maxLength={200}
        />
        <FieldError id="name-error" messages={errors.name} />
      </div>
      <div>
        <label htmlFor="slug" className={labelClass}>
          {t("serviceForm.slug")}
        </label>
        <input
          id="slug"
          name="slug"
          defaultValue={value("slug")}
          className={`${inputClass} mt-1 font-mono`}
          aria-invalid={invalid("slug")}
          aria-describedby={describedBy("slug", "slug-hint")}
          maxLength={100}
          autoCapitalize="none"
          spellCheck={false}
        />
        <p id="slug-hint" className={hintClass}>
          {t("serviceForm.slugHint")}
        </p>
        <FieldError id="slug-error" messages={errors.slug} />
      </div>
      <div>
        <label htmlFor="description" className={labelClass}>
          {t("serviceForm.description")}
        </label>
        <textarea
          id="description"
          name="description"
          defaultValue={value("description")}
          rows={3}
          className={`${inputClass} mt-1`}
          aria-invalid={invalid("description")}
          aria-describedby={describedBy("description")}
        />
        <FieldError id="description-error" messages={errors.description} />
      </div>
      <div>
        <label htmlFor="teamId" className={labelClass}>
          {t("serviceForm.team")}
        </label>
        <select
          id="teamId"
          name="teamId"
          defaultValue={value("teamId")}
          className={`${inputClass} mt-1`}
          aria-invalid={invalid("teamId")}
          aria-describedby={describedBy("teamId")}
        >
          <option value="">{t("serviceForm.chooseTeam")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <FieldError id="teamId-error" messages={errors.teamId} />
      </div>
      <fieldset aria-describedby={describedBy("tier")}>
        <legend className={labelClass}>{t("serviceForm.tier")}</legend>
        <div className="mt-2 space-y-1">
          {TIERS.map((tier) => (
            <label key={tier} className="flex items-center gap-2 text-sm">
              <input type="radio" name="tier" value={tier} defaultChecked={value("tier") === String(tier)} />
              {t(`tier.${tier}`)}
            </label>
          ))}
        </div>
        <FieldError id="tier-error" messages={errors.tier} />
      </fieldset>
      <fieldset aria-describedby={describedBy("traits", "traits-hint")}>
        <legend className={labelClass}>{t("serviceForm.traits")}</legend>
        <p id="traits-hint" className={hintClass}>
          {t("serviceForm.traitsHint")}
        </p>
        <div className="mt-2 space-y-2">
          {traitChoices.map((trait) => (
            <div key={trait.key} className="flex items-start gap-2 text-sm">
              <input
                id={`trait-${trait.key}`}
                type="checkbox"
                name="traits"
                value={trait.key}
                defaultChecked={traits.includes(trait.key)}
                className="mt-1"
                aria-describedby={`trait-${trait.key}-help`}
              />
              <div>
                <label htmlFor={`trait-${trait.key}`} className="font-medium">
                  {trait.name}
                </label>
                {trait.description && (
                  <p id={`trait-${trait.key}-help`} className="text-xs text-slate-600">
                    {trait.description}
                  </p>
                )}
              </div>
            </div>
          ))}
        </div>
        <FieldError id="traits-error" messages={errors.traits} />
      </fieldset>
      <div className="flex gap-3">
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {pending ? t("serviceForm.saving") : submitLabel}
        </button>
        <Link href={cancelHref} className={buttonSecondary}>
          {t("serviceForm.cancel")}
        </Link>
      </div>
    </form>
  );
}
