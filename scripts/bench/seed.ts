// The benchmark's organisation, written set-based (INSERT ... SELECT) so that a million answer
// events take seconds, not a million round trips. Statements run on one pg connection so that
// setseed() makes random() repeatable.
import type { Client } from "pg";

export const SERVICES = 2_000;
export const BIG_TEAM_SERVICES = 500;
export const TEAM_SERVICES = 50;
// Every service holds this many assessment sessions over the history; each event of a pair falls
// in one of them, a few hours apart, as teams and reviewers work through the checklist together.
const SESSIONS = 12;

export type SeedShape = { start: Date; end: Date; localUserId: string; reviewerId: string };

/**
 * Teams: "bench" with 500 services, then teams of 50 ("bench-team-01"...). Services bench-0000 to
 * bench-1999, created before the history starts.
 */
async function seedServices(client: Client, { start }: SeedShape) {
  const teams = 1 + (SERVICES - BIG_TEAM_SERVICES) / TEAM_SERVICES;
  await client.query(
    `INSERT INTO teams (id, slug, name, description, created_at, updated_at)
     SELECT gen_random_uuid(), CASE WHEN n = 0 THEN 'bench' ELSE 'bench-team-' || lpad(n::text, 2, '0') END,
       CASE WHEN n = 0 THEN 'Benchmark' ELSE 'Benchmark team ' || n END, '', $2, now()
     FROM generate_series(0, $1 - 1) n
     ON CONFLICT (slug) DO NOTHING`,
    [teams, start],
  );
  await client.query(
    `INSERT INTO services (id, slug, name, description, team_id, tier, traits, created_at, updated_at)
     SELECT gen_random_uuid(), 'bench-' || lpad(n::text, 4, '0'), 'Bench service ' || n, '', t.id, (n % 3) + 1,
       (ARRAY['{SERVES_HTTP,BEHIND_NGINX}', '{SERVES_HTTP}', '{RUNS_BATCH}', '{USES_JOB_QUEUE,SERVES_HTTP}', '{}'])[1 + n % 5]::text[],
       $2::timestamptz - interval '30 days', now()
     FROM generate_series(0, $1 - 1) n
     JOIN teams t ON t.slug = CASE WHEN n < $3 THEN 'bench' ELSE 'bench-team-' || lpad((1 + (n - $3) / $4)::text, 2, '0') END
     ON CONFLICT (slug) DO NOTHING`,
    [SERVICES, start, BIG_TEAM_SERVICES, TEAM_SERVICES],
  );
}

/**
 * Nine pairs in ten are answered, each with 8 to 29 events (18.5 on average, about 1,030,000 in
 * all) spread over the sessions of its service. About 55% are the team's saves, the rest review
 * steps: a met or partial answer verified (75%) or sent back, an N/A approved (80%, some with an
 * expiry) or rejected. A pair aims at not met, partial or met (20/30/50%) and climbs towards it
 * save by save, with noise, so regressions happen. One pair in twelve is declared not applicable.
 */
