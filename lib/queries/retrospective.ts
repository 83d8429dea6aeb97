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

/** Evidence that went stale between two days (its stale day falls in them) and was not renewed since. */
export async function listEvidenceGoneStale({
  fromDay,
  toDay,
  staleDays,
  serviceIds,
}: {
  fromDay: string;
  toDay: string;
  staleDays: number;
  serviceIds?: string[];
}) {
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
      checked_on: string;
    }[]
  >`
    SELECT s.slug AS service_slug, s.name AS service_name, i.key AS item_key, v.text_en, v.text_ja, ev.title, ev.url, ev.kind::text AS kind, ev.checked_on::text AS checked_on
    FROM evidence ev
    JOIN answers a ON a.id = ev.answer_id
    JOIN services s ON s.id = a.service_id
    JOIN checklist_items i ON i.id = a.item_id
    JOIN LATERAL (SELECT text_en, text_ja FROM checklist_item_versions WHERE item_id = i.id ORDER BY version DESC LIMIT 1) v ON true
    -- The window is moved onto checked_on itself, so that the index on it can find the rows.
    WHERE ev.checked_on >= ${fromDay}::date - ${staleDays}::int AND ev.checked_on < ${toDay}::date - ${staleDays}::int
      ${serviceIds ? Prisma.sql`AND a.service_id = ANY(${serviceIds}::uuid[])` : Prisma.empty}
    ORDER BY s.name, i.key`;
}
