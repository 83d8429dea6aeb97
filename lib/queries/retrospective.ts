import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnswerEventAction, AnswerStatus, NaState } from "@/lib/generated/prisma/enums";

/**
 * The answer events between two instants that say what changed (lib/retrospective/changes.ts), oldest first, with
 * who made them and on what: each answer's last save, and every N/A declaration or decision. The
 * saves in between, and the other reviews, change nothing the retrospective shows.
 */
export async function listChangeEventsBetween({
  from,
  to,
  serviceIds,
}: {
  from: Date;
  to: Date;
  serviceIds?: string[];
}) {
  const inWindow = Prisma.sql`e.created_at >= ${from} AND e.created_at < ${to} ${serviceIds ? Prisma.sql`AND e.service_id = ANY(${serviceIds}::uuid[])` : Prisma.empty}`;
  return getDb().$queryRaw<
    {
      service_id: string;
      service_slug: string;
      service_name: string;
      item_id: string;
      item_key: string;
      text_en: string;
      text_ja: string;
      action: AnswerEventAction;
      from_status: AnswerStatus | null;
      to_status: AnswerStatus;
      na_state: NaState | null;
      actor_name: string;
      created_at: Date;
    }[]
  >`
    SELECT e.service_id::text, s.slug AS service_slug, s.name AS service_name, e.item_id::text, i.key AS item_key, v.text_en, v.text_ja,
      e.action::text AS action, e.from_status::text AS from_status, e.to_status::text AS to_status, e.na_state::text AS na_state, u.name AS actor_name, e.created_at
    FROM (
      (SELECT DISTINCT ON (e.service_id, e.item_id) e.* FROM answer_events e WHERE ${inWindow} AND e.action = 'SAVED' ORDER BY e.service_id, e.item_id, e.created_at DESC, e.id DESC)
      UNION
      (SELECT e.* FROM answer_events e WHERE ${inWindow}
        AND (e.action IN ('NA_APPROVED', 'NA_REJECTED')
          OR (e.action = 'SAVED' AND e.from_status IS DISTINCT FROM e.to_status AND 'NOT_APPLICABLE' IN (e.from_status, e.to_status))))
    ) e
    JOIN services s ON s.id = e.service_id
    JOIN checklist_items i ON i.id = e.item_id
    JOIN checklist_item_versions v ON v.id = e.item_version_id
    JOIN users u ON u.id = e.actor_id
    ORDER BY e.created_at, e.id`;
}

/**
 * Every stretch of days in which a piece of evidence was stale and that overlaps the days from
 * `fromDay` up to (not including) `toDay`, oldest first per service and item. Renewing ("still
 * valid") moves checked_on on and removing deletes the row, so the stretches that ended are read
 * from the audit log: a renewal's entry keeps the checked-on day before and after it, a removal's
 * the piece as it was. Each stretch runs from its stale day to the day it was renewed or removed;
 * one that has not ended is still stale.
 */
export async function listEvidenceStaleDuring({
  fromDay,
  toDay,
  staleDays,
  timeZone,
  serviceIds,
}: {
  fromDay: string;
  toDay: string;
  staleDays: number;
  timeZone: string;
  serviceIds?: string[];
}) {
  const inScope = (column: Prisma.Sql) =>
    serviceIds ? Prisma.sql`AND ${column} = ANY(${serviceIds}::uuid[])` : Prisma.empty;
  // An audit entry's day, as the people who made it saw it.
  const dayOfEntry = Prisma.sql`(ae.created_at AT TIME ZONE ${timeZone})::date`;
  return getDb().$queryRaw<
    {
      service_slug: string;
      service_name: string;
      item_key: string;
      text_en: string;
      text_ja: string;
      title: string;
      url: string | null;
      kind: string;
      stale_from: string;
      // Null while it is still stale.
      ended_on: string | null;
      ended_by: "RENEWED" | "REMOVED" | null;
      ended_by_name: string | null;
    }[]
  >`
    WITH stretches AS (
      -- Stale now: since its last check.
      SELECT a.service_id, a.item_id, ev.title, ev.url, ev.kind::text AS kind,
        ev.checked_on + ${staleDays}::int AS stale_from, NULL::date AS ended_on, NULL::text AS ended_by, NULL::text AS ended_by_name
      FROM evidence ev JOIN answers a ON a.id = ev.answer_id
      -- The window is moved onto checked_on itself, so that the index on it can find the rows.
      WHERE ev.checked_on < ${toDay}::date - ${staleDays}::int ${inScope(Prisma.sql`a.service_id`)}
      UNION ALL
      -- Stale until someone marked it still valid, or removed it.
      -- A renewed piece removed since is named by its removal's entry; a removal's entry names its own.
      SELECT ae.service_id, i.id, coalesce(ev.title, gone.before->>'title', ae.before->>'title', ''),
        coalesce(ev.url, gone.before->>'url', ae.before->>'url'), coalesce(ev.kind::text, gone.before->>'kind', ae.before->>'kind', ''), (ae.before->>'checkedOn')::date + ${staleDays}::int,
        CASE WHEN ae.kind = 'evidence.renewed' THEN (ae.after->>'checkedOn')::date ELSE ${dayOfEntry} END,
        CASE WHEN ae.kind = 'evidence.renewed' THEN 'RENEWED' ELSE 'REMOVED' END, u.name
      FROM audit_events ae
      JOIN checklist_items i ON i.key = coalesce(ae.before->>'item', ae.after->>'item')
      JOIN users u ON u.id = ae.actor_id
      LEFT JOIN evidence ev ON ae.kind = 'evidence.renewed' AND ev.id::text = ae.entity_id
      LEFT JOIN LATERAL (
        SELECT r.before FROM audit_events r WHERE ae.kind = 'evidence.renewed' AND r.kind = 'evidence.removed' AND r.entity_type = 'evidence' AND r.entity_id = ae.entity_id LIMIT 1
      ) gone ON true
      -- A stretch that ended on or after the first day ended no earlier than that day's start.
      WHERE ae.created_at >= ${fromDay}::date - 1 AND ae.entity_type = 'evidence' AND ae.kind IN ('evidence.renewed', 'evidence.removed')
        AND ae.before ? 'checkedOn' AND ae.service_id IS NOT NULL ${inScope(Prisma.sql`ae.service_id`)}
    )
    SELECT s.slug AS service_slug, s.name AS service_name, i.key AS item_key, v.text_en, v.text_ja, st.title, st.url, st.kind,
      st.stale_from::text AS stale_from, st.ended_on::text AS ended_on, st.ended_by, st.ended_by_name
    FROM stretches st
    JOIN services s ON s.id = st.service_id
    JOIN checklist_items i ON i.id = st.item_id
    JOIN LATERAL (SELECT text_en, text_ja FROM checklist_item_versions WHERE item_id = i.id ORDER BY version DESC LIMIT 1) v ON true
    WHERE st.stale_from < ${toDay}::date AND (st.ended_on IS NULL OR (st.ended_on > ${fromDay}::date AND st.ended_on > st.stale_from))
    ORDER BY s.name, i.key, st.stale_from, st.title`;
}
