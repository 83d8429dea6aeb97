// The benchmark's yardstick: the aggregates the overview and the trends show, computed in one SQL
// statement each, scoring rules and all, straight through pg. The app keeps its scoring in
// lib/scoring.ts; these statements exist only to show what the database alone needs for the same
// numbers, and the bench checks that they agree with the app's.
import type { Client } from "pg";

// A service's declared and verified percentages from its answers at a moment and the checklist
// then in force, as lib/scoring.ts counts them: applicable items weigh in; an approved N/A that has
// not expired counts for nothing; anything else N/A, and unanswered items, count as not met.
// \`states\` holds the answers that differ from the current ones (answers table) at moment k.
const scores = (byCategory: boolean) => `
  current_answers AS MATERIALIZED (SELECT id, service_id, item_id, status, review, na_state, na_expires_on FROM answers),
  items AS (
    SELECT m.k, i.id AS item_id, c.key AS category, v.weight, v.required_traits
    FROM moments m
    JOIN checklist_items i ON i.created_at <= m.at AND (i.retired_at IS NULL OR i.retired_at > m.at)
    JOIN checklist_categories c ON c.id = i.category_id
    JOIN LATERAL (SELECT weight, required_traits FROM checklist_item_versions WHERE item_id = i.id AND effective_from <= m.at ORDER BY version DESC LIMIT 1) v ON true
  ), counted AS (
    SELECT m.k, s.id AS service_id, s.team_id, it.category, it.weight,
      CASE WHEN st.k IS NOT NULL THEN st.status ELSE a.status END AS status,
      CASE WHEN st.k IS NOT NULL THEN st.has_review ELSE a.id IS NOT NULL END AS has_review,
      CASE WHEN st.k IS NOT NULL THEN st.na_state ELSE a.na_state END AS na_state,
      CASE WHEN st.k IS NOT NULL THEN st.na_expires_on ELSE a.na_expires_on END AS na_expires_on,
      CASE WHEN st.k IS NOT NULL THEN false ELSE coalesce(a.review = 'VERIFIED', false) END AS verified,
      m.day
    FROM moments m
    JOIN items it ON it.k = m.k
    JOIN scope s ON it.required_traits <@ s.traits
    LEFT JOIN current_answers a ON (a.service_id, a.item_id) = (s.id, it.item_id)
    LEFT JOIN states st ON (st.k, st.service_id, st.item_id) = (m.k, s.id, it.item_id)
  ), pointed AS (
    SELECT k, service_id, team_id, category, weight, verified,
      CASE WHEN status = 'NOT_APPLICABLE' AND (NOT has_review OR (na_state = 'APPROVED' AND (na_expires_on IS NULL OR na_expires_on >= day))) THEN NULL
        ELSE CASE status WHEN 'MET' THEN 1.0 WHEN 'PARTIAL' THEN 0.5 ELSE 0 END END AS points
    FROM counted
  ), scores AS (
    SELECT k, service_id, team_id, ${byCategory ? "category" : "NULL::text AS category"},
      CASE WHEN sum(weight) FILTER (WHERE points IS NOT NULL) > 0
        THEN floor(sum(weight * points)::float8 / sum(weight) FILTER (WHERE points IS NOT NULL) * 100 * 10 + 0.5) / 10 END AS percent,
      CASE WHEN sum(weight) FILTER (WHERE points IS NOT NULL) > 0
        THEN floor(coalesce(sum(weight * points) FILTER (WHERE verified), 0)::float8 / sum(weight) FILTER (WHERE points IS NOT NULL) * 100 * 10 + 0.5) / 10 END AS verified_percent
    FROM pointed GROUP BY ${byCategory ? "GROUPING SETS ((k, service_id, team_id), (k, service_id, team_id, category))" : "k, service_id, team_id"}
  )`;

