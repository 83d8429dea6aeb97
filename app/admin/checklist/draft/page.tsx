import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { ItemForm } from "@/components/checklist-editor/item-form";
import { PageHeader } from "@/components/layout/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { cardClass } from "@/components/ui/styles";
import {
  addDraftCategoryAction,
  addDraftItemAction,
  addDraftTraitAction,
  moveDraftCategoryAction,
  moveDraftItemAction,
  restoreDraftCategoryAction,
  restoreDraftItemAction,
  retireDraftCategoryAction,
  retireDraftItemAction,
  retireDraftTraitAction,
  updateDraftCategoryAction,
  updateDraftItemAction,
  updateDraftTraitAction,
} from "@/lib/actions/checklist";
import { requirePermission } from "@/lib/auth/session";
import { getChecklistDraft } from "@/lib/queries/checklist-versions";
import { countServicesByTraits } from "@/lib/queries/traits";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checklistEditor"))("editDraft") };
}

/** The draft, edited in place: every category, item and trait, each saved into the draft on its own. */
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
        <ul className="space-y-2">
          {document.traits.map((trait) => (
            <li key={trait.key}>
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
              <ActionForm
                action={retireDraftTraitAction}
                layout="inline"
                secondary
                hidden={{ revision, key: trait.key }}
                formLabel={`${t("retireTrait")}: ${trait.key}`}
                submitLabel={t("retireTrait")}
              />
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
          className={`${cardClass} space-y-4`}
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
          <ActionForm
            action={updateDraftCategoryAction}
            layout="inline"
            hidden={{ revision, key: category.key }}
            formLabel={`${t("saveCategory")}: ${category.key}`}
            submitLabel={t("saveCategory")}
            fields={[
              { name: "titleJa", label: t("categoryTitleJa"), type: "text", defaultValue: category.title.ja },
              { name: "titleEn", label: t("categoryTitleEn"), type: "text", defaultValue: category.title.en },
            ]}
          />
          <ol className="space-y-4">
            {category.items.map((item, itemIndex) => (
              <li
                key={item.key}
                className={`rounded border p-3 ${item.retired ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200"}`}
              >
                <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-medium">
                    <code className="text-xs">{item.key}</code> {name(item.text)}
                    {item.retired && (
                      <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">
                        {t("retiredMark")}
                      </span>
                    )}
                  </h3>
                  <div className="flex gap-2">
                    {itemIndex > 0 && (
                      <ActionForm
                        action={moveDraftItemAction}
                        layout="inline"
                        secondary
                        hidden={{ revision, key: item.key, direction: "up" }}
                        formLabel={`${t("moveUp")}: ${item.key}`}
                        submitLabel={t("moveUp")}
                      />
                    )}
                    {itemIndex < category.items.length - 1 && (
                      <ActionForm
                        action={moveDraftItemAction}
                        layout="inline"
                        secondary
                        hidden={{ revision, key: item.key, direction: "down" }}
                        formLabel={`${t("moveDown")}: ${item.key}`}
                        submitLabel={t("moveDown")}
                      />
                    )}
                    <ActionForm
                      action={item.retired ? restoreDraftItemAction : retireDraftItemAction}
                      layout="inline"
                      secondary
                      hidden={{ revision, key: item.key }}
                      formLabel={`${item.retired ? t("restore") : t("retire")}: ${item.key}`}
                      submitLabel={item.retired ? t("restore") : t("retire")}
                    />
                  </div>
                </div>
                {!item.retired && (
                  <ItemForm
                    action={updateDraftItemAction}
                    revision={draft.revision}
                    traits={traits}
                    traitSets={traitSets}
                    item={item}
                    formLabel={`${t("saveItem")}: ${item.key}`}
                    submitLabel={t("saveItem")}
                  />
                )}
              </li>
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
