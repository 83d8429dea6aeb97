import { referencedKeys, type AuditNames } from "@/lib/audit-sentences";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_PAGE_SIZE = 100;

// Answer changes and review steps come from answer_events as "answer.<action>".
export const ANSWER_EVENT_KINDS = {
  SAVED: "answer.saved",
  VERIFIED: "answer.verified",
  CHANGES_REQUESTED: "answer.changes_requested",
  NA_APPROVED: "answer.na_approved",
  NA_REJECTED: "answer.na_rejected",
  LAPSED: "answer.lapsed",
} as const;
type AnswerEventKind = (typeof ANSWER_EVENT_KINDS)[keyof typeof ANSWER_EVENT_KINDS];

// Every kind the log can hold.
export const AUDIT_KINDS = [
  "service.created",
  "service.updated",
  ...Object.values(ANSWER_EVENT_KINDS),
  "evidence.added",
  "evidence.updated",
  "evidence.removed",
  "evidence.renewed",
  "comment.added",
  "settings.updated",
  "quarter.closed",
  "quarter.reopened",
  "checklist.published",
  "incident.recorded",
  "incident.updated",
  "incident.deleted",
  "incident_cause.created",
  "incident_cause.updated",
  "action_item.created",
  "action_item.updated",
  "retrospective_notes.saved",
  "team.created",
  "team.updated",
  "membership.added",
  "membership.removed",
  "user.created",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

type AuditRecord = {
  kind: Exclude<AuditKind, AnswerEventKind>;
  entityType: string;
  entityId: string;
  serviceId?: string;
  teamId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Records a change; call it inside the transaction that makes the change. */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  actor: { id: string },
  record: AuditRecord,
  at = new Date(),
) {
  await tx.auditEvent.create({ data: { ...record, actorId: actor.id, createdAt: at } });
}

export type AuditFilter = {
  actorId?: string;
  serviceId?: string;
  teamId?: string;
  kind?: AuditKind;
  from?: Date;
  to?: Date;
  take?: number;
};

export type AuditEntry = {
  id: string;
  kind: AuditKind;
  createdAt: Date;
  actorName: string;
  serviceSlug: string | null;
  serviceName: string | null;
  before: unknown;
  after: unknown;
};

/**
 * The audit log, newest first: audit_events and answer_events read as one list, so that answer
 * history is not stored twice. Filters apply to both.
 */
export async function listAuditLog({
  actorId,
  serviceId,
  teamId,
  kind,
  from,
  to,
  take = AUDIT_PAGE_SIZE,
}: AuditFilter = {}): Promise<AuditEntry[]> {
  const conditions = (table: "a" | "e") => {
    const parts: Prisma.Sql[] = [];
    if (actorId) parts.push(Prisma.sql`${Prisma.raw(table)}.actor_id = ${actorId}::uuid`);
    if (serviceId) parts.push(Prisma.sql`${Prisma.raw(table)}.service_id = ${serviceId}::uuid`);
    if (from) parts.push(Prisma.sql`${Prisma.raw(table)}.created_at >= ${from}`);
    if (to) parts.push(Prisma.sql`${Prisma.raw(table)}.created_at < ${to}`);
    return parts;
  };
  const where = (parts: Prisma.Sql[]) =>
    parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;

  const auditParts = conditions("a");
  if (teamId) auditParts.push(Prisma.sql`(a.team_id = ${teamId}::uuid OR s.team_id = ${teamId}::uuid)`);
  if (kind) auditParts.push(Prisma.sql`a.kind = ${kind}`);
  const answerParts = conditions("e");
  if (teamId) answerParts.push(Prisma.sql`s.team_id = ${teamId}::uuid`);

  const answerKind = Object.entries(ANSWER_EVENT_KINDS).find(([, value]) => value === kind)?.[0];
  if (answerKind) answerParts.push(Prisma.sql`e.action = ${answerKind}::answer_event_action`);
  const selects: Prisma.Sql[] = [];
  if (!answerKind) {
    selects.push(Prisma.sql`
      SELECT 'a' || a.id AS id, a.kind, a.created_at, a.actor_id, a.service_id, a.before, a.after
      FROM audit_events a LEFT JOIN services s ON s.id = a.service_id ${where(auditParts)}`);
  }
  if (!kind || answerKind) {
    selects.push(Prisma.sql`
      SELECT 'e' || e.id, 'answer.' || lower(e.action::text), e.created_at, e.actor_id, e.service_id,
        CASE WHEN e.from_status IS NULL OR e.action <> 'SAVED' THEN NULL ELSE jsonb_build_object('status', e.from_status) END,
        jsonb_strip_nulls(jsonb_build_object('item', i.key, 'status', e.to_status, 'note', e.note, 'review', e.review, 'naState', e.na_state, 'naExpiresOn', e.na_expires_on))
      FROM answer_events e JOIN services s ON s.id = e.service_id JOIN checklist_items i ON i.id = e.item_id ${where(answerParts)}`);
  }
  const rows = await getDb().$queryRaw<
    {
      id: string;
      kind: AuditKind;
      created_at: Date;
      actor_name: string;
      service_slug: string | null;
      service_name: string | null;
      before: unknown;
      after: unknown;
    }[]
  >`
    SELECT log.id, log.kind, log.created_at, u.name AS actor_name, s.slug AS service_slug, s.name AS service_name, log.before, log.after
    FROM (${Prisma.join(selects, " UNION ALL ")}) AS log (id, kind, created_at, actor_id, service_id, before, after)
    JOIN users u ON u.id = log.actor_id
    LEFT JOIN services s ON s.id = log.service_id
    ORDER BY log.created_at DESC, log.id DESC
    LIMIT ${take}`;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    createdAt: row.created_at,
    actorName: row.actor_name,
    serviceSlug: row.service_slug,
    serviceName: row.service_name,
    before: row.before,
    after: row.after,
  }));
}

