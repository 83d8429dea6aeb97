import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { HeatmapEmpty } from "@/components/overview/heatmap-empty";
import { HeatmapTable } from "@/components/overview/heatmap-table";
import { TeamRollups } from "@/components/overview/team-rollups";
import { WeakestItems } from "@/components/overview/weakest-items";
import { Deltas } from "@/components/ui/deltas";
import { FilterForm } from "@/components/ui/filter-form";
import { FilterSelect } from "@/components/ui/filter-select";
import { buttonSecondary, cardClass, inputClass, labelClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { startOfDayIn, todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { pick, type Locale } from "@/lib/i18n/config";
import { quarterName, quarterOf } from "@/lib/quarters";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { listTeams } from "@/lib/queries/teams";
import { listTraits } from "@/lib/queries/traits";
import { loadOverview } from "@/lib/read-models/overview";
import { overviewQuerySchema } from "@/lib/validations/overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("readOrganisation");
  const query = overviewQuerySchema.parse(await searchParams);
  const today = todayIn(env.TENKEN_TIME_ZONE);
  // A past day: the overview as it stood at its end. Today or later is simply now.
  const asOfDay = query.at && query.at < today ? query.at : undefined;
  const asOf = asOfDay ? new Date(startOfDayIn(asOfDay, env.TENKEN_TIME_ZONE, 1).getTime() - 1) : undefined;
  const [t, tRoot, locale, teams, overview, startMonth, traits] = await Promise.all([
    getTranslations("overview"),
    getTranslations(),
    getLocale(),
    listTeams(),
    loadOverview({ teamSlug: query.team, tier: query.tier, trait: query.trait }, new Date(), {
      asOf,
      failing: query.failing,
    }),
    getFiscalStartMonth(),
    listTraits(),
  ]);
  const filters = {
    ...(query.team ? { team: query.team } : {}),
    ...(query.tier ? { tier: String(query.tier) } : {}),
    ...(query.trait ? { trait: query.trait } : {}),
  };
  const org = overview.organisation.rollup.overall;
  const failingItem = query.failing
    ? overview.checklist.flatMap((category) => category.items).find((item) => item.key === query.failing)
    : undefined;

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <section aria-labelledby="org-score" className={`${cardClass} min-w-64`}>
            <h2 id="org-score" className="text-sm font-semibold text-slate-600">
              {query.team || query.tier || query.trait || query.failing ? t("filteredScore") : t("orgScore")}
            </h2>
            <p className="mt-1 text-3xl font-bold tabular-nums">
              {org ? `${org.average}%` : tRoot("score.none")}
            </p>
            {org && (
              <p className="text-xs text-slate-600">
                {t("spread", { min: org.min, median: org.median, max: org.max, count: org.count })}
              </p>
            )}
            <div className="mt-2">
              <Deltas deltas={overview.organisation.deltas} />
            </div>
          </section>
        }
      >
        <p className="mt-1 text-sm font-medium text-slate-700">
          {t(asOfDay ? "quarterOf" : "currentQuarter", {
            quarter: quarterName(tRoot, quarterOf(overview.today, startMonth)),
          })}
        </p>
        {query.failing && (
          <p
            role="status"
            className="mt-2 rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800"
          >
            {t("failingNotice", {
              item: failingItem
                ? pick(locale as Locale, { ja: failingItem.textJa, en: failingItem.textEn })
                : query.failing,
            })}{" "}
            <Link
              href={{ pathname: "/overview", query: { ...filters, ...(asOfDay ? { at: asOfDay } : {}) } }}
              className="font-semibold underline"
            >
              {t("showAll")}
            </Link>
          </p>
        )}
        {asOfDay && (
          <p
            role="status"
            className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          >
            {t("asOfNotice", { day: asOfDay })}{" "}
            <Link href={{ pathname: "/overview", query: filters }} className="font-semibold underline">
              {t("backToToday")}
            </Link>
          </p>
        )}
      </PageHeader>

      <FilterForm
        applyLabel={t("apply")}
        pendingLabel={t("updating")}
        className={`${cardClass} grid gap-4 sm:grid-cols-5`}
        role="search"
        aria-label={t("filter")}
      >
        <FilterSelect
          name="team"
          label={t("columns.team")}
          anyLabel={t("allTeams")}
          value={query.team}
          options={teams.map((team) => ({ value: team.slug, label: team.name }))}
        />
        <FilterSelect
          name="tier"
          label={t("columns.tier")}
          anyLabel={t("allTiers")}
          value={query.tier ? String(query.tier) : undefined}
          options={[1, 2, 3].map((tier) => ({ value: String(tier), label: tRoot("tier.label", { tier }) }))}
        />
        <FilterSelect
          name="trait"
          label={t("trait")}
          anyLabel={t("allTraits")}
          value={query.trait}
          options={traits.map((trait) => ({
            value: trait.key,
            label: locale === "ja" ? trait.nameJa : trait.nameEn,
          }))}
        />
        <div>
          <label htmlFor="at" className={labelClass}>
            {t("asOf")}
          </label>
          <input
            id="at"
            name="at"
            type="date"
            max={today}
            defaultValue={asOfDay ?? ""}
            aria-describedby="at-hint"
            className={`${inputClass} mt-1`}
          />
          <p id="at-hint" className="mt-1 text-xs text-slate-600">
            {t("asOfHint")}
          </p>
        </div>
        <div className="flex items-end gap-2">
          {query.failing && <input type="hidden" name="failing" value={query.failing} />}
          {query.sort && <input type="hidden" name="sort" value={query.sort} />}
          {query.dir && <input type="hidden" name="dir" value={query.dir} />}
          <Link href="/overview" className={buttonSecondary}>
            {t("reset")}
          </Link>
        </div>
      </FilterForm>

      <section aria-labelledby="heatmap-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="heatmap-heading" className="text-lg font-semibold">
            {t("heatmapTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("heatmapHelp", { count: overview.rows.length })}</p>
        </div>
        {overview.rows.length === 0 ? (
          <HeatmapEmpty
            query={query}
            asOfDay={asOfDay}
            teamName={teams.find((team) => team.slug === query.team)?.name}
          />
        ) : (
          <HeatmapTable overview={overview} query={query} />
        )}
      </section>

      <section aria-labelledby="teams-heading" className="space-y-3">
        <h2 id="teams-heading" className="text-lg font-semibold">
          {t("teamsTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("teamsHelp")}</p>
        {overview.teams.length > 0 && <TeamRollups overview={overview} />}
      </section>

      <section aria-labelledby="weakest-heading" className="space-y-3">
        <h2 id="weakest-heading" className="text-lg font-semibold">
          {t("weakestTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("weakestHelp")}</p>
        <WeakestItems
          weakest={overview.weakest}
          query={{ ...filters, ...(asOfDay ? { at: asOfDay } : {}) }}
        />
      </section>
    </div>
  );
}
