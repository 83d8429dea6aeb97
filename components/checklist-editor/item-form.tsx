"use client";

import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";

import { FieldError, FormAlert, FormStatus, useForm, type Form } from "@/components/ui/form";
import { buttonPrimary, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { servicesMatching, type TraitSet } from "@/lib/checklist/affected";
import type { FormAction } from "@/lib/forms/state";

type Item = {
  key: string;
  text: { ja: string; en: string };
  guidance: { ja: string; en: string };
  weight: number;
  requires: string[];
};

type Props = {
  action: FormAction;
  revision: number;
  traits: { key: string; name: string }[];
  traitSets: TraitSet[];
  // Editing an item, or adding one to a category.
  item?: Item;
  categoryKey?: string;
  formLabel: string;
  submitLabel: string;
};

/**
 * An item of the draft: its wording in both languages, guidance, weight and the traits it needs,
 * with how many services the rule applies to, updated as traits are ticked.
 */
export function ItemForm({
  action,
  revision,
  traits,
  traitSets,
  item,
  categoryKey,
  formLabel,
  submitLabel,
}: Props) {
  const t = useTranslations();
  const form = useForm(action, item?.key ?? `new-${categoryKey}`);
  const field = (
    name: string,
    label: string,
    fallback: string,
    type: "text" | "textarea" | "number" = "text",
  ) => (
    <div>
      <label htmlFor={form.id(name)} className={labelClass}>
        {label}
      </label>
      {type === "textarea" ? (
        <textarea
          {...form.control(name)}
          rows={2}
          defaultValue={form.value(name, fallback)}
          className={`${inputClass} mt-1`}
        />
      ) : (
        <input
          {...form.control(name)}
          type={type}
          min={type === "number" ? 0 : undefined}
          max={type === "number" ? 10 : undefined}
          defaultValue={form.value(name, fallback)}
          className={`${inputClass} mt-1`}
        />
      )}
      <FieldError form={form} name={name} />
    </div>
  );

  return (
    <form id={form.formId} action={form.action} noValidate aria-label={formLabel} className="space-y-3">
      <input type="hidden" name="revision" value={revision} />
      {item ? (
        <input type="hidden" name="key" value={item.key} />
      ) : (
        <input type="hidden" name="categoryKey" value={categoryKey} />
      )}
      <FormAlert
        form={form}
        fields={[
          ...(item ? [] : ["key"]),
          "textJa",
          "textEn",
          "guidanceJa",
          "guidanceEn",
          "weight",
          "requires",
        ]}
      />
      <Fragment key={form.key}>
        {!item && field("key", t("checklistEditor.itemKey"), "")}
        <div className="grid gap-3 md:grid-cols-2">
          {field("textJa", t("checklistEditor.textJa"), item?.text.ja ?? "", "textarea")}
          {field("textEn", t("checklistEditor.textEn"), item?.text.en ?? "", "textarea")}
          {field("guidanceJa", t("checklistEditor.guidanceJa"), item?.guidance.ja ?? "", "textarea")}
          {field("guidanceEn", t("checklistEditor.guidanceEn"), item?.guidance.en ?? "", "textarea")}
        </div>
        <div className="flex flex-wrap items-start gap-6">
          <div className="w-28">
            {field("weight", t("checklistEditor.weight"), String(item?.weight ?? 1), "number")}
          </div>
          <RequiresField
            form={form}
            traits={traits}
            traitSets={traitSets}
            initial={form.chosen("requires", item?.requires ?? [])}
          />
        </div>
      </Fragment>
      <button type="submit" className={buttonPrimary} disabled={form.pending}>
        {submitLabel}
      </button>
      <FormStatus form={form} />
    </form>
  );
}

/** The traits an item needs, with how many services that rule reaches, counted as they are ticked. */
function RequiresField({
  form,
  traits,
  traitSets,
  initial,
}: {
  form: Form;
  traits: Props["traits"];
  traitSets: TraitSet[];
  initial: string[];
}) {
  const t = useTranslations();
  const [requires, setRequires] = useState<string[]>(initial);
  const total = traitSets.reduce((sum, set) => sum + set.services, 0);
  const matching = servicesMatching(requires, traitSets);
  return (
    <fieldset
      aria-describedby={[
        `${form.id("requires")}-preview`,
        form.errors("requires") ? `${form.id("requires")}-error` : "",
      ]
        .join(" ")
        .trim()}
    >
      <legend className={labelClass}>{t("checklistEditor.requires")}</legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {traits.map((trait) => (
          <label key={trait.key} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              name="requires"
              value={trait.key}
              checked={requires.includes(trait.key)}
              onChange={(event) =>
                setRequires((current) =>
                  event.target.checked ? [...current, trait.key] : current.filter((key) => key !== trait.key),
                )
              }
            />
            {trait.name}
          </label>
        ))}
      </div>
      <p id={`${form.id("requires")}-preview`} className={hintClass} aria-live="polite">
        {requires.length === 0 ? t("checklistEditor.requiresNone") : ""}{" "}
        {t("checklistEditor.affects", { count: matching })} (
        {t("checklistEditor.affectsOf", { count: matching, total })})
      </p>
      <FieldError form={form} name="requires" />
    </fieldset>
  );
}