export async function listAuditActors() {
  return getDb().user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** The names of the items, traits, causes, services and teams that entries refer to by key. */
export async function getAuditNames(entries: AuditEntry[]): Promise<AuditNames> {
  const keys = referencedKeys(entries);
  const db = getDb();
  const [items, traits, causes, services, teams] = await Promise.all([
    keys.items.length
      ? db.checklistItem.findMany({
          where: { key: { in: keys.items } },
          select: {
            key: true,
            versions: { orderBy: { version: "desc" }, take: 1, select: { textJa: true, textEn: true } },
          },
        })
      : [],
    keys.traits.length
      ? db.trait.findMany({
          where: { key: { in: keys.traits } },
          select: { key: true, nameJa: true, nameEn: true },
        })
      : [],
    keys.causes.length
      ? db.incidentCause.findMany({
          where: { key: { in: keys.causes } },
          select: { key: true, nameJa: true, nameEn: true },
        })
      : [],
    keys.services.length
      ? db.service.findMany({ where: { slug: { in: keys.services } }, select: { slug: true, name: true } })
      : [],
    keys.teams.length
      ? db.team.findMany({ where: { slug: { in: keys.teams } }, select: { slug: true, name: true } })
      : [],
  ]);
  const bilingual = (rows: { key: string; nameJa: string; nameEn: string }[]) =>
    Object.fromEntries(rows.map((row) => [row.key, { ja: row.nameJa, en: row.nameEn }]));
  return {
    items: Object.fromEntries(
      items.flatMap((item) =>
        item.versions[0] ? [[item.key, { ja: item.versions[0].textJa, en: item.versions[0].textEn }]] : [],
      ),
    ),
    traits: bilingual(traits),
    causes: bilingual(causes),
    services: Object.fromEntries(services.map((service) => [service.slug, service.name])),
    teams: Object.fromEntries(teams.map((team) => [team.slug, team.name])),
  };
}
