import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CHANGES_SHOWN, ChangeList } from "@/components/retrospective/change-list";
import { FilterSelect } from "@/components/ui/filter-select";
import { buttonPrimary, buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { quarterName } from "@/lib/i18n/quarters";
import { listTeams } from "@/lib/queries/teams";
import { recentQuarters } from "@/lib/quarters";
import { loadRetrospective, quarterParam } from "@/lib/retrospective";
import { retrospectiveQuerySchema } from "@/lib/validations/retrospective";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retro"))("title") };
}

const percent = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${value}%`);

export default async function RetrospectivePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("readOrganisation");
  const query = retrospectiveQuerySchema.parse(await searchParams);
  const [t, locale, teams] = await Promise.all([getTranslations(), getLocale(), listTeams()]);
  const team = query.team ? teams.find((candidate) => candidate.slug === query.team) : undefined;
  const retro = await loadRetrospective({ quarter: query.quarter, team });
  const quarters = recentQuarters(todayIn(env.TENKEN_TIME_ZONE), 8, retro.startMonth).reverse();
  const scope = team?.name ?? t("trends.organisation");
  const download = new URLSearchParams({ quarter: quarterParam(retro.quarter), ...(team ? { team: team.slug } : {}) }).toString();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("retro.heading", { quarter: quarterName(t, retro.quarter), scope })}</h1>
        <p className="text-slate-600">
          {t("retro.period", { start: retro.quarter.start, end: retro.lastDay })} {retro.open && t("retro.openNote")}
        </p>
      </div>
      <form method="get" className={`${cardClass} grid gap-4 sm:grid-cols-3`} role="search" aria-label={t("retro.choose")}>
        <FilterSelect name="quarter" label={t("retro.quarter")} anyLabel={t("retro.currentQuarter")} value={query.quarter} options={quarters.map((quarter) => ({ value: quarterParam(quarter), label: quarterName(t, quarter) }))} />
        <FilterSelect name="team" label={t("trends.team")} anyLabel={t("trends.wholeOrganisation")} value={query.team} options={teams.map((candidate) => ({ value: candidate.slug, label: candidate.name }))} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonPrimary}>{t("trends.show")}</button>
          <a href={`/api/retrospectives/minutes?${download}`} className={buttonSecondary} download>{t("retro.downloadMinutes")}</a>
          <a href={`/api/retrospectives/scores?${download}`} className={buttonSecondary} download>{t("retro.downloadScores")}</a>
        </div>
      </form>

      <section aria-labelledby="retro-scores" className={cardClass}>
        <h2 id="retro-scores" className="text-lg font-semibold">{t("retro.scoresTitle")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("retro.scoreLine", { score: percent(retro.score?.overall?.average), verified: percent(retro.score?.verified?.average), previous: percent(retro.previousScore?.overall?.average) })}</p>
        <p className="mt-1 text-xs text-slate-600">
          {retro.score?.closed ? t("trends.closedMark") : retro.open ? t("trends.openMark") : t("trends.notClosedMark")} · <Link href={{ pathname: "/trends", query: team ? { team: team.slug } : {} }} className="text-blue-700 underline">{t("retro.seeTrend")}</Link>
        </p>
      </section>
      {(
        [
          ["newly-met", t("retro.newlyMet", { count: retro.changes.newlyMet.length }), retro.changes.newlyMet, "status"],
          ["regressed", t("retro.regressed", { count: retro.changes.regressed.length }), retro.changes.regressed, "status"],
          ["na", t("retro.naChanges", { count: retro.changes.naChanges.length }), retro.changes.naChanges, "na"],
        ] as const
      ).map(([id, title, changes, kind]) => (
        <section key={id} aria-labelledby={`retro-${id}`} className={cardClass}>
          <h2 id={`retro-${id}`} className="mb-2 text-lg font-semibold">{title}</h2>
          <ChangeList changes={[...changes]} kind={kind} />
        </section>
      ))}
      <section aria-labelledby="retro-stale" className={cardClass}>
        <h2 id="retro-stale" className="mb-2 text-lg font-semibold">{t("retro.staleTitle", { count: retro.staleEvidence.length })}</h2>
        {retro.staleEvidence.length === 0 ? (
          <p className="text-sm text-slate-600">{t("retro.none")}</p>
        ) : (
          <ul className="space-y-1.5 text-sm">
            {retro.staleEvidence.slice(0, CHANGES_SHOWN).map((evidence) => (
              <li key={`${evidence.service_slug}-${evidence.item_key}-${evidence.checked_on}-${evidence.title}`}>
                <span className="font-medium">{evidence.service_name}</span>:{" "}
                <Link href={`/services/${evidence.service_slug}/items/${evidence.item_key}`} className="text-blue-700 underline">{locale === "ja" ? evidence.text_ja : evidence.text_en}</Link>{" "}
                <span className="text-slate-600">({evidence.title || evidence.url || evidence.kind}, {t("retro.checkedOn", { day: evidence.checked_on })})</span>
              </li>
            ))}
          </ul>
        )}
        {retro.staleEvidence.length > CHANGES_SHOWN && <p className="mt-2 text-sm text-slate-600">{t("retro.more", { count: retro.staleEvidence.length - CHANGES_SHOWN })}</p>}
      </section>
      <p className="text-xs text-slate-600">{t("retro.comingNext")}</p>
    </div>
  );
}
