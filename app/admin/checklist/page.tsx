import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { ChecklistChangeList } from "@/components/checklist-editor/change-list";
import { PageHeader } from "@/components/layout/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { buttonPrimary, cardClass } from "@/components/ui/styles";
import {
  discardDraftAction,
  importChecklistAction,
  publishDraftAction,
  restoreDefaultChecklistAction,
  startDraftAction,
} from "@/lib/actions/checklist";
import { requirePermission } from "@/lib/auth/session";
import { diffChecklists } from "@/lib/checklist/diff";
import {
  getChecklistDraft,
  getChecklistVersion,
  listChecklistVersions,
} from "@/lib/queries/checklist-versions";
import { countServicesByTraits } from "@/lib/queries/traits";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checklistEditor"))("title") };
}

export default async function ChecklistPage() {
  await requirePermission("manageChecklist");
  const [t, format, versions, draft, traitSets] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listChecklistVersions(),
    getChecklistDraft(),
    countServicesByTraits(),
  ]);
  const latest = versions[0]!;
  const current = await getChecklistVersion(latest.number);
  const revision = String(draft?.revision ?? 0);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("checklistEditor.title")} intro={t("checklistEditor.intro")}>
        <p className="mt-1 text-sm text-slate-700">
          {t("checklistEditor.currentVersion", {
            number: latest.number,
            date: date(latest.publishedAt),
            name: latest.publishedBy.name,
          })}
        </p>
      </PageHeader>

      <section aria-labelledby="draft-heading" className={`${cardClass} space-y-4`}>
        <h2 id="draft-heading" className="text-lg font-semibold">
          {t("checklistEditor.draftTitle")}
        </h2>
        {draft && current ? (
          <>
            <p className="text-sm text-slate-700">
              {t("checklistEditor.draftState", {
                number: draft.baseNumber,
                name: draft.updatedBy.name,
                date: format.dateTime(draft.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </p>
            <Link href="/admin/checklist/draft" className={buttonPrimary}>
              {t("checklistEditor.editDraft")}
            </Link>
            <div>
              <h3 className="mb-1 font-semibold">{t("checklistEditor.changesTitle")}</h3>
              <ChecklistChangeList
                diff={diffChecklists(current.document, draft.document)}
                traitSets={traitSets}
              />
            </div>
            <div className="rounded border border-slate-200 p-3">
              <h3 className="font-semibold">{t("checklistEditor.publishTitle")}</h3>
              <p className="mb-2 text-sm text-slate-600">{t("checklistEditor.publishHint")}</p>
              <ActionForm
                action={publishDraftAction}
                hidden={{ revision }}
                formLabel={t("checklistEditor.publishTitle")}
                submitLabel={t("checklistEditor.publish")}
                fields={[
                  {
                    name: "summary",
                    label: t("checklistEditor.publishSummary"),
                    type: "text",
                    required: true,
                  },
                ]}
              />
            </div>
            <ActionForm
              action={discardDraftAction}
              hidden={{ revision }}
              formLabel={t("checklistEditor.discard")}
              submitLabel={t("checklistEditor.discard")}
              secondary
              layout="inline"
            />
          </>
        ) : (
          <>
            <p className="text-sm text-slate-700">{t("checklistEditor.noDraft")}</p>
            <ActionForm
              action={startDraftAction}
              hidden={{ revision }}
              formLabel={t("checklistEditor.startDraft")}
              submitLabel={t("checklistEditor.startDraft")}
              layout="inline"
            />
          </>
        )}
        <div className="rounded border border-slate-200 p-3">
          <h3 className="font-semibold">{t("checklistEditor.importTitle")}</h3>
          <p className="mb-2 text-sm text-slate-600">{t("checklistEditor.importHint")}</p>
          <ActionForm
            action={importChecklistAction}
            hidden={{ revision }}
            formLabel={t("checklistEditor.importTitle")}
            submitLabel={t("checklistEditor.import")}
            fields={[
              {
                name: "file",
                label: t("checklistEditor.file"),
                type: "file",
                accept: ".yaml,.yml,.json,application/json,text/yaml",
              },
            ]}
          />
        </div>
        <div className="rounded border border-slate-200 p-3">
          <p className="mb-2 text-sm text-slate-600">{t("checklistEditor.restoreDefaultHint")}</p>
          <ActionForm
            action={restoreDefaultChecklistAction}
            hidden={{ revision }}
            formLabel={t("checklistEditor.restoreDefault")}
            submitLabel={t("checklistEditor.restoreDefault")}
            secondary
            layout="inline"
          />
        </div>
      </section>

      <section aria-labelledby="versions-heading" className={cardClass}>
        <h2 id="versions-heading" className="mb-2 text-lg font-semibold">
          {t("checklistEditor.versionsTitle")}
        </h2>
        <table className="min-w-full text-left text-sm">
          <ColumnHeaders
            labels={[
              t("checklistEditor.version"),
              t("checklistEditor.published"),
              t("checklistEditor.by"),
              t("checklistEditor.summary"),
              t("checklistEditor.downloads"),
            ]}
          />
          <tbody>
            {versions.map((version) => (
              <tr key={version.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="px-2 py-1.5 font-medium">
                  {t("checklistEditor.versionMark", { number: version.number })}
                </th>
                <td className="whitespace-nowrap px-2 py-1.5">{date(version.publishedAt)}</td>
                <td className="px-2 py-1.5">{version.publishedBy.name}</td>
                <td className="px-2 py-1.5">
                  {version.summary || (
                    <span className="text-slate-600">{t("checklistEditor.firstVersion")}</span>
                  )}
                  {version.number > 1 && (
                    <Link
                      href={`/checklist/changes?from=${version.number - 1}&to=${version.number}`}
                      className="ml-2 text-blue-700 underline"
                    >
                      {t("checklistEditor.compare")}
                    </Link>
                  )}
                </td>
                <td className="whitespace-nowrap px-2 py-1.5">
                  {(["yaml", "json"] as const).map((format, index) => (
                    <span key={format}>
                      {index > 0 && " · "}
                      <a
                        href={`/api/checklist?version=${version.number}&format=${format}`}
                        className="text-blue-700 underline"
                        download
                      >
                        {format.toUpperCase()}
                      </a>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
