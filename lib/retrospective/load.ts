import { addDays, dayOf, startOfDayIn, todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { parseQuarterParam, quarterEndInstant, shiftQuarter, type Quarter } from "@/lib/quarters";
import { listActionItemsFor } from "@/lib/queries/action-items";
import { getChecklist } from "@/lib/queries/checklist";
import { listIncidentCauses, listIncidents, type IncidentRow } from "@/lib/queries/incidents";
import { listChangeEventsBetween, listEvidenceStaleDuring } from "@/lib/queries/retrospective";
import { getRetrospectiveNotes } from "@/lib/queries/retrospective-notes";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { listOverviewServices } from "@/lib/read-models/packed-answers";
import { listQuarterCloses, listQuarterSnapshots } from "@/lib/read-models/quarter-snapshots";
import { scoreEach } from "@/lib/read-models/rollups";
import { loadAnswersAt } from "@/lib/read-models/score-cache";
import { loadTrend } from "@/lib/read-models/trends";
import { classifyChanges } from "@/lib/retrospective/changes";
import { scoredItems } from "@/lib/scoring";

/**
 * A quarter's retrospective for a team or the whole organisation: what changed (items newly met,
 * regressions, N/A declarations and decisions, with who and when; evidence that was stale at any
 * time in the quarter, with when it went stale and when it was renewed), and the
 * scores at the quarter's start and end per service.
 */
export async function loadRetrospective(
  { quarter: param, team }: { quarter?: string; team?: { id: string; slug: string } },
  now = new Date(),
) {
  const today = todayIn(env.TENKEN_TIME_ZONE, now);
  const startMonth = await getFiscalStartMonth();
  const quarter = parseQuarterParam(param, startMonth, today);
  const from = startOfDayIn(quarter.start, env.TENKEN_TIME_ZONE);
  const to = quarter.end <= today ? quarterEndInstant(quarter, env.TENKEN_TIME_ZONE) : now;
  const services = (await listOverviewServices({ teamSlug: team?.slug })).filter(
    (service) => service.createdAt < to,
  );
  const serviceIds = team ? services.map((service) => service.id) : undefined;

  const previousQuarter = shiftQuarter(quarter, -1, startMonth);
  const [atStart, events, staleEvidence, trend, incidents, causes, actionItems, notes] = await Promise.all([
    loadAnswersAt(from),
    listChangeEventsBetween({ from, to, serviceIds }),
    listEvidenceStaleDuring({
      fromDay: quarter.start,
      toDay: quarter.end <= today ? quarter.end : addDays(today, 1),
      staleDays: env.TENKEN_EVIDENCE_STALE_DAYS,
      timeZone: env.TENKEN_TIME_ZONE,
      serviceIds,
    }),
    // Only this quarter and the one before: each point costs a recomputation.
    loadTrend(team ? { teamId: team.id } : {}, now, () => [previousQuarter, quarter]),
    listIncidents({ from: previousQuarter.start, to: quarter.end, serviceIds }),
    listIncidentCauses({ includeRetired: true }),
    listActionItemsFor({ quarter, from, teamId: team?.id }),
    getRetrospectiveNotes({ teamId: team?.id ?? null }, quarter),
  ]);
  const quarterIncidents = incidents.filter((incident) => dayOf(incident.occurredOn) >= quarter.start);
  const changes = classifyChanges(
    (serviceId, itemId) => atStart.get(serviceId)?.get(itemId)?.status ?? null,
    events.map((event) => ({
      ...event,
      serviceId: event.service_id,
      itemId: event.item_id,
      fromStatus: event.from_status,
      toStatus: event.to_status,
      actorName: event.actor_name,
      createdAt: event.created_at,
    })),
  );
  const point = trend.points.find((candidate) => candidate.quarter.start === quarter.start);
  const serviceScores = await scoreServicesAt(
    services,
    to === now ? null : to,
    quarter,
    point?.closed ?? false,
    today,
  );
  const previous =
    trend.points[trend.points.findIndex((candidate) => candidate.quarter.start === quarter.start) - 1];
  return {
    quarter,
    previousQuarter,
    today,
    open: quarter.end > today,
    incidents: quarterIncidents,
    incidentsByCause: countByCause(
      causes,
      quarterIncidents,
      incidents.filter((incident) => dayOf(incident.occurredOn) < quarter.start),
    ),
    actionItems,
    notes,
    services,
    changes,
    staleEvidence,
    serviceScores,
    checklist: trend.checklist,
    score: point ?? null,
    previousScore: previous ?? null,
    startMonth,
    lastDay: dayOf(new Date(to.getTime() - 1)),
  };
}

/**
 * The quarter's incidents counted by cause, next to the previous quarter's: every cause still
 * offered, and retired ones only where they were used.
 */
export function countByCause(
  causes: readonly { id: string; key: string; nameEn: string; nameJa: string; retiredAt: Date | null }[],
  current: readonly IncidentRow[],
  previous: readonly IncidentRow[],
) {
  const count = (incidents: readonly IncidentRow[], causeId: string) =>
    incidents.filter((incident) => incident.cause.id === causeId).length;
  return causes
    .map((cause) => ({ cause, count: count(current, cause.id), previous: count(previous, cause.id) }))
    .filter((row) => !row.cause.retiredAt || row.count > 0 || row.previous > 0)
    .map((row) => ({ ...row, delta: row.count - row.previous }));
}

type ScopeService = Awaited<ReturnType<typeof listOverviewServices>>[number];

/**
 * Each service's scores at the end of the quarter (`at`; null while it is still open: now): frozen
 * ones for a closed quarter, recomputed otherwise.
 */
async function scoreServicesAt(
  services: ScopeService[],
  at: Date | null,
  quarter: Quarter,
  closed: boolean,
  today: string,
) {
  if (closed) {
    const close = (await listQuarterCloses()).find(
      (candidate) => dayOf(candidate.startsOn) === quarter.start && dayOf(candidate.endsOn) === quarter.end,
    );
    const snapshots = close ? await listQuarterSnapshots({ closeIds: [close.id] }) : [];
    const inScope = new Set(services.map((service) => service.id));
    return snapshots
      .filter((snapshot) => inScope.has(snapshot.serviceId))
      .map((snapshot) => ({
        serviceId: snapshot.serviceId,
        service: snapshot.serviceName,
        team: snapshot.teamName,
        tier: snapshot.tier,
        percent: snapshot.percent,
        verifiedPercent: snapshot.verifiedPercent,
        categories: Object.fromEntries(
          Object.entries(snapshot.categories as Record<string, { percent: number | null }>).map(
            ([key, value]) => [key, value.percent],
          ),
        ),
      }));
  }
  const [checklist, answers] = await Promise.all([
    getChecklist(at ? { at } : {}),
    at ? loadAnswersAt(at) : null,
  ]);
  const day = at ? dayOf(new Date(at.getTime() - 1)) : today;
  return scoreEach(
    services.map((service) => ({
      ...service,
      answers: answers ? (answers.get(service.id) ?? new Map()) : service.answers,
    })),
    scoredItems(checklist),
    day,
  ).map((service) => ({
    serviceId: service.id,
    service: service.name,
    team: service.team.name,
    tier: service.tier,
    percent: service.overall.percent,
    verifiedPercent: service.overall.verifiedPercent,
    categories: Object.fromEntries(
      Object.entries(service.categories).map(([key, summary]) => [key, summary.percent]),
    ),
  }));
}

export type Retrospective = Awaited<ReturnType<typeof loadRetrospective>>;
