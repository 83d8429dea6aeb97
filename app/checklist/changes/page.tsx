import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { ChecklistChangeList } from "@/components/checklist-editor/change-list";
import { PageHeader } from "@/components/layout/page-header";
import { cardClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { diffChecklists } from "@/lib/checklist/diff";
import { can } from "@/lib/permissions";
import { getChecklistVersion, listChecklistVersions } from "@/lib/queries/checklist-versions";
import { countServicesByTraits } from "@/lib/queries/traits";
import { versionQuerySchema } from "@/lib/validations/checklist-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checklistEditor"))("compare") };
}

/** What changed between two published versions (by default, the latest and the one before). */
export default async function ChecklistChangesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("readOrganisation");
  const query = versionQuerySchema.parse(await searchParams);
  const [t, format, versions, traitSets] = await Promise.all([
    getTranslations("checklistEditor"),
    getFormatter(),
    listChecklistVersions(),
    countServicesByTraits(),
  ]);
  const to = query.to ?? versions[0]!.number;
  const from = query.from ?? Math.max(1, to - 1);
  const [older, newer] = await Promise.all([getChecklistVersion(from), getChecklistVersion(to)]);
  if (!older || !newer) notFound();

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={t("diffTitle", { from, to })}
        back={
          can.manageChecklist(user) ? { href: "/admin/checklist", label: t("backToChecklist") } : undefined
        }
      >
        <p className="text-sm text-slate-600">
          {t("currentVersion", {
            number: newer.number,
            date: format.dateTime(newer.publishedAt, { dateStyle: "medium" }),
            name: newer.publishedBy.name,
          })}
          {newer.summary && `: ${newer.summary}`}
        </p>
      </PageHeader>
      <section className={cardClass} aria-label={t("diffTitle", { from, to })}>
        <ChecklistChangeList diff={diffChecklists(older.document, newer.document)} traitSets={traitSets} />
      </section>
    </div>
  );
}
