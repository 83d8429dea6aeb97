import { dateOfDay, dayOf, type Day } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { fail } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Principal } from "@/lib/permissions";
import { recordAudit } from "@/lib/queries/audit";
import { claimRevision, type Unchecked } from "@/lib/queries/revisions";
import type {
  CauseNames,
  IncidentDelete,
  IncidentEdit,
  IncidentInput,
} from "@/lib/validations/retrospective";

// ---- The cause list ------------------------------------------------------------------------

/** The causes in their order; retired ones only when asked (history and the settings page). */
export async function listIncidentCauses({ includeRetired = false } = {}) {
  return getDb().incidentCause.findMany({
    where: includeRetired ? {} : { retiredAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, key: true, nameEn: true, nameJa: true, position: true, retiredAt: true },
  });
}

const causeSnapshot = (cause: {
  key: string;
  nameEn: string;
  nameJa: string;
  position: number;
  retiredAt: Date | null;
}) => ({
  key: cause.key,
  nameEn: cause.nameEn,
  nameJa: cause.nameJa,
  position: cause.position,
  retired: cause.retiredAt !== null,
});
const causeFields = { key: true, nameEn: true, nameJa: true, position: true, retiredAt: true } as const;

// Keys are derived from the English name and never change, so exports stay stable across renames.
function causeKey(nameEn: string) {
  return (
    nameEn
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50) || "cause"
  );
}

async function nameTaken(tx: Prisma.TransactionClient, names: CauseNames, exceptId?: string) {
  const clash = await tx.incidentCause.findFirst({
    where: {
      id: exceptId ? { not: exceptId } : undefined,
      OR: [{ nameEn: { equals: names.nameEn, mode: "insensitive" } }, { nameJa: names.nameJa }],
    },
    select: { nameEn: true },
  });
  if (!clash) return null;
  return clash.nameEn.toLowerCase() === names.nameEn.toLowerCase() ? "nameEn" : "nameJa";
}

export async function createIncidentCause(
  names: CauseNames,
  actor: Principal | null,
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    authorize("manageSettings", actor);
    const taken = await nameTaken(tx, names);
    if (taken) throw fail.invalid("validation.cause.taken", { field: taken });
    let key = causeKey(names.nameEn);
    // A retired cause may hold the natural key already.
    for (
      let suffix = 2;
      await tx.incidentCause.findUnique({ where: { key }, select: { id: true } });
      suffix++
    )
      key = `${causeKey(names.nameEn)}-${suffix}`;
    const last = await tx.incidentCause.aggregate({ _max: { position: true } });
    const cause = await tx.incidentCause.create({
      data: { ...names, key, position: (last._max.position ?? 0) + 1 },
      select: { id: true, ...causeFields },
    });
    await recordAudit(tx, actor, {
      kind: "incident_cause.created",
      entityType: "incident_cause",
      entityId: cause.id,
      after: causeSnapshot(cause),
    });
    return { id: cause.id };
  });
}

type CauseChange = { names: CauseNames } | { retired: boolean } | { move: "up" | "down" };

/** Renames, retires, restores or moves a cause. Incidents keep pointing at it whatever happens. */
export async function changeIncidentCause(
  causeId: string,
  change: CauseChange,
  actor: Principal | null,
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    authorize("manageSettings", actor);
    const before = await tx.incidentCause.findUnique({ where: { id: causeId }, select: causeFields });
    if (!before) throw fail.notFound();
    if ("names" in change) {
      const taken = await nameTaken(tx, change.names, causeId);
      if (taken) throw fail.invalid("validation.cause.taken", { field: taken });
      await tx.incidentCause.update({ where: { id: causeId }, data: change.names });
    } else if ("retired" in change) {
      if (change.retired === (before.retiredAt !== null)) return { id: causeId };
      if (change.retired && (await tx.incidentCause.count({ where: { retiredAt: null } })) <= 1)
        throw fail.conflict("validation.cause.lastActive");
      await tx.incidentCause.update({
        where: { id: causeId },
        data: { retiredAt: change.retired ? new Date() : null },
      });
    } else {
      const ordered = await tx.incidentCause.findMany({
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true },
      });
      const index = ordered.findIndex((cause) => cause.id === causeId);
      const swapWith = index + (change.move === "up" ? -1 : 1);
      if (swapWith < 0 || swapWith >= ordered.length) return { id: causeId };
      [ordered[index], ordered[swapWith]] = [ordered[swapWith]!, ordered[index]!];
      // Renumbered whole, so positions stay distinct even after earlier concurrent edits.
      for (const [position, cause] of ordered.entries())
        await tx.incidentCause.update({ where: { id: cause.id }, data: { position: position + 1 } });
    }
    const after = await tx.incidentCause.findUniqueOrThrow({ where: { id: causeId }, select: causeFields });
    await recordAudit(tx, actor, {
      kind: "incident_cause.updated",
      entityType: "incident_cause",
      entityId: causeId,
      before: causeSnapshot(before),
      after: causeSnapshot(after),
    });
    return { id: causeId };
  });
}

// ---- Incidents ----------------------------------------------------------------------------

const incidentSelect = {
  id: true,
  occurredOn: true,
  severity: true,
  summary: true,
  createdAt: true,
  // What its edit and delete forms carry (lib/queries/revisions.ts).
  revision: true,
  cause: { select: { id: true, key: true, nameEn: true, nameJa: true, retiredAt: true } },
  recordedBy: { select: { name: true } },
  services: {
    orderBy: { service: { name: "asc" } },
    select: { service: { select: { id: true, slug: true, name: true, teamId: true } } },
  },
} as const satisfies Prisma.IncidentSelect;