async function seedEvents(client: Client, { start, end, localUserId, reviewerId }: SeedShape) {
  await client.query(`CREATE TEMP TABLE bench_pairs ON COMMIT DROP AS
    SELECT s.id AS service_id, i.id AS item_id, v.id AS version_id, 10 * c.position + i.position AS item_position,
      random() < 0.08 AS na, random() < 0.5 AS has_link, (ARRAY[0, 1, 1, 2, 2, 2, 2, 2, 1, 0])[1 + floor(random() * 10)::int] AS target,
      8 + floor(random() * 22)::int AS events
    FROM services s CROSS JOIN checklist_items i JOIN checklist_categories c ON c.id = i.category_id
    JOIN LATERAL (SELECT id FROM checklist_item_versions WHERE item_id = i.id ORDER BY version DESC LIMIT 1) v ON true
    WHERE s.slug LIKE 'bench-%' AND i.retired_at IS NULL AND random() < 0.9`);
  await client.query(
    `CREATE TEMP TABLE bench_sessions ON COMMIT DROP AS
     SELECT s.id AS service_id, array_agg($1::timestamptz + random() * ($2::timestamptz - $1::timestamptz - interval '4 hours')) AS ats
     FROM services s CROSS JOIN generate_series(1, $3) WHERE s.slug LIKE 'bench-%' GROUP BY s.id`,
    [start, end, SESSIONS],
  );
  // Windows over each pair's events in time order: the saves so far (g) fix the status, the
  // review steps so far whether a later save leaves an answer "changed" after verification.
  await client.query(
    `INSERT INTO answer_events (service_id, item_id, item_version_id, from_status, to_status, note, links, action, review, na_state, na_expires_on, actor_id, created_at)
     WITH raw AS (
       SELECT p.*, ss.ats[1 + floor(random() * $1)::int] + random() * interval '4 hours' AS created_at, random() AS r1, random() AS r2, random() AS r3
       FROM bench_pairs p JOIN bench_sessions ss USING (service_id) CROSS JOIN LATERAL generate_series(1, p.events)
     ), kinds AS (
       SELECT *, CASE WHEN row_number() OVER w = 1 OR r1 < 0.55 THEN 'SAVE' ELSE 'REVIEW' END AS kind
       FROM raw WINDOW w AS (PARTITION BY service_id, item_id ORDER BY created_at)
     ), saves AS (
       SELECT *, count(*) FILTER (WHERE kind = 'SAVE') OVER w AS g, count(*) FILTER (WHERE kind = 'SAVE') OVER (PARTITION BY service_id, item_id) AS total
       FROM kinds WINDOW w AS (PARTITION BY service_id, item_id ORDER BY created_at)
     ), statuses AS (
       SELECT *, first_value(CASE WHEN na THEN 'NOT_APPLICABLE'
           ELSE (ARRAY['NOT_MET', 'PARTIAL', 'MET'])[1 + greatest(0, least(2, round(target * g::numeric / total + (r2 - 0.5) * 1.2)))::int] END)
         OVER (PARTITION BY service_id, item_id, g ORDER BY created_at) AS status
       FROM saves
     ), actions AS (
       SELECT *, CASE
           WHEN kind = 'SAVE' THEN 'SAVED'
           WHEN status IN ('MET', 'PARTIAL') THEN CASE WHEN r3 < 0.75 THEN 'VERIFIED' ELSE 'CHANGES_REQUESTED' END
           WHEN status = 'NOT_APPLICABLE' THEN CASE WHEN r3 < 0.8 THEN 'NA_APPROVED' ELSE 'NA_REJECTED' END
           ELSE 'SAVED' END AS action
       FROM statuses
     ), reviews AS (
       SELECT *, count(*) FILTER (WHERE action IN ('VERIFIED', 'CHANGES_REQUESTED')) OVER w AS rg
       FROM actions WINDOW w AS (PARTITION BY service_id, item_id ORDER BY created_at)
     ), events AS (
       SELECT *, first_value(action) OVER (PARTITION BY service_id, item_id, rg ORDER BY created_at) AS last_review,
         lag(status) OVER (PARTITION BY service_id, item_id ORDER BY created_at) AS from_status
       FROM reviews
     )
     SELECT service_id, item_id, version_id, from_status::answer_status, status::answer_status,
       CASE WHEN na THEN 'Not applicable here: the service has no such component (revision ' || g || ')'
         WHEN g % 3 = 0 THEN 'Dashboard and alert rule reviewed with the on-call team, revision ' || g ELSE '' END,
       CASE WHEN has_link AND g >= 2 THEN ARRAY['https://wiki.example.com/monitoring/' || left(service_id::text, 8) || '/' || item_position] ELSE '{}' END,
       action::answer_event_action,
       (CASE WHEN action IN ('VERIFIED', 'CHANGES_REQUESTED') THEN action WHEN action = 'SAVED' AND last_review = 'VERIFIED' THEN 'CHANGED' ELSE 'DECLARED' END)::review_state,
       (CASE WHEN status <> 'NOT_APPLICABLE' THEN NULL WHEN action = 'NA_APPROVED' THEN 'APPROVED' WHEN action = 'NA_REJECTED' THEN 'REJECTED' ELSE 'PENDING' END)::na_state,
       CASE WHEN action = 'NA_APPROVED' AND r2 < 0.3 THEN (created_at + interval '180 days')::date END,
       CASE WHEN action = 'SAVED' THEN $2::uuid ELSE $3::uuid END,
       created_at
     FROM events ORDER BY created_at`,
    [SESSIONS, localUserId, reviewerId],
  );
}

/** The answers table is each pair's latest event; half the answers carry the link of their events as evidence. */
async function seedAnswers(client: Client, { localUserId, reviewerId }: SeedShape) {
  await client.query(
    `INSERT INTO answers (id, service_id, item_id, status, note, updated_at, updated_by_id, review, reviewed_at, reviewed_by_id, na_state, na_expires_on)
     SELECT gen_random_uuid(), l.service_id, l.item_id, l.to_status, l.note, t.saved_at, $1, l.review, t.reviewed_at, CASE WHEN t.reviewed_at IS NOT NULL THEN $2::uuid END, l.na_state, l.na_expires_on
     FROM (SELECT DISTINCT ON (service_id, item_id) * FROM answer_events WHERE service_id IN (SELECT id FROM services WHERE slug LIKE 'bench-%')
           ORDER BY service_id, item_id, created_at DESC, id DESC) l
     JOIN (SELECT service_id, item_id, max(created_at) FILTER (WHERE action = 'SAVED') AS saved_at, max(created_at) FILTER (WHERE action <> 'SAVED') AS reviewed_at
           FROM answer_events WHERE service_id IN (SELECT id FROM services WHERE slug LIKE 'bench-%') GROUP BY 1, 2) t USING (service_id, item_id)`,
    [localUserId, reviewerId],
  );
  // A third of the evidence was last checked more than 90 days ago: stale.
  await client.query(`INSERT INTO evidence (id, answer_id, kind, url, title, created_by_id, created_at, checked_on, checked_by_id)
    SELECT gen_random_uuid(), a.id, 'LINK', a.links[1], 'Monitoring runbook', a.updated_by_id, a.updated_at, (now() - random() * interval '135 days')::date, a.updated_by_id
    FROM (SELECT a.*, (SELECT links FROM answer_events e WHERE e.service_id = a.service_id AND e.item_id = a.item_id ORDER BY created_at DESC, id DESC LIMIT 1) AS links
          FROM answers a JOIN services s ON s.id = a.service_id WHERE s.slug LIKE 'bench-%') a
    WHERE cardinality(a.links) > 0`);
}

/** Seeds the benchmark organisation into an empty bench: everything in one transaction. */
export async function seedBench(client: Client, shape: SeedShape) {
  await client.query("BEGIN");
  try {
    await client.query("SELECT setseed(0.42)");
    await client.query("SET LOCAL work_mem = '256MB'");
    // The rows are valid by construction; checking a million foreign keys one by one would take
    // most of the seeding time. Only a superuser may skip them, so this is best effort.
    await client.query("SAVEPOINT replica");
    await client.query("SET LOCAL session_replication_role = replica").then(
      () => client.query("RELEASE SAVEPOINT replica"),
      () => client.query("ROLLBACK TO SAVEPOINT replica"),
    );
    await seedServices(client, shape);
    await seedEvents(client, shape);
    await seedAnswers(client, shape);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
