import { useLocale, useTranslations } from "next-intl";

import { servicesMatching, type TraitSet } from "@/lib/checklist/affected";
import type { ChecklistDiff, ItemChange } from "@/lib/checklist/diff";

type Bilingual = { ja: string; en: string };

const badgeClass = "mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-800";

/**
 * What a draft or a version changes, item by item, with how many services each change touches.
 * Reworded texts are shown before and after, in both languages, so a rewording can be read (and
 * its translation checked) before it is published.
 */
export function ChecklistChangeList({ diff, traitSets }: { diff: ChecklistDiff; traitSets: TraitSet[] }) {
  const t = useTranslations("checklistEditor");
  const locale = useLocale();
  const text = (value: Bilingual) => (locale === "ja" ? value.ja : value.en);
  const others = (["categories", "traits"] as const).flatMap((part) =>
    (["added", "retired", "renamed"] as const).flatMap((kind) =>
      diff[part][kind].map((change) => ({ part, kind, change })),
    ),
  );
  if (diff.items.length === 0 && others.length === 0)
    return <p className="text-sm text-slate-600">{t("noChanges")}</p>;
  return (
    <ul className="space-y-3 text-sm">
      {diff.items.map((change) => {
        const item = change.kind === "changed" ? change.after : change.item;
        const before = change.kind === "changed" ? servicesMatching(change.before.requires, traitSets) : null;
        return (
          <li key={`${change.kind}-${change.key}`}>
            <span className={badgeClass}>{t(`kind.${change.kind}`)}</span>
            {text(item.text)} <code className="text-xs text-slate-600">{change.key}</code>
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
            {change.kind === "changed" && <ItemDetails change={change} />}
          </li>
        );
      })}
      {others.map(({ part, kind, change }) => (
        <li key={`${part}-${kind}-${change.key}`}>
          <span className={badgeClass}>{t(`partKind.${kind}`)}</span>
          {t(`part.${part}`)}: {text(change.name)}{" "}
          <code className="text-xs text-slate-600">{change.key}</code>
          {change.before && (
            <Wording
              caption={t("wordingOf", { what: `${t(`part.${part}`)} ${change.key}`, field: t("field.name") })}
              before={change.before}
              after={change.name}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** The fields of a changed item, each before and after. */
function ItemDetails({ change }: { change: Extract<ItemChange, { kind: "changed" }> }) {
  const t = useTranslations("checklistEditor");
  const { before, after } = change;
  return (
    <div className="mt-1 space-y-2 pl-4">
      {change.fields.includes("text") && (
        <Wording
          caption={t("wordingOf", { what: change.key, field: t("field.text") })}
          before={before.text}
          after={after.text}
        />
      )}
      {change.fields.includes("guidance") && (
        <Wording
          caption={t("wordingOf", { what: change.key, field: t("field.guidance") })}
          before={before.guidance}
          after={after.guidance}
        />
      )}
      {change.fields.includes("weight") && (
        <p className="text-slate-700">
          {t("fieldChange", { field: t("field.weight"), before: before.weight, after: after.weight })}
        </p>
      )}
      {change.fields.includes("requires") && (
        <p className="text-slate-700">
          {t("fieldChange", {
            field: t("field.requires"),
            before: before.requires.join(", ") || t("everyService"),
            after: after.requires.join(", ") || t("everyService"),
          })}
        </p>
      )}
    </div>
  );
}

/** Old and new wording side by side, one row per language. */
export function Wording({
  caption,
  before,
  after,
}: {
  caption: string;
  before: Bilingual;
  after: Bilingual;
}) {
  const t = useTranslations("checklistEditor");
  const cell = "border border-slate-200 px-2 py-1 align-top";
  return (
    <table className="mt-1 w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="bg-slate-50 text-left text-xs text-slate-700">
          <th scope="col" className={`${cell} w-24`}>
            {t("language")}
          </th>
          <th scope="col" className={cell}>
            {t("before")}
          </th>
          <th scope="col" className={cell}>
            {t("after")}
          </th>
        </tr>
      </thead>
      <tbody>
        {(["ja", "en"] as const).map((language) => (
          <tr key={language}>
            <th scope="row" className={`${cell} text-left text-xs font-medium text-slate-700`}>
              {t(`languages.${language}`)}
            </th>
            <td className={`${cell} ${before[language] === after[language] ? "text-slate-500" : ""}`}>
              {before[language] === after[language] ? (
                before[language] || "—"
              ) : (
                <del className="decoration-red-700">{before[language] || "—"}</del>
              )}
            </td>
            <td className={cell}>
              {before[language] === after[language] ? (
                <span className="text-slate-500">{t("unchanged")}</span>
              ) : (
                <ins className="no-underline">{after[language] || "—"}</ins>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