export type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof incidentSelect }>;

/** Incidents that happened from `from` up to (not including) `to`, touching any of the services when given. */
export async function listIncidents({
  from,
  to,
  serviceIds,
}: {
  from: Day;
  to: Day;
  serviceIds?: readonly string[];
}) {
  return getDb().incident.findMany({
    where: {
      occurredOn: { gte: dateOfDay(from), lt: dateOfDay(to) },
      ...(serviceIds ? { services: { some: { serviceId: { in: [...serviceIds] } } } } : {}),
    },
    orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
    select: incidentSelect,
  });
}

export async function getIncident(incidentId: string) {
  return getDb().incident.findUnique({ where: { id: incidentId }, select: incidentSelect });
}

const incidentSnapshot = (incident: {
  occurredOn: Date;
  severity: string;
  summary: string;
  cause: { key: string };
  services: { service: { slug: string } }[];
}) => ({
  occurredOn: dayOf(incident.occurredOn),
  severity: incident.severity,
  summary: incident.summary,
  cause: incident.cause.key,
  services: incident.services.map((entry) => entry.service.slug),
});

/** The services an incident names; refused when one is unknown, the cause is unknown or the date is ahead. */
async function checkIncident(
  tx: Prisma.TransactionClient,
  input: IncidentInput,
  today: Day,
  { keepCauseId }: { keepCauseId?: string } = {},
) {
  if (input.occurredOn > today)
    throw fail.invalid("validation.incident.occurredOn.future", { field: "occurredOn" });
  const cause = await tx.incidentCause.findUnique({
    where: { id: input.causeId },
    select: { id: true, retiredAt: true },
  });
  // A retired cause stays valid on an incident that already has it.
  if (!cause || (cause.retiredAt && cause.id !== keepCauseId))
    throw fail.invalid("validation.incident.cause.required", { field: "causeId" });
  const serviceIds = [...new Set(input.serviceIds)];
  const services = await tx.service.findMany({
    where: { id: { in: serviceIds } },
    select: { id: true, teamId: true },
  });
  if (services.length !== serviceIds.length)
    throw fail.invalid("validation.incident.services.required", { field: "serviceIds" });
  return services;
}

export async function recordIncident(
  input: IncidentInput,
  actor: Principal | null,
  { today }: { today: Day },
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const services = await checkIncident(tx, input, today);
    authorize("recordIncident", actor, { teamIds: services.map((service) => service.teamId) });
    const incident = await tx.incident.create({
      data: {
        occurredOn: dateOfDay(input.occurredOn),
        severity: input.severity,
        summary: input.summary,
        causeId: input.causeId,
        recordedById: actor.id,
        services: { create: services.map((service) => ({ serviceId: service.id })) },
      },
      select: incidentSelect,
    });
    await recordAudit(tx, actor, {
      kind: "incident.recorded",
      entityType: "incident",
      entityId: incident.id,
      serviceId: onlyService(incident),
      after: incidentSnapshot(incident),
    });
    return { id: incident.id };
  });
}

// The audit log files an incident under its service when there is exactly one.
const onlyService = (incident: IncidentRow) =>
  incident.services.length === 1 ? incident.services[0]!.service.id : undefined;

export async function updateIncident(
  incidentId: string,
  { revision, ...input }: Unchecked<IncidentEdit>,
  actor: Principal | null,
  { today }: { today: Day },
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.incident.findUnique({ where: { id: incidentId }, select: incidentSelect });
    if (!before) throw fail.notFound();
    const services = await checkIncident(tx, input, today, { keepCauseId: before.cause.id });
    // Judged on the services it names before and after the change.
    authorize("changeIncident", actor, { teamIds: before.services.map((entry) => entry.service.teamId) });
    authorize("changeIncident", actor, { teamIds: services.map((service) => service.teamId) });
    await claimRevision(tx, "incident", incidentId, revision);
    await tx.incidentService.deleteMany({ where: { incidentId } });
    const after = await tx.incident.update({
      where: { id: incidentId },
      data: {
        occurredOn: dateOfDay(input.occurredOn),
        severity: input.severity,
        summary: input.summary,
        causeId: input.causeId,
        services: { create: services.map((service) => ({ serviceId: service.id })) },
      },
      select: incidentSelect,
    });
    await recordAudit(tx, actor, {
      kind: "incident.updated",
      entityType: "incident",
      entityId: incidentId,
      serviceId: onlyService(after),
      before: incidentSnapshot(before),
      after: incidentSnapshot(after),
    });
    return { id: incidentId };
  });
}

/** Deletes an incident, as it was at `revision` when its page was read: one changed since is kept. */
export async function deleteIncident(
  incidentId: string,
  actor: Principal | null,
  { revision }: Unchecked<Pick<IncidentDelete, "revision">> = {},
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.incident.findUnique({ where: { id: incidentId }, select: incidentSelect });
    if (!before) throw fail.notFound();
    authorize("changeIncident", actor, { teamIds: before.services.map((entry) => entry.service.teamId) });
    await claimRevision(tx, "incident", incidentId, revision);
    await tx.incident.delete({ where: { id: incidentId } });
    await recordAudit(tx, actor, {
      kind: "incident.deleted",
      entityType: "incident",
      entityId: incidentId,
      serviceId: onlyService(before),
      before: incidentSnapshot(before),
    });
    return { id: incidentId };
  });
}
