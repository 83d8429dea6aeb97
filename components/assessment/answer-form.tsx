"use client";

import { useTranslations } from "next-intl";
import { Fragment } from "react";

import { FieldError, FormAlert, FormStatus, useForm } from "@/components/ui/form";
import { buttonPrimary, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { saveAnswerAction } from "@/lib/actions/answers";
import { ANSWER_STATUSES } from "@/lib/validations/answer";

type Props = {
  serviceId: string;
  itemKey: string;
  status?: string;
  note: string;
  // The answer's revision as the page read it (0: not answered yet).
  revision: number;
};

export function AnswerForm({ serviceId, itemKey, status, note, revision }: Props) {
  const t = useTranslations();
  const form = useForm(saveAnswerAction, itemKey);
  const checked = form.value("status", status ?? "");

  return (
    <form id={form.formId} action={form.action} className="mt-3 space-y-3">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="itemKey" value={itemKey} />
      {/* From the page, not from what was sent: after a conflict the page is read again, and
          saving once more replaces the other person's change knowingly. */}
      <input type="hidden" name="revision" value={revision} />
      <Fragment key={form.key}>
        <fieldset aria-describedby={form.errors("status") ? `${form.id("status")}-error` : undefined}>
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
          <FieldError form={form} name="status" />
        </fieldset>
        <div>
          <label htmlFor={form.id("note")} className={labelClass}>
            {t("assessment.note")}
          </label>
          <textarea
            {...form.control("note", { hint: true })}
            rows={2}
            defaultValue={form.value("note", note)}
            className={`${inputClass} mt-1`}
          />
          <p id={`${form.id("note")}-hint`} className={hintClass}>
            {t("assessment.noteHint")}
          </p>
          <FieldError form={form} name="note" />
        </div>
      </Fragment>
      <FormAlert form={form} fields={["status", "note"]} />
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonPrimary} disabled={form.pending}>
          {form.pending ? t("assessment.saving") : t("assessment.save")}
        </button>
        <FormStatus form={form} />
      </div>
    </form>
  );
}
