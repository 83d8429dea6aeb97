import { useTranslations } from "next-intl";

import { AssessmentKeys } from "@/components/assessment/assessment-keys";

const HELP_ID = "assessment-keys";
const KEYS = [["j", "↓"], ["k", "↑"], ["1", "2", "3", "4"], ["n"], ["e"], ["Esc"], ["?"]] as const;
const ACTIONS = [
  "next",
  "previous",
  "answer",
  "undo",
  "note",
  "saveNote",
  "closeNote",
  "evidence",
  "help",
] as const;

/** The assessment's keyboard shortcuts, listed on the page (? opens and closes the list). */
export function KeyboardHelp({ canAnswer }: { canAnswer: boolean }) {
  const t = useTranslations("assessment.keys");
  const shown = ACTIONS.map((action, index) => [action, KEYS[index]!] as const).filter(
    ([action]) => canAnswer || !["answer", "undo", "note", "saveNote", "closeNote"].includes(action),
  );
  return (
    <details id={HELP_ID} className="text-xs text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-700">
        {t("title")} <kbd className="rounded border border-slate-300 bg-slate-50 px-1">?</kbd>
      </summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {shown.map(([action, keys]) => (
          <div key={action} className="contents">
            <dt className="flex gap-1">
              {keys.map((key) => (
                <kbd key={key} className="rounded border border-slate-300 bg-slate-50 px-1 font-mono">
                  {key}
                </kbd>
              ))}
            </dt>
            <dd>{t(action)}</dd>
          </div>
        ))}
      </dl>
      <AssessmentKeys helpId={HELP_ID} />
    </details>
  );
}
