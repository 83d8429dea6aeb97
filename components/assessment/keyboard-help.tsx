import { useTranslations } from "next-intl";

import { AssessmentKeys } from "@/components/assessment/assessment-keys";

const HELP_ID = "assessment-keys";
// Each action and its keys; "answering" ones are left out for people who may not answer.
const SHORTCUTS = [
  ["next", ["j", "↓"], false],
  ["previous", ["k", "↑"], false],
  ["answer", ["1", "2", "3", "4"], true],
  ["undo", ["u"], true],
  ["note", ["n"], true],
  ["saveNote", ["Ctrl", "Enter"], true],
  ["closeNote", ["Esc"], true],
  ["evidence", ["e"], false],
  ["help", ["?"], false],
] as const;

/** The assessment's keyboard shortcuts, listed on the page (? opens and closes the list). */
export function KeyboardHelp({ canAnswer }: { canAnswer: boolean }) {
  const t = useTranslations("assessment");
  const shown = SHORTCUTS.filter(([, , answering]) => canAnswer || !answering);
  return (
    <details id={HELP_ID} className="text-xs text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-700">
        {t("keys.title")} <kbd className="rounded border border-slate-300 bg-slate-50 px-1">?</kbd>
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
            <dd>{t(`keys.${action}`)}</dd>
          </div>
        ))}
      </dl>
      <AssessmentKeys helpId={HELP_ID} />
    </details>
  );
}
