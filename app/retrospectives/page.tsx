import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { ActionItemForm } from "@/components/retrospective/action-item-form";
import { ActionItemTable } from "@/components/retrospective/action-item-table";
import { ChangeList } from "@/components/retrospective/change-list";
import { IncidentForm } from "@/components/retrospective/incident-form";
import { CauseCounts, IncidentTable } from "@/components/retrospective/incident-table";
import { RetrospectiveNotesForm } from "@/components/retrospective/notes-form";
import { StaleEvidenceList } from "@/components/retrospective/stale-evidence-list";
import { FilterForm, ScopeLink } from "@/components/ui/filter-form";
import { FilterSelect } from "@/components/ui/filter-select";
import { Markdown } from "@/components/ui/markdown";
import { buttonPrimary, buttonSecondary, cardClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { addDays, dayOf, todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { can } from "@/lib/permissions";
import { quarterName, quarterOf, quarterParam, recentQuarters, shiftQuarter } from "@/lib/quarters";
import { listIncidentCauses } from "@/lib/queries/incidents";
import { listTeams } from "@/lib/queries/teams";
import { listActiveUsers } from "@/lib/queries/users";
import { loadRetrospective } from "@/lib/retrospective/load";
import { retrospectiveQuerySchema } from "@/lib/validations/retrospective";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retrospective"))("title") };
}

const SCOPE = ["quarter", "team"] as const;

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : `${value}%`;

export default async function RetrospectivePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("readOrganisation");
  const query = retrospectiveQuerySchema.parse(await searchParams);
  const [t, format, locale, teams, causes, owners] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale(),
    listTeams(),
    listIncidentCauses(),
    listActiveUsers(),
  ]);
  const team = query.team ? teams.find((candidate) => candidate.slug === query.team) : undefined;
  const retro = await loadRetrospective({ quarter: query.quarter, team });
  const quarters = recentQuarters(todayIn(env.TENKEN_TIME_ZONE), 8, retro.startMonth).reverse();
  const scope = team?.name ?? t("trends.organisation");
  // What the form shows, written as it writes it: the links' scope until something else is chosen.
  const shown = new URLSearchParams({
    ...(query.quarter ? { quarter: query.quarter } : {}),
    ...(team ? { team: team.slug } : {}),
  }).toString();
  const isReviewer = can.reviewAnswers(user);
  // What this person may add here: incidents on services of their teams, action items for their teams.
  const ownServices = retro.services.filter(
    (service) => isReviewer || can.answerItems(user, { teamId: service.team.id }),
  );
  const actionTeams = (team ? [team] : teams).filter((candidate) =>
    can.manageActionItem(user, { teamId: candidate.id }),
  );
  const items = new Map(
    retro.checklist
      .flatMap((category) => category.items)
      .map((item) => [item.key, locale === "ja" ? item.textJa : item.textEn]),
  );
  const quarterLabel = quarterName(t, retro.quarter);
  const previousLabel = quarterName(t, retro.previousQuarter);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("retrospective.heading", { quarter: quarterName(t, retro.quarter), scope })}
        intro={
          <>
            {t("retrospective.period", { start: retro.quarter.start, end: retro.lastDay })}{" "}
            {retro.open && t("retrospective.openNote")}
          </>
        }
      />
      <FilterForm
        initialQuery={shown}
        applyLabel={t("trends.show")}
        pendingLabel={t("retrospective.updating")}
        className={`${cardClass} grid gap-4 sm:grid-cols-2`}
        role="search"
        aria-label={t("retrospective.choose")}
      >
        <FilterSelect
          name="quarter"
          label={t("retrospective.quarter")}
          anyLabel={t("retrospective.currentQuarter")}
          value={query.quarter}
          options={quarters.map((quarter) => ({
            value: quarterParam(quarter),
            label: quarterName(t, quarter),
          }))}
        />
        <FilterSelect
          name="team"
          label={t("trends.team")}
          anyLabel={t("trends.wholeOrganisation")}
          value={query.team}
          options={teams.map((candidate) => ({ value: candidate.slug, label: candidate.name }))}
        />
        {/* Inside the form: they take the quarter and team chosen, even before the page has caught up. */}
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <ScopeLink href="/retrospectives/present" keep={SCOPE} className={buttonPrimary}>
            {t("retrospective.present")}
          </ScopeLink>
          <ScopeLink href="/api/retrospectives/minutes" keep={SCOPE} className={buttonSecondary} download>
            {t("retrospective.downloadMinutes")}
          </ScopeLink>
          <ScopeLink href="/api/retrospectives/scores" keep={SCOPE} className={buttonSecondary} download>
            {t("retrospective.downloadScores")}
          </ScopeLink>
        </div>
      </FilterForm>

      <section aria-labelledby="retro-scores" className={cardClass}>
        <h2 id="retro-scores" className="text-lg font-semibold">
          {t("retrospective.scoresTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {t("retrospective.scoreLine", {
            score: percent(retro.score?.overall?.average),
            verified: percent(retro.score?.verified?.average),
            previous: percent(retro.previousScore?.overall?.average),
          })}
        </p>
        <p className="mt-1 text-xs text-slate-600">
          {retro.score?.closed
            ? t("trends.closedMark")
            : retro.open
              ? t("trends.openMark")
              : t("trends.notClosedMark")}{" "}
          ·{" "}
          <Link
            href={{ pathname: "/trends", query: team ? { team: team.slug } : {} }}
            className="text-blue-700 underline"
          >
            {t("retrospective.seeTrend")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="retro-incidents" className={`${cardClass} space-y-4`}>
        <h2 id="retro-incidents" className="text-lg font-semibold">
          {t("retrospective.incidentsTitle", { count: retro.incidents.length })}
        </h2>
        <IncidentTable
          incidents={retro.incidents}
          canEdit={(incident) =>
            can.changeIncident(user, { teamIds: incident.services.map((entry) => entry.service.teamId) })
          }
        />
        <div>
          <h3 className="mb-1 font-semibold">{t("retrospective.byCauseTitle")}</h3>
          <CauseCounts rows={retro.incidentsByCause} quarter={quarterLabel} previous={previousLabel} />
        </div>
        {ownServices.length > 0 && (
          <details className="rounded border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-blue-800">
              {t("retrospective.recordIncidentTitle")}
            </summary>
            <div className="mt-3 max-w-xl">
              <IncidentForm
                causes={causes}
                services={ownServices}
                today={retro.open ? retro.today : retro.lastDay}
              />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="retro-actions" className={`${cardClass} space-y-4`}>
        <h2 id="retro-actions" className="text-lg font-semibold">
          {t("retrospective.actionsTitle", { count: retro.actionItems.length })}
        </h2>
        <ActionItemTable
          actions={retro.actionItems}
          today={retro.today}
          canEdit={(action) => can.manageActionItem(user, { teamId: action.team.id })}
          raisedIn={(action) => quarterName(t, quarterOf(dayOf(action.raisedForStartsOn), retro.startMonth))}
          itemText={(key) => items.get(key) ?? key}
        />
        {actionTeams.length > 0 && (
          <details className="rounded border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-blue-800">
              {t("retrospective.addActionTitle")}
            </summary>
            <div className="mt-3 max-w-xl">
              <ActionItemForm
                teams={actionTeams}
                owners={owners}
                defaultOwnerId={user.id}
                services={team ? retro.services : ownServices}
                checklist={retro.checklist}
                quarter={quarterParam(retro.quarter)}
                defaultDueOn={addDays(shiftQuarter(retro.quarter, 1, retro.startMonth).end, -1)}
              />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="retro-notes" className={`${cardClass} space-y-3`}>
        <h2 id="retro-notes" className="text-lg font-semibold">
          {t("retrospective.notesTitle")}
        </h2>
        {retro.notes?.body.trim() ? (
          <Markdown source={retro.notes.body} />
        ) : (
          <p className="text-sm text-slate-600">{t("retrospective.notesEmpty")}</p>
        )}
        {retro.notes && (
          <p className="text-xs text-slate-600">
            {t("retrospective.notesLastSaved", {
              name: retro.notes.updatedBy.name,
              date: format.dateTime(retro.notes.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
        )}
        {can.writeRetrospectiveNotes(user, { teamId: team?.id ?? null }) && (
          <RetrospectiveNotesForm
            quarter={quarterParam(retro.quarter)}
            team={team?.slug}
            body={retro.notes?.body ?? ""}
            version={retro.notes?.version ?? 0}
          />
        )}
      </section>

      {(
        [
          [
            "newly-met",
            t("retrospective.newlyMet", { count: retro.changes.newlyMet.length }),
            retro.changes.newlyMet,
            "status",
          ],
          [
            "regressed",
            t("retrospective.regressed", { count: retro.changes.regressed.length }),
            retro.changes.regressed,
            "status",
          ],
          [
            "na",
            t("retrospective.naChanges", { count: retro.changes.naChanges.length }),
            retro.changes.naChanges,
            "na",
          ],
        ] as const
      ).map(([id, title, changes, kind]) => (
        <section key={id} aria-labelledby={`retro-${id}`} className={cardClass}>
          <h2 id={`retro-${id}`} className="mb-2 text-lg font-semibold">
            {title}
          </h2>
          <ChangeList changes={[...changes]} kind={kind} />
        </section>
      ))}
      <section aria-labelledby="retro-stale" className={cardClass}>
        <h2 id="retro-stale" className="mb-2 text-lg font-semibold">
          {t("retrospective.staleTitle", { count: retro.staleEvidence.length })}
        </h2>
        <p className="mb-2 text-sm text-slate-600">{t("retrospective.staleIntro")}</p>
        <StaleEvidenceList stretches={retro.staleEvidence} />
      </section>
    </div>
  );
}
