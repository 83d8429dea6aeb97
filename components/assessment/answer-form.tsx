"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition, type MouseEvent } from "react";

import { FieldError, FormAlert, useForm } from "@/components/ui/form";
import { hintClass, inputClass } from "@/components/ui/styles";
import { saveAnswerAction } from "@/lib/actions/answers";
import { ANSWER_STATUSES } from "@/lib/scoring";

type Props = {
  serviceId: string;
  itemKey: string;
  // The item's text, for the accessible names of this row's controls.
  itemText: string;
  status?: string;
  note: string;
  // The answer's revision as the page read it (0: not answered yet).
  revision: number;
};

type Previous = { status: string; note: string };

const segment =
  "px-2 py-0.5 text-xs font-semibold first:rounded-l last:rounded-r border-slate-300 not-first:border-l aria-pressed:bg-blue-700 aria-pressed:text-white hover:bg-slate-100 aria-pressed:hover:bg-blue-800 focus-visible:relative focus-visible:outline-2 focus-visible:outline-blue-700 disabled:opacity-60";

/**
 * One item's answer, saved as soon as it is chosen: a segmented control of the answer statuses,
 * the note on demand, "Saved" with an undo. Each row is its own small island; the page's keyboard
 * shortcuts (assessment-keys.tsx) press these controls through their data-key-* attributes.
 */
