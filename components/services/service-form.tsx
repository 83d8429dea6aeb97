"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Fragment } from "react";

import { FieldError, FormAlert, useForm } from "@/components/ui/form";
import { useSlugProposal } from "@/components/ui/slug-proposal";
import { buttonPrimary, buttonSecondary, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import type { FormAction } from "@/lib/forms/state";

export type ServiceFormValues = {
  name: string;
  slug: string;
  description: string;
  teamId: string;
  tier: number;
  traits: string[];
};

type Props = {
  action: FormAction;
  teams: { id: string; name: string }[];
  // The traits on offer, named in the page's language; a service's retired traits stay listed.
  traits: { key: string; name: string; description: string }[];
  initial?: ServiceFormValues;
  // When editing: the service's revision as the page read it (lib/queries/revisions.ts).
  revision?: number;
  submitLabel: string;
  cancelHref: string;
};

const TIERS = [1, 2, 3] as const;

export function ServiceForm({
  action,
  teams,
  traits: traitChoices,
  initial,
  revision,
  submitLabel,
  cancelHref,
}: Props) {
  const t = useTranslations();
  const form = useForm(action);
  const traits = form.chosen("traits", initial?.traits ?? []);
  const initially = (field: keyof ServiceFormValues) => form.value(field, String(initial?.[field] ?? ""));
  // A new service's slug follows its name until one is typed; an existing service's is left alone.
  const proposing = !initial;
  const slugProposal = useSlugProposal(proposing);

  return (
    <form id={form.formId} action={form.action} className="max-w-2xl space-y-6" noValidate>
      <FormAlert form={form} fields={["name", "slug", "description", "teamId", "tier", "traits"]} />
      {revision !== undefined && <input type="hidden" name="revision" value={revision} />}
      <Fragment key={form.key}>
        <div>
          <label htmlFor={form.id("name")} className={labelClass}>
            {t("serviceForm.name")}
          </label>
          <input
            {...form.control("name")}
            defaultValue={initially("name")}
            {...slugProposal.name}
            className={`${inputClass} mt-1`}
            maxLength={200}
          />
          <FieldError form={form} name="name" />
        </div>
        <div>
          <label htmlFor={form.id("slug")} className={labelClass}>
            {t("serviceForm.slug")}
          </label>
          <input
            {...form.control("slug", { hint: true })}
            {...slugProposal.slug}
            defaultValue={initially("slug")}
            className={`${inputClass} mt-1 font-mono`}
            maxLength={100}
            autoCapitalize="none"
            spellCheck={false}
          />
          <p id={`${form.id("slug")}-hint`} className={hintClass}>
            {t("serviceForm.slugHint")}
            {proposing &&
              ` ${t(slugProposal.noProposal ? "serviceForm.slugNoProposal" : "serviceForm.slugProposed")}`}
          </p>
          <FieldError form={form} name="slug" />
        </div>
        <div>
          <label htmlFor={form.id("description")} className={labelClass}>
            {t("serviceForm.description")}
          </label>
          <textarea
            {...form.control("description")}
            defaultValue={initially("description")}
            rows={3}
            className={`${inputClass} mt-1`}
          />
          <FieldError form={form} name="description" />
        </div>
        <div>
          <label htmlFor={form.id("teamId")} className={labelClass}>
            {t("serviceForm.team")}
          </label>
          <select
            {...form.control("teamId")}
            defaultValue={initially("teamId")}
            className={`${inputClass} mt-1`}
          >
            <option value="">{t("serviceForm.chooseTeam")}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          <FieldError form={form} name="teamId" />
        </div>
        <fieldset aria-describedby={form.errors("tier") ? `${form.id("tier")}-error` : undefined}>
          <legend className={labelClass}>{t("serviceForm.tier")}</legend>
          <div className="mt-2 space-y-1">
            {TIERS.map((tier) => (
              <label key={tier} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="tier"
                  value={tier}
                  defaultChecked={initially("tier") === String(tier)}
                />
                {t(`tier.${tier}`)}
              </label>
            ))}
          </div>
          <FieldError form={form} name="tier" />
        </fieldset>
        <fieldset
          aria-describedby={[
            `${form.id("traits")}-hint`,
            form.errors("traits") ? `${form.id("traits")}-error` : "",
          ]
            .join(" ")
            .trim()}
        >
          <legend className={labelClass}>{t("serviceForm.traits")}</legend>
          <p id={`${form.id("traits")}-hint`} className={hintClass}>
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
                  aria-describedby={trait.description ? `trait-${trait.key}-help` : undefined}
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
          <FieldError form={form} name="traits" />
        </fieldset>
      </Fragment>
      <div className="flex gap-3">
        <button type="submit" className={buttonPrimary} disabled={form.pending}>
          {form.pending ? t("serviceForm.saving") : submitLabel}
        </button>
        <Link href={cancelHref} className={buttonSecondary}>
          {t("serviceForm.cancel")}
        </Link>
      </div>
    </form>
  );
}