/** The organisation's and each team's average declared score now (k = 0) and a day, a week and a quarter before (k = 1, 2, 3). */
export async function overviewAggregate(
  client: Client,
  { now, moments, timeZone }: { now: Date; moments: Date[]; timeZone: string },
) {
  const { rows } = await client.query<{ team_id: string | null; k: number; average: number }>(
    `WITH moments AS (SELECT k, at, (at AT TIME ZONE $5)::date AS day FROM (VALUES (0, $1::timestamptz), (1, $2::timestamptz), (2, $3::timestamptz), (3, $4::timestamptz)) m (k, at)),
     scope AS (SELECT id, team_id, traits FROM services),
     -- Pairs changed since a moment: their status then is the from_status of their first event
     -- after it (for N/A, the event before says whether it was approved).
     firsts AS (
       SELECT s.id AS service_id, f.* FROM services s CROSS JOIN LATERAL (
         SELECT DISTINCT ON (e.item_id, e.k) e.item_id, e.k, e.created_at, e.id, e.from_status
         FROM (SELECT e.*, 3 - (e.created_at > $3)::int - (e.created_at > $2)::int AS after_k FROM answer_events e WHERE e.service_id = s.id AND e.created_at > $4) e0
         -- An event after the quarter moment (k = 3) is also after the week's (2) and the day's (1) when it is later than them.
         CROSS JOIN LATERAL (SELECT e0.item_id, e0.created_at, e0.id, e0.from_status, k FROM generate_series(e0.after_k, 3) k) e
         ORDER BY e.item_id, e.k, e.created_at, e.id) f
     ), states AS MATERIALIZED (
       SELECT f.k, f.service_id, f.item_id, CASE WHEN f.from_status = 'NOT_APPLICABLE' THEN p.to_status ELSE f.from_status END AS status,
         f.from_status <> 'NOT_APPLICABLE' OR p.review IS NOT NULL AS has_review, p.na_state, p.na_expires_on
       FROM firsts f LEFT JOIN LATERAL (
         SELECT p.to_status, p.review, p.na_state, p.na_expires_on FROM answer_events p
         WHERE f.from_status = 'NOT_APPLICABLE' AND p.service_id = f.service_id AND p.item_id = f.item_id AND (p.created_at, p.id) < (f.created_at, f.id)
         ORDER BY p.created_at DESC, p.id DESC LIMIT 1) p ON true
     ),
     ${scores(false)}
     SELECT team_id::text, k, floor(avg(percent) * 10 + 0.5) / 10 AS average FROM scores WHERE percent IS NOT NULL
     GROUP BY GROUPING SETS ((team_id, k), (k))`,
    [now, ...moments, timeZone],
  );
  return rows;
}

export type TrendRow = {
  starts_on: string | null;
  series: string;
  count: number;
  average: number | null;
  min: number | null;
  median: number | null;
  max: number | null;
};

/**
 * Per quarter of the trend (starts_on; null for the current one) and per series (overall, verified
 * and each category): count, average, minimum, median and maximum of the services' scores, as the
 * trend shows them. Closed quarters from their snapshots, the current one from the answers.
 */
export async function trendAggregate(
  client: Client,
  { now, oldest, teamId, timeZone }: { now: Date; oldest: string; teamId?: string; timeZone: string },
) {
  const inTeam = (column: string) => (teamId ? `AND ${column} = $4::uuid` : "");
  const { rows } = await client.query<TrendRow>(
    `WITH moments AS (SELECT 0 AS k, $1::timestamptz AS at, ($1::timestamptz AT TIME ZONE $3)::date AS day),
     scope AS (SELECT id, team_id, traits FROM services WHERE true ${inTeam("team_id")}),
     states AS (SELECT NULL::int AS k, NULL::uuid AS service_id, NULL::uuid AS item_id, NULL::answer_status AS status, NULL::boolean AS has_review, NULL::na_state AS na_state, NULL::date AS na_expires_on WHERE false),
     ${scores(true)},
     frozen AS (
       SELECT qc.starts_on, qs.percent, qs.verified_percent, qs.categories
       FROM quarter_closes qc JOIN quarter_snapshots qs ON qs.close_id = qc.id
       WHERE qc.starts_on >= $2::date ${inTeam("qs.team_id")}
     ), series AS (
       SELECT NULL::date AS starts_on, coalesce(category, 'overall') AS series, percent FROM scores
       UNION ALL SELECT NULL, 'verified', verified_percent FROM scores WHERE category IS NULL
       UNION ALL SELECT starts_on, 'overall', percent FROM frozen
       UNION ALL SELECT starts_on, 'verified', verified_percent FROM frozen
       UNION ALL SELECT starts_on, c.key, (c.value ->> 'percent')::float8 FROM frozen CROSS JOIN LATERAL jsonb_each(frozen.categories) c
     )
     SELECT starts_on::text, series, count(percent)::int AS count, floor(avg(percent) * 10 + 0.5) / 10 AS average, min(percent) AS min,
       floor(percentile_cont(0.5) WITHIN GROUP (ORDER BY percent) * 10 + 0.5) / 10 AS median, max(percent) AS max
     FROM series GROUP BY starts_on, series`,
    [now, oldest, timeZone, ...(teamId ? [teamId] : [])],
  );
  return rows;
}
