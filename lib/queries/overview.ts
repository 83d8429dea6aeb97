import { getDb } from "@/lib/db";
import type { AnswerStatus, NaState, ReviewState, ServiceTrait } from "@/lib/generated/prisma/enums";
import type { ScoredAnswer } from "@/lib/scoring";

export type OverviewFilter = { teamSlug?: string; tier?: number; trait?: ServiceTrait };

/** Every service the overview shows, with its current answers: one query, however many services. */
export async function listOverviewServices({ teamSlug, tier, trait }: OverviewFilter) {
  const services = await getDb().service.findMany({
    where: { ...(teamSlug ? { team: { slug: teamSlug } } : {}), ...(tier ? { tier } : {}) },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      tier: true,
      traits: true,
      team: { select: { slug: true, name: true } },
      answers: { select: { itemId: true, status: true, review: true, naState: true, naExpiresOn: true } },
    },
  });
  // Filtered here: the driver adapter sends a `has` filter on an enum array as a malformed literal.
  return trait ? services.filter((service) => service.traits.includes(trait)) : services;
}

/**
 * Every answer of the given services as it stood at `at`, recomputed from the answer events: the
 * latest event per service and item at or before that moment. Keyed by service, then item.
 */
export async function getServiceAnswersAt({ serviceIds, at }: { serviceIds: string[]; at: Date }) {
  const byService = new Map<string, Map<string, ScoredAnswer>>();
  if (serviceIds.length === 0) return byService;
  const rows = await getDb().$queryRaw<{ service_id: string; item_id: string; to_status: AnswerStatus; review: ReviewState | null; na_state: NaState | null; na_expires_on: string | null }[]>`
    SELECT DISTINCT ON (service_id, item_id) service_id::text, item_id::text, to_status::text AS to_status, review::text AS review, na_state::text AS na_state, na_expires_on::text AS na_expires_on
    FROM answer_events
    WHERE service_id = ANY(${serviceIds}::uuid[]) AND created_at <= ${at}
    ORDER BY service_id, item_id, created_at DESC, id DESC`;
  for (const row of rows) {
    const answers = byService.get(row.service_id) ?? new Map<string, ScoredAnswer>();
    answers.set(row.item_id, { status: row.to_status, verified: row.review === "VERIFIED", ...(row.review ? { naState: row.na_state, naExpiresOn: row.na_expires_on } : {}) });
    byService.set(row.service_id, answers);
  }
  return byService;
}