export function AnswerForm({ serviceId, itemKey, itemText, status, note, revision }: Props) {
  const t = useTranslations();
  const form = useForm(saveAnswerAction, itemKey);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const saveNoteRef = useRef<HTMLButtonElement>(null);
  const [noteOpen, setNoteOpen] = useState(false);
  // The status just chosen, shown at once: while it is sent (and while an N/A waits for its
  // reason), then once saved until the page read again brings the new revision.
  const [choice, setChoice] = useState<{ status: string; key: string; revision: number } | null>(null);
  const chosen =
    choice && (choice.key === form.key || (form.saved && choice.revision === revision))
      ? choice.status
      : null;
  const setChosen = (status: string) => setChoice({ status, key: form.key, revision });
  // What the last save replaced, for its undo (none when the item was unanswered before).
  const [previous, setPrevious] = useState<Previous | null>(null);
  const [restored, setRestored] = useState(false);
  const [, startTransition] = useTransition();
  const waitingForReason = choice?.key === form.key && choice.status === "NOT_APPLICABLE" && !form.pending;

  const shown = chosen ?? (form.failure ? form.value("status", status ?? "") : (status ?? ""));
  // The note as typed. When the page brings another stored note (a save, an undo, someone else's
  // change), it is taken over only if this person has not typed over the last one: what they
  // typed survives a refusal.
  const [draft, setDraft] = useState(note);
  const [storedNote, setStoredNote] = useState(note);
  if (note !== storedNote) {
    setStoredNote(note);
    if (draft === storedNote) setDraft(note);
  }
  const noteVisible = noteOpen || Boolean(form.errors("note")) || (form.failure !== null && draft !== note);

  const openNote = () => {
    setNoteOpen(true);
    requestAnimationFrame(() => noteRef.current?.focus());
  };

  const choose = (option: string) => (event: MouseEvent<HTMLButtonElement>) => {
    // "Not applicable" is a claim a reviewer decides on: it is sent only with its reason.
    if (option === "NOT_APPLICABLE" && !draft.trim()) {
      event.preventDefault();
      setChosen(option);
      openNote();
      return;
    }
    setChosen(option);
    setRestored(false);
    setPrevious(status ? { status, note } : null);
  };

  const undo = () => {
    if (!previous) return;
    const data = new FormData();
    data.set("serviceId", serviceId);
    data.set("itemKey", itemKey);
    data.set("status", previous.status);
    data.set("note", previous.note);
    // The revision the save produced, as the page now shows it: if someone has changed the answer
    // since, the undo is refused like any stale save instead of overwriting them.
    data.set("revision", String(revision));
    setChosen(previous.status);
    setPrevious(null);
    setRestored(true);
    startTransition(() => form.action(data));
  };

  return (
    <form id={form.formId} action={form.action} className="contents">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="itemKey" value={itemKey} />
      {/* From the page, not from what was sent: after a conflict the page is read again, and
          saving once more replaces the other person's change knowingly. */}
      <input type="hidden" name="revision" value={revision} />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 md:col-start-2 md:justify-end">
        <div
          role="group"
          aria-label={t("assessment.answerFor", { item: itemText })}
          aria-describedby={form.errors("status") ? `${form.id("status")}-error` : undefined}
          className="inline-flex rounded border border-slate-300 bg-white"
        >
          {ANSWER_STATUSES.map((option, index) => (
            <button
              key={option}
              type="submit"
              name="status"
              value={option}
              aria-pressed={shown === option}
              data-key-answer={index + 1}
              onClick={choose(option)}
              disabled={form.pending}
              className={segment}
            >
              {t(`status.${option}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          data-key-note
          aria-label={`${t("assessment.note")}: ${itemText}`}
          aria-expanded={noteVisible}
          aria-controls={noteVisible ? `${form.id("note")}-panel` : undefined}
          onClick={() => (noteVisible ? setNoteOpen(false) : openNote())}
          className="rounded px-1.5 py-0.5 text-xs font-medium text-blue-800 underline hover:bg-slate-100"
        >
          {t("assessment.note")}
          {note && <span aria-hidden> ●</span>}
        </button>
      </div>
      <div className="flex items-center gap-2 text-xs md:absolute md:top-1 md:right-2">
        <p role="status" className="text-teal-800">
          {form.pending
            ? t("assessment.saving")
            : form.saved
              ? t(restored ? "assessment.restored" : form.saved.key)
              : ""}
        </p>
        {form.saved && previous && (
          <button
            type="button"
            data-key-undo
            aria-label={`${t("assessment.undo")}: ${itemText}`}
            onClick={undo}
            className="rounded px-1.5 text-xs font-medium text-blue-800 underline hover:bg-slate-100"
          >
            {t("assessment.undo")}
          </button>
        )}
      </div>
      <div className="md:col-span-2">
        <FieldError form={form} name="status" />
        <FormAlert form={form} fields={["status", "note"]} />
      </div>
      {/* The note goes with every answer chosen; its box is rendered only when open, since a page
          of 31 closed boxes is most of what every view would render for nothing. */}
      {!noteVisible && <input type="hidden" name="note" value={draft} />}
      {noteVisible && (
        <div id={`${form.id("note")}-panel`} className="space-y-1 md:col-span-2">
          <label htmlFor={form.id("note")} className="sr-only">
            {t("assessment.note")}: {itemText}
          </label>
          <textarea
            ref={noteRef}
            {...form.control("note", { hint: true })}
            rows={2}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                saveNoteRef.current?.click();
              } else if (event.key === "Escape") {
                setNoteOpen(false);
                event.currentTarget.closest<HTMLElement>("[data-item-row]")?.focus();
              }
            }}
            className={inputClass}
          />
          <div className="flex flex-wrap items-center gap-3">
            <p id={`${form.id("note")}-hint`} className={`${hintClass} flex-1`}>
              {waitingForReason ? t("assessment.naNeedsReason") : t("assessment.noteHint")}
            </p>
            <button
              ref={saveNoteRef}
              aria-label={`${t("assessment.saveNote")}: ${itemText}`}
              type="submit"
              name="status"
              value={chosen ?? shown}
              disabled={form.pending}
              className="rounded bg-blue-700 px-3 py-1 text-xs font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
              onClick={() => setPrevious(status ? { status, note } : null)}
            >
              {t("assessment.saveNote")}
            </button>
          </div>
          <FieldError form={form} name="note" />
        </div>
      )}
    </form>
  );
}
