import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { QueueTable } from "@/components/review/queue-table";
import { FilterForm } from "@/components/ui/filter-form";
import { FilterSelect } from "@/components/ui/filter-select";
import { Pager } from "@/components/ui/pager";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { pick, type Locale } from "@/lib/i18n/config";
import { getChecklist } from "@/lib/queries/checklist";
import { listReviewQueue, QUEUE_PAGE_SIZE, summariseQueueScope } from "@/lib/queries/review";
import { listServiceNames } from "@/lib/queries/services";
import { listTeams } from "@/lib/queries/teams";
import { staleBefore } from "@/lib/review";
import { QUEUE_SORTS, reviewQuerySchema } from "@/lib/validations/review";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("queueTitle") };
}

export default async function ReviewQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("seeReviewQueue");
  const query = reviewQuerySchema.parse(await searchParams);
  const today = todayIn(env.TENKEN_TIME_ZONE);
  const page = query.page ?? 1;
  const [t, locale, teams, services, checklist, { total, entries }] = await Promise.all([
    getTranslations("review"),
    getLocale() as Promise<Locale>,
    listTeams(),
    listServiceNames(),
    getChecklist(),
    listReviewQueue({
      teamSlug: query.team,
      categoryKey: query.category,
      serviceSlug: query.service,
      staleBefore: staleBefore(today, env.TENKEN_EVIDENCE_STALE_DAYS),
      page,
      sort: query.sort,
    }),
  ]);
  const filters = { team: query.team, category: query.category, service: query.service, sort: query.sort };
  const shown = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  // Past the last page the queue is not empty; only the first page's emptiness needs explaining.
  const empty =
    entries.length === 0 && total === 0
      ? await summariseQueueScope({
          teamSlug: query.team,
          categoryKey: query.category,
          serviceSlug: query.service,
        })
      : null;

  return (
    <div className="space-y-6">
      <PageHeader title={t("queueTitle")} intro={t("queueIntro", { days: env.TENKEN_EVIDENCE_STALE_DAYS })} />
      <FilterForm
        initialQuery={shown}
        applyLabel={t("filter")}
        pendingLabel={t("updating")}
        className={`${cardClass} grid gap-4 sm:grid-cols-4`}
        role="search"
        aria-label={t("filter")}
      >
        <FilterSelect
          name="team"
          label={t("filters.team")}
          anyLabel={t("filters.allTeams")}
          value={query.team}
          options={teams.map((team) => ({ value: team.slug, label: team.name }))}
        />
        <FilterSelect
          name="category"
          label={t("filters.category")}
          anyLabel={t("filters.allCategories")}
          value={query.category}
          options={checklist.map((category) => ({
            value: category.key,
            label: pick(locale, { ja: category.titleJa, en: category.titleEn }),
          }))}
        />
        <FilterSelect
          name="service"
          label={t("filters.service")}
          anyLabel={t("filters.allServices")}
          value={query.service}
          options={services.map((service) => ({ value: service.slug, label: service.name }))}
        />
        <FilterSelect
          name="sort"
          label={t("sort.label")}
          anyLabel={t("sort.newest")}
          value={query.sort === "newest" ? undefined : query.sort}
          options={QUEUE_SORTS.filter((sort) => sort !== "newest").map((sort) => ({
            value: sort,
            label: t(`sort.${sort}`),
          }))}
        />
        <div className="flex gap-2 sm:col-span-4">
          <Link href="/review" className={buttonSecondary}>
            {t("reset")}
          </Link>
        </div>
      </FilterForm>
      {entries.length === 0 ? (
        <p className={`${cardClass} text-center text-slate-700`}>
          {empty ? t(`queueEmpty.${empty}`) : t("queuePastEnd")}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600" aria-live="polite">
            {t("queueCount", { count: total })}
          </p>
          <QueueTable entries={entries} caption={t("queueTitle")} today={today} />
          <Pager page={page} pages={Math.ceil(total / QUEUE_PAGE_SIZE)} query={filters} />
        </>
      )}
    </div>
  );
}
