import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { QueueTable } from "@/components/review/queue-table";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { FilterForm } from "@/components/ui/filter-form";
import { FilterSelect } from "@/components/ui/filter-select";
import { Pager } from "@/components/ui/pager";
import { cardClass } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { listNeedsAttention, QUEUE_PAGE_SIZE, summariseTeams } from "@/lib/queries/review";
import { listTeams } from "@/lib/queries/teams";
import { staleBefore } from "@/lib/review";
import { reviewQuerySchema } from "@/lib/validations/review";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("attention"))("title") };
}

// What teams have to act on. Members see their own teams' by default; anyone may pick a team.
export default async function NeedsAttentionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const query = reviewQuerySchema.parse(await searchParams);
  const today = todayIn(env.TENKEN_TIME_ZONE);
  const before = staleBefore(today, env.TENKEN_EVIDENCE_STALE_DAYS);
  const mine = !query.team && user.teamIds.length > 0;
  const page = query.page ?? 1;
  const [t, teams, { total, entries }, summary] = await Promise.all([
    getTranslations("attention"),
    listTeams(),
    listNeedsAttention({
      teamSlug: query.team,
      teamIds: mine ? user.teamIds : undefined,
      staleBefore: before,
      today,
      page,
    }),
    summariseTeams({ staleBefore: before, today }),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={mine ? t("introMine") : t("introAll")} />
      <FilterForm
        applyLabel={t("filter")}
        pendingLabel={t("updating")}
        className="flex flex-wrap items-end gap-2"
        role="search"
        aria-label={t("filter")}
      >
        <FilterSelect
          name="team"
          label={t("team")}
          anyLabel={user.teamIds.length > 0 ? t("myTeams") : t("allTeams")}
          value={query.team}
          options={teams.map((team) => ({ value: team.slug, label: team.name }))}
        />
      </FilterForm>
      {entries.length === 0 ? (
        <p className={`${cardClass} text-center text-slate-700`}>{t("empty")}</p>
      ) : (
        <>
          <QueueTable entries={entries} caption={t("title")} today={today} />
          <Pager page={page} pages={Math.ceil(total / QUEUE_PAGE_SIZE)} query={{ team: query.team }} />
        </>
      )}
      <section aria-labelledby="teams-summary" className="space-y-3">
        <h2 id="teams-summary" className="text-lg font-semibold">
          {t("byTeam")}
        </h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("byTeam")}</caption>
            <ColumnHeaders
              look="card"
              labels={[
                t("columns.team"),
                t("columns.services"),
                t("columns.needsAttention"),
                t("columns.staleEvidence"),
                t("columns.naRate"),
              ]}
            />
            <tbody className="divide-y divide-slate-100">
              {summary.map((team) => (
                <tr key={team.slug}>
                  <th scope="row" className="px-4 py-2 text-left font-medium">
                    <Link href={`/attention?team=${team.slug}`} className="text-blue-800 hover:underline">
                      {team.name}
                    </Link>
                  </th>
                  <td className="px-4 py-2 tabular-nums">{team.services}</td>
                  <td className="px-4 py-2 tabular-nums">{team.needs_attention}</td>
                  <td className="px-4 py-2 tabular-nums">{team.stale_evidence}</td>
                  <td className="px-4 py-2 tabular-nums">
                    {team.answers > 0
                      ? `${Math.round((team.not_applicable / team.answers) * 1000) / 10}%`
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
