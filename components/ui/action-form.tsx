"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { FieldError } from "@/components/ui/field-error";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonPrimary, buttonSecondary, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { idleFormState, type FormState } from "@/lib/validations/form";

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
};

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields?: ActionField[];
  hidden?: Record<string, string>;
  submitLabel: string;
  // A compact row of controls (table rows) or a stacked form (create forms).
  layout?: "inline" | "stacked";
  secondary?: boolean;
  formLabel?: string;
};

/**
 * The admin pages' forms, described by data so the server page can translate labels: field errors
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
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const errors = state.fieldErrors ?? {};
  const value = (field: ActionField) =>
    field.type === "password" ? "" : String(state.values?.[field.name] ?? field.defaultValue ?? "");
  // Several forms on one page share hidden values (the same item), so the form's label is part of the id.
  const chosen = (field: ActionField) => {
    const echoed = state.values?.[field.name];
    return echoed === undefined ? (field.defaultValues ?? []) : [echoed].flat();
  };
  const idPrefix = Object.values(hidden).join("-") || "new";
  const id = (field: string) => `${idPrefix}-${formLabel ?? ""}-${field}`.replace(/[^\w-]/g, "_");
  const inline = layout === "inline";

  return (
    <form
      action={formAction}
      noValidate
      aria-label={formLabel}
      className={inline ? "flex flex-wrap items-start gap-2" : "space-y-4"}
      key={state.status === "error" ? JSON.stringify(state.values ?? {}) : String(state.savedAt ?? "initial")}
    >
      {Object.entries(hidden).map(([name, hiddenValue]) => (
        <input key={name} type="hidden" name={name} value={hiddenValue} />
      ))}
      {!inline && <FormAlert state={state} />}
      {fields.map((field) => {
        const fieldId = id(field.name);
        const describedBy =
          [field.hint ? `${fieldId}-hint` : "", errors[field.name]?.length ? `${fieldId}-error` : ""]
            .join(" ")
            .trim() || undefined;
        const common = {
          id: fieldId,
          name: field.name,
          required: field.required,
          "aria-invalid": errors[field.name]?.length ? true : undefined,
          "aria-describedby": describedBy,
          className: `${inputClass} ${inline ? "" : "mt-1"}`,
        };
        return (
          <div key={field.name} className={inline ? "" : undefined}>
            <label htmlFor={fieldId} className={field.hideLabel ? "sr-only" : labelClass}>
              {field.label}
            </label>
            {field.type === "multiselect" ? (
              <select
                multiple
                size={Math.min(8, Math.max(3, field.options?.length ?? 0))}
                {...common}
                defaultValue={chosen(field)}
              >
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : field.type === "select" ? (
              <select {...common} defaultValue={value(field)}>
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : field.type === "textarea" ? (
              <textarea rows={field.rows ?? 2} {...common} defaultValue={value(field)} />
            ) : field.type === "file" ? (
              <input type="file" accept={field.accept} {...common} />
            ) : (
              <input
                type={field.type}
                autoComplete={field.autoComplete}
                {...common}
                defaultValue={value(field)}
              />
            )}
            {field.hint && (
              <p id={`${fieldId}-hint`} className={hintClass}>
                {field.hint}
              </p>
            )}
            <FieldError id={`${fieldId}-error`} messages={errors[field.name]} />
          </div>
        );
      })}
      <button type="submit" className={secondary ? buttonSecondary : buttonPrimary} disabled={pending}>
        {submitLabel}
      </button>
      {inline && <FormAlert state={state} />}
      <p role="status" className="text-sm text-teal-800">
        {!pending && state.status === "saved" && state.message
          ? t(state.message.key, state.message.values)
          : ""}
      </p>
    </form>
  );
}
