import { useTranslations } from "next-intl";

import { ItemForm } from "@/components/checklist-editor/item-form";
import { ActionForm } from "@/components/ui/action-form";
import {
  moveDraftItemAction,
  restoreDraftItemAction,
  retireDraftItemAction,
  updateDraftItemAction,
} from "@/lib/actions/checklist";
import type { TraitSet } from "@/lib/checklist/affected";
import type { ChecklistItemDocument } from "@/lib/validations/checklist-document";

type Props = {
  item: ChecklistItemDocument & { retired?: boolean };
  revision: number;
  first: boolean;
  last: boolean;
  locale: string;
  traits: { key: string; name: string }[];
  traitSets: TraitSet[];
};

export const draftSummaryClass =
  "cursor-pointer rounded px-1.5 py-0.5 text-sm font-medium text-blue-800 hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-700";

/**
 * One item of the draft on one line: key, wording, weight and the traits it needs, with its moves
 * and retirement at hand; the full form (both languages, guidance, traits) opens on demand, so
 * the whole checklist can be read at a glance.
 */
export function DraftItemRow({ item, revision, first, last, locale, traits, traitSets }: Props) {
  const t = useTranslations("checklistEditor");
  const text = locale === "ja" ? item.text.ja : item.text.en;
  const needs = item.requires.map((key) => traits.find((trait) => trait.key === key)?.name ?? key);
  const hidden = { revision: String(revision), key: item.key };
  return (
    <li className={`py-1.5 ${item.retired ? "bg-slate-50 text-slate-500" : ""}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <code className="w-56 shrink-0 truncate text-xs" title={item.key}>
          {item.key}
        </code>
        <span className="min-w-48 flex-1 text-sm">
          {text}
          {item.retired && (
            <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">{t("retiredMark")}</span>
          )}
        </span>
        <span className="text-xs text-slate-600">{t("weightShort", { weight: item.weight })}</span>
        <span className="text-xs text-slate-600">
          {needs.length ? t("needsTraits", { traits: needs.join(", ") }) : t("everyServiceShort")}
        </span>
        <div className="flex flex-wrap gap-1">
          {!first && (
            <ActionForm
              action={moveDraftItemAction}
              layout="inline"
              secondary
              hidden={{ ...hidden, direction: "up" }}
              formLabel={`${t("moveUp")}: ${item.key}`}
              submitLabel={t("moveUp")}
            />
          )}
          {!last && (
            <ActionForm
              action={moveDraftItemAction}
              layout="inline"
              secondary
              hidden={{ ...hidden, direction: "down" }}
              formLabel={`${t("moveDown")}: ${item.key}`}
              submitLabel={t("moveDown")}
            />
          )}
          <ActionForm
            action={item.retired ? restoreDraftItemAction : retireDraftItemAction}
            layout="inline"
            secondary
            hidden={hidden}
            formLabel={`${item.retired ? t("restore") : t("retire")}: ${item.key}`}
            submitLabel={item.retired ? t("restore") : t("retire")}
          />
        </div>
        {/* Opened, the form takes a line of its own under the row. */}
        {!item.retired && (
          <details className="open:basis-full">
            <summary className={draftSummaryClass}>
              {t("editItem")}
              <span className="sr-only"> {item.key}</span>
            </summary>
            <div className="mt-2 rounded border border-slate-200 p-3">
              <ItemForm
                action={updateDraftItemAction}
                revision={revision}
                traits={traits}
                traitSets={traitSets}
                item={item}
                formLabel={`${t("saveItem")}: ${item.key}`}
                submitLabel={t("saveItem")}
              />
            </div>
          </details>
        )}
      </div>
    </li>
  );
}
