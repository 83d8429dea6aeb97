import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnswerStatus, NaState, ReviewState } from "@/lib/generated/prisma/enums";
import type { ScoredAnswer } from "@/lib/scoring";

export type OverviewFilter = { teamSlug?: string; tier?: number; trait?: string };

// The overview reads every answer of every service. One row per service, its answers packed into
// one string ("item|status|review|na state|na expiry;..."), keeps thousands of services to
// thousands of rows instead of tens of thousands.

function unpackAnswers(packed: string | null): Map<string, ScoredAnswer> {
  const answers = new Map<string, ScoredAnswer>();
  for (const entry of packed ? packed.split(";") : []) {
    const [itemId, status, review, naState, naExpiresOn] = entry.split("|") as [string, AnswerStatus, ReviewState | "", NaState | "", string];
    // Events from before review existed carry no review data and score as they did then.
    answers.set(itemId, { status, verified: review === "VERIFIED", ...(review ? { naState: naState || null, naExpiresOn: naExpiresOn || null } : {}) });
  }
  return answers;
}

/** Every service the overview shows, with its current answers keyed by item id. */
export async function listOverviewServices({ teamSlug, tier, trait }: OverviewFilter) {
  const conditions = [
    ...(teamSlug ? [Prisma.sql`t.slug = ${teamSlug}`] : []),
    ...(tier ? [Prisma.sql`s.tier = ${tier}`] : []),
    ...(trait ? [Prisma.sql`${trait} = ANY(s.traits)`] : []),
  ];
  const rows = await getDb().$queryRaw<{ id: string; slug: string; name: string; tier: number; traits: string[]; created_at: Date; team_id: string; team_slug: string; team_name: string; answers: string | null }[]>`
    SELECT s.id::text, s.slug, s.name, s.tier::int, s.traits::text[] AS traits, s.created_at, t.id::text AS team_id, t.slug AS team_slug, t.name AS team_name,
      (SELECT string_agg(a.item_id::text || '|' || a.status || '|' || a.review || '|' || coalesce(a.na_state::text, '') || '|' || coalesce(a.na_expires_on::text, ''), ';')
        FROM answers a WHERE a.service_id = s.id) AS answers
    FROM services s JOIN teams t ON t.id = s.team_id
    ${conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty}
    ORDER BY s.name, s.slug`;
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    tier: row.tier,
    traits: row.traits,
    createdAt: row.created_at,
    team: { id: row.team_id, slug: row.team_slug, name: row.team_name },
    answers: unpackAnswers(row.answers),
  }));
}

/**
 * Every answer of the given services (all services when none are given) as it stood at `at`,
 * recomputed from the answer events: the latest event per service and item at or before then.
 */
export async function getServiceAnswersAt({ serviceIds, at }: { serviceIds?: string[]; at: Date }) {
  const rows = await getDb().$queryRaw<{ service_id: string; answers: string }[]>`
    SELECT service_id::text, string_agg(item_id::text || '|' || to_status || '|' || coalesce(review::text, '') || '|' || coalesce(na_state::text, '') || '|' || coalesce(na_expires_on::text, ''), ';') AS answers
    FROM (
      SELECT DISTINCT ON (service_id, item_id) service_id, item_id, to_status, review, na_state, na_expires_on
      FROM answer_events
      WHERE created_at <= ${at} ${serviceIds ? Prisma.sql`AND service_id = ANY(${serviceIds}::uuid[])` : Prisma.empty}
      ORDER BY service_id, item_id, created_at DESC, id DESC
    ) latest
    GROUP BY service_id`;
  return new Map(rows.map((row) => [row.service_id, unpackAnswers(row.answers)]));
}
