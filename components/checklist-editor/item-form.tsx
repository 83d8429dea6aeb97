"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

import { FieldError } from "@/components/ui/field-error";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonPrimary, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { servicesMatching, type TraitSet } from "@/lib/checklist/affected";
import { idleFormState, type FormState } from "@/lib/validations/form";

type Item = {
  key: string;
  text: { ja: string; en: string };
  guidance: { ja: string; en: string };
  weight: number;
  requires: string[];
};

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
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
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const sent = state.status === "error" ? state.values : undefined;
  const [requires, setRequires] = useState<string[]>(item?.requires ?? []);
  const errors = state.fieldErrors ?? {};
  const total = traitSets.reduce((sum, set) => sum + set.services, 0);
  const id = (field: string) => `${item?.key ?? `new-${categoryKey}`}-${field}`.replace(/[^\w-]/g, "_");
  const value = (field: string, fallback: string) => String(sent?.[field] ?? fallback);
  const field = (
    name: string,
    label: string,
    fallback: string,
    type: "text" | "textarea" | "number" = "text",
  ) => (
    <div>
      <label htmlFor={id(name)} className={labelClass}>
        {label}
      </label>
      {type === "textarea" ? (
        <textarea
          id={id(name)}
          name={name}
          rows={2}
          defaultValue={value(name, fallback)}
          className={`${inputClass} mt-1`}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${id(name)}-error` : undefined}
        />
      ) : (
        <input
          id={id(name)}
          name={name}
          type={type}
          min={type === "number" ? 0 : undefined}
          max={type === "number" ? 10 : undefined}
          defaultValue={value(name, fallback)}
          className={`${inputClass} mt-1`}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${id(name)}-error` : undefined}
        />
      )}
      <FieldError id={`${id(name)}-error`} messages={errors[name]} />
    </div>
  );

  return (
    <form
      action={formAction}
      noValidate
      aria-label={formLabel}
      className="space-y-3"
      key={state.status === "saved" ? String(state.savedAt) : "form"}
    >
      <input type="hidden" name="revision" value={revision} />
      {item ? (
        <input type="hidden" name="key" value={item.key} />
      ) : (
        <input type="hidden" name="categoryKey" value={categoryKey} />
      )}
      <FormAlert state={state} />
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
        <fieldset aria-describedby={`${id("requires")}-preview`}>
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
                      event.target.checked
                        ? [...current, trait.key]
                        : current.filter((key) => key !== trait.key),
                    )
                  }
                />
                {trait.name}
              </label>
            ))}
          </div>
          <p id={`${id("requires")}-preview`} className={hintClass} aria-live="polite">
            {requires.length === 0 ? t("checklistEditor.requiresNone") : ""}{" "}
            {t("checklistEditor.affects", { count: servicesMatching(requires, traitSets) })} (
            {t("checklistEditor.affectsOf", { count: servicesMatching(requires, traitSets), total })})
          </p>
          <FieldError id={`${id("requires")}-error`} messages={errors.requires} />
        </fieldset>
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {submitLabel}
      </button>
      <p role="status" className="text-sm text-teal-800">
        {!pending && state.status === "saved" && state.message
          ? t(state.message.key, state.message.values)
          : ""}
      </p>
    </form>
  );
}
