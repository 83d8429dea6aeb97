"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { saveAnswerAction } from "@/app/services/[slug]/actions";
import { FieldError } from "@/components/ui/field-error";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonPrimary, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { ANSWER_STATUSES } from "@/lib/validations/answer";
import { idleFormState } from "@/lib/validations/form";

type Props = {
  serviceId: string;
  itemKey: string;
  status?: string;
  note: string;
};

export function AnswerForm({ serviceId, itemKey, status, note }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(saveAnswerAction, idleFormState);
  const errors = state.fieldErrors ?? {};
  const sent = state.status === "error" ? state.values : undefined;
  const id = (field: string) => `${itemKey}-${field}`;
  const described = (field: string, hint?: string) =>
    [hint, errors[field]?.length ? id(`${field}-error`) : undefined].filter(Boolean).join(" ") || undefined;
  const checked = String(sent?.status ?? status ?? "");

  return (
    <form action={formAction} className="mt-3 space-y-3" key={sent ? JSON.stringify(sent) : "current"}>
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="itemKey" value={itemKey} />
      <fieldset aria-describedby={described("status")}>
        <legend className="sr-only">{t("assessment.itemStatus")}</legend>
        <div className="flex flex-wrap gap-2">
          {ANSWER_STATUSES.map((option) => (
            <label
              key={option}
              className="flex cursor-pointer items-center gap-1.5 rounded border border-slate-300 px-2.5 py-1 text-sm has-checked:border-blue-700 has-checked:bg-blue-50"
            >
              <input type="radio" name="status" value={option} defaultChecked={checked === option} />
              {t(`status.${option}`)}
            </label>
          ))}
        </div>
        <FieldError id={id("status-error")} messages={errors.status} />
      </fieldset>
      <div>
        <label htmlFor={id("note")} className={labelClass}>
          {t("assessment.note")}
        </label>
        <textarea
          id={id("note")}
          name="note"
          rows={2}
          defaultValue={String(sent?.note ?? note)}
          className={`${inputClass} mt-1`}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={described("note", id("note-hint"))}
        />
        <p id={id("note-hint")} className={hintClass}>
          {t("assessment.noteHint")}
        </p>
        <FieldError id={id("note-error")} messages={errors.note} />
      </div>
      <FormAlert state={state} />
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {pending ? t("assessment.saving") : t("assessment.save")}
        </button>
        <p role="status" className="text-sm">
          {!pending && state.message && <span className="text-teal-800">{t(state.message.key)}</span>}
        </p>
      </div>
    </form>
  );
}
