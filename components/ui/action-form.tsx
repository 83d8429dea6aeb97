"use client";

import { Fragment } from "react";

import { FieldError, FormAlert, FormStatus, useForm } from "@/components/ui/form";
import { useSlugProposal } from "@/components/ui/slug-proposal";
import { buttonPrimary, buttonSecondary, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import type { FormAction } from "@/lib/forms/state";

export type ActionField = {
  name: string;
  label: string;
  type: "text" | "email" | "password" | "select" | "multiselect" | "textarea" | "url" | "date" | "file";
  options?: { value: string; label: string }[];
  defaultValue?: string;
  // For multiselect fields: the options chosen at first.
  defaultValues?: string[];
  hint?: string;
  autoComplete?: string;
  // For file fields: the types the picker offers (the server decides from the bytes anyway).
  accept?: string;
  rows?: number;
  required?: boolean;
  // Shown to screen readers only, for compact row forms whose column header says it already.
  hideLabel?: boolean;
  // A new record's slug, proposed from another field (its name) until typed in, with the two
  // notes added to the hint: it follows the name, or the name gives nothing to make it from.
  slugFrom?: { field: string; proposed: string; none: string };
};

type Props = {
  action: FormAction;
  fields?: ActionField[];
  hidden?: Record<string, string>;
  submitLabel: string;
  // A compact row of controls (table rows) or a stacked form (create forms).
  layout?: "inline" | "stacked";
  secondary?: boolean;
  formLabel?: string;
};

/**
 * The forms described by data, so that a server page can translate their labels: field errors
 * next to their field, the form's outcome announced, passwords never echoed back.
 */
export function ActionForm({
  action,
  fields = [],
  hidden = {},
  submitLabel,
  layout = "stacked",
  secondary = false,
  formLabel,
}: Props) {
  // Several forms on one page share hidden values (the same item), so the form's label is part of the ids.
  // A revision is left out: it moves on after a conflict, and the fields must keep their ids.
  const { revision: _revision, ...identity } = hidden;
  const form = useForm(action, `${Object.values(identity).join("-") || "new"}-${formLabel ?? ""}`);
  const inline = layout === "inline";
  const slugSource = fields.find((field) => field.slugFrom)?.slugFrom;
  const slugProposal = useSlugProposal(Boolean(slugSource));
  const alert = <FormAlert form={form} fields={fields.map((field) => field.name)} />;

  return (
    <form
      id={form.formId}
      action={form.action}
      noValidate
      aria-label={formLabel}
      className={inline ? "flex flex-wrap items-start gap-2" : "space-y-4"}
    >
      {Object.entries(hidden).map(([name, hiddenValue]) => (
        <input key={name} type="hidden" name={name} value={hiddenValue} />
      ))}
      {!inline && alert}
      <Fragment key={form.key}>
        {fields.map((field) => {
          const common = {
            ...form.control(field.name, { hint: Boolean(field.hint) }),
            required: field.required,
            className: `${inputClass} ${inline ? "" : "mt-1"}`,
          };
          return (
            <div key={field.name}>
              <label htmlFor={common.id} className={field.hideLabel ? "sr-only" : labelClass}>
                {field.label}
              </label>
              {field.type === "multiselect" ? (
                <select
                  multiple
                  size={Math.min(8, Math.max(3, field.options?.length ?? 0))}
                  {...common}
                  defaultValue={form.chosen(field.name, field.defaultValues ?? [])}
                >
                  {field.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : field.type === "select" ? (
                <select {...common} defaultValue={form.value(field.name, field.defaultValue)}>
                  {field.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : field.type === "textarea" ? (
                <textarea
                  rows={field.rows ?? 2}
                  {...common}
                  defaultValue={form.value(field.name, field.defaultValue)}
                />
              ) : field.type === "file" ? (
                <input type="file" accept={field.accept} {...common} />
              ) : (
                <input
                  type={field.type}
                  autoComplete={field.autoComplete}
                  {...common}
                  {...(slugSource?.field === field.name ? slugProposal.name : {})}
                  {...(field.slugFrom ? slugProposal.slug : {})}
                  defaultValue={field.type === "password" ? "" : form.value(field.name, field.defaultValue)}
                />
              )}
              {field.hint && (
                <p id={`${common.id}-hint`} className={hintClass}>
                  {field.hint}
                  {field.slugFrom &&
                    ` ${slugProposal.noProposal ? field.slugFrom.none : field.slugFrom.proposed}`}
                </p>
              )}
              <FieldError form={form} name={field.name} />
            </div>
          );
        })}
      </Fragment>
      <button type="submit" className={secondary ? buttonSecondary : buttonPrimary} disabled={form.pending}>
        {submitLabel}
      </button>
      {inline && alert}
      <FormStatus form={form} />
    </form>
  );
}
