import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { QuarterClosing } from "@/components/trends/quarter-closing";
import { TrendChart } from "@/components/trends/trend-chart";
import { TrendTable } from "@/components/trends/trend-table";
import { FilterForm } from "@/components/ui/filter-form";
import { FilterSelect } from "@/components/ui/filter-select";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/session";
import { pick, type Locale } from "@/lib/i18n/config";
import { quarterName } from "@/lib/quarters";
import { getServiceBySlug, listServiceNames } from "@/lib/queries/services";
import { listTeams } from "@/lib/queries/teams";
import { loadTrend } from "@/lib/read-models/trends";
import { trendQuerySchema } from "@/lib/validations/trends";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("trends"))("title") };
}

const SERVICE_CHOICES_MAX = 300;

export default async function TrendsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const query = trendQuerySchema.parse(await searchParams);
  const [t, locale, teams, services, service] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    listTeams(),
    listServiceNames(),
    query.service ? getServiceBySlug(query.service) : null,
  ]);
  const team = query.team ? teams.find((candidate) => candidate.slug === query.team) : undefined;
  const trend = await loadTrend(service ? { serviceId: service.id } : team ? { teamId: team.id } : {});
  // Thousands of services make a list nobody scrolls: past a few hundred, a team is chosen first.
  const serviceTeamId = team?.id ?? service?.teamId;
  const serviceChoices = serviceTeamId
    ? services.filter((candidate) => candidate.teamId === serviceTeamId)
    : services.length <= SERVICE_CHOICES_MAX
      ? services
      : [];
  const scopeName = service ? service.name : team ? team.name : t("trends.organisation");
  const category = trend.checklist.find((candidate) => candidate.key === query.category);
  const categoryTitle = category ? pick(locale, { ja: category.titleJa, en: category.titleEn }) : undefined;
  // One category: its average declared score (verified scores are kept per service overall only).
  const series = trend.points.map((point) => ({
    quarter: quarterName(t, point.quarter),
    closed: point.closed,
    reopened: Boolean(point.reopened),
    declared: (category ? point.categories[category.key]?.average : point.overall?.average) ?? null,
    verified: category ? null : (point.verified?.average ?? null),
    ...(point.checklistVersions.length
      ? {
          version: point.checklistVersions
            .map((number) => t("checklistEditor.versionMark", { number }))
            .join(", "),
        }
      : {}),
  }));

  return (
    <div className="space-y-8">
      <PageHeader title={t("trends.title")} intro={t("trends.intro")} />
      <FilterForm
        applyLabel={t("trends.show")}
        pendingLabel={t("trends.updating")}
        className={`${cardClass} grid gap-4 sm:grid-cols-4`}
        role="search"
        aria-label={t("trends.scope")}
      >
        <FilterSelect
          name="team"
          label={t("trends.team")}
          anyLabel={t("trends.wholeOrganisation")}
          value={query.team}
          options={teams.map((candidate) => ({ value: candidate.slug, label: candidate.name }))}
        />
        <FilterSelect
          name="category"
          label={t("trends.category")}
          anyLabel={t("trends.allCategories")}
          value={category?.key}
          options={trend.checklist.map((candidate) => ({
            value: candidate.key,
            label: pick(locale, { ja: candidate.titleJa, en: candidate.titleEn }),
          }))}
        />
        <FilterSelect
          name="service"
          label={t("trends.service")}
          anyLabel={t("trends.allServices")}
          value={query.service}
          options={serviceChoices.map((candidate) => ({ value: candidate.slug, label: candidate.name }))}
          hint={
            serviceTeamId || services.length <= SERVICE_CHOICES_MAX ? undefined : t("trends.chooseTeamFirst")
          }
        />
        <div className="flex items-end gap-2">
          <Link href="/trends" className={buttonSecondary}>
            {t("trends.reset")}
          </Link>
        </div>
      </FilterForm>
      <section aria-labelledby="trend-heading" className="space-y-4">
        <h2 id="trend-heading" className="text-lg font-semibold">
          {t("trends.scopeTitle", { scope: scopeName })}
        </h2>
        <div className={cardClass}>
          {categoryTitle && (
            <h3 className="mb-2 text-sm font-semibold">
              {t("trends.categoryChart", { category: categoryTitle })}
            </h3>
          )}
          <TrendChart
            series={series}
            labels={{
              declared: categoryTitle ?? t("trends.columns.declared"),
              verified: t("trends.columns.verified"),
              closed: t("trends.closedMark"),
              reopened: t("trends.reopenedChartMark"),
            }}
          />
        </div>
        <TrendTable trend={trend} caption={t("trends.tableCaption", { scope: scopeName })} />
        <p className="text-xs text-slate-600">{t("trends.howComputed")}</p>
      </section>
      <QuarterClosing
        user={user}
        trend={trend}
        choice={query.close}
        closed={query.closed}
        reopened={query.reopened}
      />
    </div>
  );
}
