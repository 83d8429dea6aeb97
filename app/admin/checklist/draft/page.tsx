import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { DraftItemRow, draftSummaryClass } from "@/components/checklist-editor/draft-item-row";
import { ItemForm } from "@/components/checklist-editor/item-form";
import { PageHeader } from "@/components/layout/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { cardClass } from "@/components/ui/styles";
import {
  addDraftCategoryAction,
  addDraftItemAction,
  addDraftTraitAction,
  moveDraftCategoryAction,
  restoreDraftCategoryAction,
  retireDraftCategoryAction,
  retireDraftTraitAction,
  updateDraftCategoryAction,
  updateDraftTraitAction,
} from "@/lib/actions/checklist";
import { requirePermission } from "@/lib/auth/session";
import { getChecklistDraft } from "@/lib/queries/checklist-versions";
import { countServicesByTraits } from "@/lib/queries/traits";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checklistEditor"))("editDraft") };
}

/**
 * The draft, edited in place: every category, item and trait on a line of its own, each opened for
 * editing on demand and saved into the draft on its own (at the draft's revision, so a save over
 * someone else's is refused naming them).
 */
export default async function DraftEditorPage() {
  await requirePermission("manageChecklist");
  const [t, locale, draft, traitSets] = await Promise.all([
    getTranslations("checklistEditor"),
    getLocale(),
    getChecklistDraft(),
    countServicesByTraits(),
  ]);
  if (!draft) redirect("/admin/checklist");
  const { document } = draft;
  const revision = String(draft.revision);
  const name = (text: { ja: string; en: string }) => (locale === "ja" ? text.ja : text.en);
  const traits = document.traits.map((trait) => ({ key: trait.key, name: name(trait.name) }));

  return (
    <div className="space-y-6">
      <PageHeader title={t("editDraft")} back={{ href: "/admin/checklist", label: t("backToChecklist") }}>
        <p className="text-sm text-slate-600">
          {t("draftState", {
            number: draft.baseNumber,
            name: draft.updatedBy.name,
            date: draft.updatedAt.toISOString().slice(0, 16).replace("T", " "),
          })}
        </p>
      </PageHeader>

      <section aria-labelledby="traits-heading" className={`${cardClass} space-y-3`}>
        <h2 id="traits-heading" className="text-lg font-semibold">
          {t("traitsTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("traitsHint")}</p>
        <ul className="divide-y divide-slate-100">
          {document.traits.map((trait) => (
            <li key={trait.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
              <code className="w-56 shrink-0 truncate text-xs" title={trait.key}>
                {trait.key}
              </code>
              <span className="min-w-48 flex-1 text-sm">
                {name(trait.name)}
                <span className="ml-2 text-xs text-slate-600">{name(trait.description)}</span>
              </span>
              <ActionForm
                action={retireDraftTraitAction}
                layout="inline"
                secondary
                hidden={{ revision, key: trait.key }}
                formLabel={`${t("retireTrait")}: ${trait.key}`}
                submitLabel={t("retireTrait")}
              />
              <details className="open:basis-full">
                <summary className={draftSummaryClass}>
                  {t("editTrait")}
                  <span className="sr-only"> {trait.key}</span>
                </summary>
                <div className="mt-2 rounded border border-slate-200 p-3">
                  <ActionForm
                    action={updateDraftTraitAction}
                    layout="inline"
                    hidden={{ revision, key: trait.key }}
                    formLabel={`${t("saveTrait")}: ${trait.key}`}
                    submitLabel={t("saveTrait")}
                    fields={[
                      {
                        name: "nameJa",
                        label: `${trait.key} · ${t("traitNameJa")}`,
                        type: "text",
                        defaultValue: trait.name.ja,
                      },
                      { name: "nameEn", label: t("traitNameEn"), type: "text", defaultValue: trait.name.en },
                      {
                        name: "descriptionJa",
                        label: t("traitDescriptionJa"),
                        type: "text",
                        defaultValue: trait.description.ja,
                      },
                      {
                        name: "descriptionEn",
                        label: t("traitDescriptionEn"),
                        type: "text",
                        defaultValue: trait.description.en,
                      },
                    ]}
                  />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <details className="rounded border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium text-blue-800">{t("addTraitTitle")}</summary>
          <div className="mt-3 max-w-xl">
            <ActionForm
              action={addDraftTraitAction}
              hidden={{ revision }}
              formLabel={t("addTraitTitle")}
              submitLabel={t("addTrait")}
              fields={[
                { name: "key", label: t("traitKey"), type: "text", required: true },
                { name: "nameJa", label: t("traitNameJa"), type: "text", required: true },
                { name: "nameEn", label: t("traitNameEn"), type: "text", required: true },
                { name: "descriptionJa", label: t("traitDescriptionJa"), type: "text" },
                { name: "descriptionEn", label: t("traitDescriptionEn"), type: "text" },
              ]}
            />
          </div>
        </details>
      </section>

      {document.categories.map((category, categoryIndex) => (
        <section
          key={category.key}
          aria-labelledby={`category-${category.key}`}
          className={`${cardClass} space-y-2`}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id={`category-${category.key}`} className="text-lg font-semibold">
              {name(category.title)}{" "}
              <code className="text-xs font-normal text-slate-600">{category.key}</code>
            </h2>
            <div className="flex gap-2">
              {categoryIndex > 0 && (
                <ActionForm
                  action={moveDraftCategoryAction}
                  layout="inline"
                  secondary
                  hidden={{ revision, key: category.key, direction: "up" }}
                  formLabel={`${t("moveUp")}: ${category.key}`}
                  submitLabel={t("moveUp")}
                />
              )}
              {categoryIndex < document.categories.length - 1 && (
                <ActionForm
                  action={moveDraftCategoryAction}
                  layout="inline"
                  secondary
                  hidden={{ revision, key: category.key, direction: "down" }}
                  formLabel={`${t("moveDown")}: ${category.key}`}
                  submitLabel={t("moveDown")}
                />
              )}
              {category.items.every((item) => item.retired) ? (
                <ActionForm
                  action={restoreDraftCategoryAction}
                  layout="inline"
                  secondary
                  hidden={{ revision, key: category.key }}
                  formLabel={`${t("restoreCategory")}: ${category.key}`}
                  submitLabel={t("restoreCategory")}
                />
              ) : (
                <ActionForm
                  action={retireDraftCategoryAction}
                  layout="inline"
                  secondary
                  hidden={{ revision, key: category.key }}
                  formLabel={`${t("retireCategory")}: ${category.key}`}
                  submitLabel={t("retireCategory")}
                />
              )}
            </div>
          </div>
          <details>
            <summary className={draftSummaryClass}>
              {t("renameCategory")}
              <span className="sr-only"> {category.key}</span>
            </summary>
            <div className="mt-2 rounded border border-slate-200 p-3">
              <ActionForm
                action={updateDraftCategoryAction}
                layout="inline"
                hidden={{ revision, key: category.key }}
                formLabel={`${t("saveCategory")}: ${category.key}`}
                submitLabel={t("saveCategory")}
                fields={[
                  {
                    name: "titleJa",
                    label: t("categoryTitleJa"),
                    type: "text",
                    defaultValue: category.title.ja,
                  },
                  {
                    name: "titleEn",
                    label: t("categoryTitleEn"),
                    type: "text",
                    defaultValue: category.title.en,
                  },
                ]}
              />
            </div>
          </details>
          <ol className="divide-y divide-slate-100">
            {category.items.map((item, itemIndex) => (
              <DraftItemRow
                key={item.key}
                item={item}
                revision={draft.revision}
                first={itemIndex === 0}
                last={itemIndex === category.items.length - 1}
                locale={locale}
                traits={traits}
                traitSets={traitSets}
              />
            ))}
          </ol>
          <details className="rounded border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-blue-800">
              {t("addItemTitle", { category: name(category.title) })}
            </summary>
            <div className="mt-3">
              <ItemForm
                action={addDraftItemAction}
                revision={draft.revision}
                traits={traits}
                traitSets={traitSets}
                categoryKey={category.key}
                formLabel={t("addItemTitle", { category: name(category.title) })}
                submitLabel={t("addItem")}
              />
            </div>
          </details>
        </section>
      ))}

      <section aria-labelledby="add-category" className={cardClass}>
        <h2 id="add-category" className="mb-2 text-lg font-semibold">
          {t("addCategoryTitle")}
        </h2>
        <ActionForm
          action={addDraftCategoryAction}
          hidden={{ revision, weight: "1" }}
          formLabel={t("addCategoryTitle")}
          submitLabel={t("addCategory")}
          fields={[
            { name: "key", label: t("categoryKey"), type: "text", required: true },
            { name: "titleJa", label: t("categoryTitleJa"), type: "text", required: true },
            { name: "titleEn", label: t("categoryTitleEn"), type: "text", required: true },
            { name: "itemKey", label: t("itemKey"), type: "text", required: true },
            { name: "textJa", label: t("textJa"), type: "text", required: true },
            { name: "textEn", label: t("textEn"), type: "text", required: true },
          ]}
        />
      </section>
    </div>
  );
}
