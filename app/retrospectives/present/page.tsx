import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { CauseCounts } from "@/components/retrospective/incident-table";
import { PresenterKeys } from "@/components/retrospective/presenter-keys";
import { ScoreBadge } from "@/components/ui/score-badge";
import { buttonPrimary, buttonSecondary, cardClass } from "@/components/ui/styles";
import { isOverdue } from "@/lib/action-items";
import { requirePermission } from "@/lib/auth/session";
import { dayOf } from "@/lib/dates";
import { quarterName, quarterParam } from "@/lib/quarters";
import { listTeams } from "@/lib/queries/teams";
import { loadRetrospective } from "@/lib/retrospective/load";
import { evidenceName, naChangeText, staleStretchText } from "@/lib/retrospective/wording";
import { presenterQuerySchema } from "@/lib/validations/retrospective";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retrospective"))("present") };
}

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : `${value}%`;

/**
 * The retrospective on a shared screen: a summary, then one service per step with what changed,
 * its incidents and its action items. Steps are addresses, so the back button and links work.
 */
export default async function PresenterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("readOrganisation");
  const query = presenterQuerySchema.parse(await searchParams);
  const [t, locale, teams] = await Promise.all([getTranslations(), getLocale(), listTeams()]);
  const team = query.team ? teams.find((candidate) => candidate.slug === query.team) : undefined;
  const retro = await loadRetrospective({ quarter: query.quarter, team });
  const services = [...retro.services].sort(
    (a, b) => a.team.name.localeCompare(b.team.name) || a.name.localeCompare(b.name),
  );
  const step = Math.min(query.step, services.length);
  const base = { quarter: quarterParam(retro.quarter), ...(team ? { team: team.slug } : {}) };
  const stepHref = (index: number) =>
    `/retrospectives/present?${new URLSearchParams({ ...base, step: String(index) })}`;
  const exit = `/retrospectives?${new URLSearchParams(base)}`;
  const previous = step > 0 ? stepHref(step - 1) : undefined;
  const next = step < services.length ? stepHref(step + 1) : undefined;
  const scope = team?.name ?? t("trends.organisation");
  const itemText = new Map(
    retro.checklist
      .flatMap((category) => category.items)
      .map((item) => [item.key, locale === "ja" ? item.textJa : item.textEn]),
  );
  const service = step > 0 ? services[step - 1] : undefined;

  return (
    <div className="space-y-6 text-lg">
      <PresenterKeys previous={previous} next={next} exit={exit} />
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            {t("retrospective.presenterTitle", { quarter: quarterName(t, retro.quarter), scope })}
          </p>
          <p className="text-sm text-slate-600" aria-live="polite">
            {step === 0
              ? t("retrospective.summaryStep")
              : t("retrospective.step", { index: step, count: services.length })}
          </p>
        </div>
        <nav aria-label={t("retrospective.present")} className="flex gap-2">
          {previous ? (
            <Link href={previous} className={buttonSecondary} rel="prev">
              {t("retrospective.previous")}
            </Link>
          ) : (
            <span className={`${buttonSecondary} opacity-50`} aria-disabled="true">
              {t("retrospective.previous")}
            </span>
          )}
          {next ? (
            <Link href={next} className={buttonPrimary} rel="next">
              {t("retrospective.next")}
            </Link>
          ) : (
            <span className={`${buttonPrimary} opacity-50`} aria-disabled="true">
              {t("retrospective.next")}
            </span>
          )}
          <Link href={exit} className={buttonSecondary}>
            {t("retrospective.exit")}
          </Link>
        </nav>
      </header>
      <p className="text-xs text-slate-600">{t("retrospective.presenterHint")}</p>

      {service ? (
        <ServiceStep retro={retro} service={service} itemText={(key) => itemText.get(key) ?? key} />
      ) : (
        <section className={`${cardClass} space-y-5`} aria-labelledby="presenter-summary">
          <h1 id="presenter-summary" className="text-3xl font-bold">
            {t("retrospective.heading", { quarter: quarterName(t, retro.quarter), scope })}
          </h1>
          <p>
            {t("retrospective.scoreLine", {
              score: percent(retro.score?.overall?.average),
              verified: percent(retro.score?.verified?.average),
              previous: percent(retro.previousScore?.overall?.average),
            })}
          </p>
          <p>
            {t("retrospective.openActions", {
              count: retro.actionItems.filter(
                (action) => action.status === "OPEN" || action.status === "IN_PROGRESS",
              ).length,
            })}{" "}
            ·{" "}
            {t("retrospective.overdueActions", {
              count: retro.actionItems.filter((action) => isOverdue(action, retro.today)).length,
            })}
          </p>
          <div>
            <h2 className="mb-1 text-xl font-semibold">
              {t("retrospective.incidentsTitle", { count: retro.incidents.length })}
            </h2>
            <CauseCounts
              rows={retro.incidentsByCause.filter((row) => row.count > 0 || row.previous > 0)}
              quarter={quarterName(t, retro.quarter)}
              previous={quarterName(t, retro.previousQuarter)}
            />
          </div>
          {services.length === 0 ? (
            <p className="text-slate-600">{t("retrospective.noServices")}</p>
          ) : (
            <ol className="grid list-decimal gap-1 pl-6 text-base sm:grid-cols-2">
              {services.map((candidate, index) => (
                <li key={candidate.id}>
                  <Link href={stepHref(index + 1)} className="text-blue-700 underline">
                    {candidate.name}
                  </Link>{" "}
                  <span className="text-sm text-slate-600">({candidate.team.name})</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}

type Retro = Awaited<ReturnType<typeof loadRetrospective>>;

async function ServiceStep({
  retro,
  service,
  itemText,
}: {
  retro: Retro;
  service: Retro["services"][number];
  itemText: (key: string) => string;
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  const score = retro.serviceScores.find((row) => row.serviceId === service.id);
  const mine = <T extends { event: { service_id: string } }>(changes: readonly T[]) =>
    changes.filter((change) => change.event.service_id === service.id);
  const changes = [...mine(retro.changes.newlyMet), ...mine(retro.changes.regressed)];
  const naChanges = mine(retro.changes.naChanges);
  const stale = retro.staleEvidence.filter((evidence) => evidence.service_slug === service.slug);
  const incidents = retro.incidents.filter((incident) =>
    incident.services.some((entry) => entry.service.id === service.id),
  );
  const actions = retro.actionItems.filter((action) => action.service?.id === service.id);
  return (
    <section className={`${cardClass} space-y-5`} aria-labelledby="presenter-service">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 id="presenter-service" className="text-3xl font-bold">
          <Link href={`/services/${service.slug}`} className="hover:underline">
            {service.name}
          </Link>{" "}
          <span className="text-xl font-normal text-slate-600">{service.team.name}</span>
        </h1>
        <ScoreBadge percent={score?.percent ?? null} size="lg" />
      </div>
      <p>
        {t(retro.open ? "retrospective.serviceScoreNow" : "retrospective.serviceScore", {
          score: percent(score?.percent),
          verified: percent(score?.verifiedPercent),
        })}
      </p>
      {score && (
        <ul className="grid gap-x-10 gap-y-1 text-base sm:grid-cols-2">
          {retro.checklist.map((category) => (
            <li key={category.key} className="flex justify-between gap-3 border-b border-slate-100 py-0.5">
              <span>{locale === "ja" ? category.titleJa : category.titleEn}</span>
              <span className="tabular-nums">{percent(score.categories[category.key])}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="grid gap-6 md:grid-cols-3">
        <div>
          <h2 className="mb-1 text-xl font-semibold">{t("retrospective.serviceChanges")}</h2>
          {changes.length + naChanges.length + stale.length === 0 ? (
            <p className="text-base text-slate-600">{t("retrospective.none")}</p>
          ) : (
            <ul className="space-y-1 text-base">
              {changes.map(({ event, before, after }) => (
                <li key={`${event.item_id}-${event.createdAt.getTime()}`}>
                  {itemText(event.item_key)}: {before ? t(`status.${before}`) : t("status.unanswered")} →{" "}
                  <strong>{t(`status.${after}`)}</strong>
                </li>
              ))}
              {naChanges.map((change) => (
                <li key={`na-${change.event.item_id}-${change.event.createdAt.getTime()}`}>
                  {itemText(change.event.item_key)}: {naChangeText(t, change)} ({change.event.actorName})
                </li>
              ))}
              {stale.map((stretch) => (
                <li key={`stale-${stretch.item_key}-${stretch.stale_from}-${stretch.title}`}>
                  {itemText(stretch.item_key)} ({evidenceName(t, stretch)}:{" "}
                  {staleStretchText(t, stretch, (day) => day)})
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2 className="mb-1 text-xl font-semibold">{t("retrospective.serviceIncidents")}</h2>
          {incidents.length === 0 ? (
            <p className="text-base text-slate-600">{t("retrospective.none")}</p>
          ) : (
            <ul className="space-y-1 text-base">
              {incidents.map((incident) => (
                <li key={incident.id}>
                  <time dateTime={dayOf(incident.occurredOn)}>{dayOf(incident.occurredOn)}</time> ·{" "}
                  {t(`retrospective.severities.${incident.severity}`)} ·{" "}
                  {locale === "ja" ? incident.cause.nameJa : incident.cause.nameEn}: {incident.summary}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2 className="mb-1 text-xl font-semibold">{t("retrospective.serviceActions")}</h2>
          {actions.length === 0 ? (
            <p className="text-base text-slate-600">{t("retrospective.none")}</p>
          ) : (
            <ul className="space-y-1 text-base">
              {actions.map((action) => (
                <li key={action.id}>
                  {action.title} · {action.owner.name} · {dayOf(action.dueOn)} ·{" "}
                  {t(`retrospective.statuses.${action.status}`)}
                  {isOverdue(action, retro.today) && (
                    <strong className="ml-1 text-red-800">({t("retrospective.overdue")})</strong>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
