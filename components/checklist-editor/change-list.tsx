import { useLocale, useTranslations } from "next-intl";

import { servicesMatching, type TraitSet } from "@/lib/checklist/affected";
import type { ChecklistDiff } from "@/lib/checklist/diff";

/** What a draft or a version changes, item by item, with how many services each change touches. */
export function ChecklistChangeList({ diff, traitSets }: { diff: ChecklistDiff; traitSets: TraitSet[] }) {
  const t = useTranslations("checklistEditor");
  const locale = useLocale();
  const text = (item: { text: { ja: string; en: string } }) =>
    locale === "ja" ? item.text.ja : item.text.en;
  // Categories and traits: added, retired or renamed, each a line too.
  const others = (["categories", "traits"] as const).flatMap((part) =>
    (["added", "retired", "renamed"] as const).flatMap((kind) =>
      diff[part][kind].map((key) => ({ part, kind, key })),
    ),
  );
  if (diff.items.length === 0 && others.length === 0)
    return <p className="text-sm text-slate-600">{t("noChanges")}</p>;
  return (
    <ul className="space-y-1.5 text-sm">
      {diff.items.map((change) => {
        const item = change.kind === "changed" ? change.after : change.item;
        const before = change.kind === "changed" ? servicesMatching(change.before.requires, traitSets) : null;
        return (
          <li key={`${change.kind}-${change.key}`}>
            <span className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-800">
              {t(`kind.${change.kind}`)}
            </span>
            <code className="text-xs">{change.key}</code> {text(item)}
            {change.kind === "changed" && (
              <span className="text-slate-600">
                {" "}
                ({change.fields.map((field) => t(`field.${field}`)).join(", ")})
              </span>
            )}
            <span className="text-slate-600">
              {" "}
              · {t("affects", { count: servicesMatching(item.requires, traitSets) })}
              {before !== null && before !== servicesMatching(item.requires, traitSets) && ` (${before} →)`}
            </span>
          </li>
        );
      })}
      {others.map(({ part, kind, key }) => (
        <li key={`${part}-${kind}-${key}`}>
          <span className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-800">
            {t(`partKind.${kind}`)}
          </span>
          {t(`part.${part}`)}: <code className="text-xs">{key}</code>
        </li>
      ))}
    </ul>
  );
}
