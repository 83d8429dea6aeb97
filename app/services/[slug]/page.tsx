import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CategorySection } from "@/components/assessment/category-section";
import { HistoryList } from "@/components/assessment/history-list";
import { ItemFilters } from "@/components/assessment/item-filters";
import { KeyboardHelp } from "@/components/assessment/keyboard-help";
import { ScorePanel } from "@/components/assessment/score-panel";
import { buttonSecondary } from "@/components/ui/styles";
import { readAssessmentFilter, showsAnswer } from "@/lib/assessment-filters";
import { requireUser } from "@/lib/auth/session";
import { comparisonMoments, existedAt } from "@/lib/dates";
import { env } from "@/lib/env";
import { pick, type Locale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";
import { loadAssessment, RECENT_HISTORY } from "@/lib/queries/assessment";
import { latestVersionChanges } from "@/lib/queries/checklist-versions";
import { getServiceBySlug } from "@/lib/queries/services";
import { traitNames } from "@/lib/queries/traits";
import { isApplicable } from "@/lib/scoring";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const service = await getServiceBySlug((await params).slug);
  return { title: service?.name };
}

export default async function AssessmentPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const user = await requireUser();
  const [assessment, t, locale, format] = await Promise.all([
    loadAssessment(slug),
    getTranslations(),
    getLocale() as Promise<Locale>,
    getFormatter(),
  ]);
  if (!assessment) notFound();
  const { service, checklist } = assessment;
  const [traitName, versionChanges] = await Promise.all([traitNames(locale), latestVersionChanges()]);
  // Items the latest checklist version added that this service has yet to answer.
  const newItems = (versionChanges?.diff.items ?? []).filter(
    (change) =>
      change.kind === "added" &&
      isApplicable({ requiredTraits: change.item.requires }, service.traits) &&
      !checklist.some((category) =>
        category.items.some((item) => item.key === change.key && assessment.answersByItem.has(item.id)),
      ),
  );
  const canAnswer = can.answerItems(user, { teamId: service.teamId });
  // Younger than the furthest comparison: some changes are "—", and the page says why.
  const comparedSinceAdded = !existedAt(service.createdAt, comparisonMoments(new Date()).quarter);
  const filter = readAssessmentFilter(
    search,
    checklist.map((category) => category.key),
  );
  const categories = checklist.map((category) => ({
    key: category.key,
    title: pick(locale, { ja: category.titleJa, en: category.titleEn }),
  }));
  // A filtered view shows only the categories with something to show.
  const shownCategories = checklist.filter(
    (category) =>
      (!filter.category || category.key === filter.category) &&
      (!filter.show ||
        category.items.some(
          (item) =>
            isApplicable(item, service.traits) &&
            showsAnswer(filter.show, assessment.answersByItem.get(item.id), assessment.today),
        )),
  );
  const applicableItems = checklist
    .filter((category) => !filter.category || category.key === filter.category)
    .flatMap((category) => category.items.filter((item) => isApplicable(item, service.traits)));
  const shownCount = applicableItems.filter((item) =>
    showsAnswer(filter.show, assessment.answersByItem.get(item.id), assessment.today),
  ).length;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{service.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t("assessment.team", { team: service.team.name })} · {t("tier.label", { tier: service.tier })}
          </p>
          {comparedSinceAdded && (
            <p className="mt-1 text-xs text-slate-600">
              {t("deltas.newService", {
                date: format.dateTime(service.createdAt, {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: env.TENKEN_TIME_ZONE,
                }),
              })}
            </p>
          )}
          <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("serviceForm.traits")}>
            {service.traits.length === 0 && (
              <li className="text-sm text-slate-500">{t("assessment.noTraits")}</li>
            )}
            {service.traits.map((trait) => (
              <li
                key={trait}
                className="rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-medium text-slate-800"
              >
                {traitName[trait] ?? trait}
              </li>
            ))}
          </ul>
          {service.description && (
            <p className="mt-2 max-w-2xl whitespace-pre-line text-slate-700">{service.description}</p>
          )}
          {service.checklistVersion && (
            <p className="mt-1 text-xs text-slate-600">
              {t("checklistEditor.versionNotice", { version: service.checklistVersion.number })}{" "}
              {service.checklistVersion.number > 1 && (
                <Link href={`/checklist/changes?to=${service.checklistVersion.number}`} className="underline">
                  {t("checklistEditor.seeChanges")}
                </Link>
              )}
            </p>
          )}
        </div>
        <div className="flex flex-col items-end gap-3">
          {can.editService(user, { teamId: service.teamId }) && (
            <Link href={`/services/${service.slug}/edit`} className={buttonSecondary}>
              {t("assessment.editService")}
            </Link>
          )}
          <ItemFilters filter={filter} categories={categories} />
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <ScorePanel
            score={assessment.score}
            comparisons={assessment.comparisons}
            staleEvidence={assessment.staleEvidence}
            categories={categories}
          />
        </aside>
        <div className="min-w-0 space-y-3">
          {versionChanges && newItems.length > 0 && (
            <p role="status" className="rounded border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900">
              {t("checklistEditor.newItemsNotice", {
                count: newItems.length,
                version: versionChanges.number,
              })}{" "}
              <Link href={`/checklist/changes?to=${versionChanges.number}`} className="font-medium underline">
                {t("checklistEditor.seeChanges")}
              </Link>
            </p>
          )}
          <div className="flex flex-wrap items-center justify-between gap-x-3">
            <p role="status" className="text-sm text-slate-600">
              {filter.show || filter.category
                ? t("assessment.filtered", { shown: shownCount, total: applicableItems.length })
                : ""}
            </p>
            <KeyboardHelp canAnswer={canAnswer} />
          </div>
          {shownCategories.length === 0 && (
            <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
              {t(`assessment.filterEmpty.${filter.show ?? "all"}`)}{" "}
              <Link href={`/services/${service.slug}`} className="font-medium text-blue-800 underline">
                {t("assessment.clearFilters")}
              </Link>
            </p>
          )}
          {shownCategories.length > 0 && (
            <div className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
              {shownCategories.map((category) => (
                <CategorySection
                  key={category.key}
                  assessment={assessment}
                  category={category}
                  canAnswer={canAnswer}
                  traitNames={traitName}
                  filter={filter}
                />
              ))}
            </div>
          )}
          <HistoryList
            events={assessment.events}
            limit={RECENT_HISTORY}
            more={
              <p className="mt-3 text-sm">
                <Link
                  href={`/services/${service.slug}/history`}
                  className="font-medium text-blue-800 underline"
                >
                  {t("assessment.allHistory")}
                </Link>
              </p>
            }
          />
        </div>
      </div>
    </div>
  );
}
