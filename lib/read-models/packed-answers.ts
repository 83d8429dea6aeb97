import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnswerStatus, NaState } from "@/lib/generated/prisma/enums";
import type { ScoredAnswer } from "@/lib/scoring";

export type OverviewFilter = {
  teamSlug?: string;
  teamId?: string;
  serviceIds?: string[];
  tier?: number;
  trait?: string;
};

/** An answer as it stood at a past moment: null when there was none yet. */
export type PastAnswer = ScoredAnswer | null;

export type PastMoments = { moments: readonly Date[] };

// The overview reads every answer of every service. One row per service with its answers packed
// into one string keeps thousands of services to thousands of rows, not tens of thousands, and
// fixed-width entries are cheap to write and to read: "<item id><status><review><na state>[<na
// expiry>]" joined by ",", where status is M, P, N, A or 0 (no answer), review V (verified), D
// (not verified) or - (no review data: events from before review existed), and na state a
// (approved), p (pending), r (rejected) or -.

/** The packed entry of a row with item_id, status, review, na_state and na_expires_on columns. */
function packed(row: string) {
  const column = (name: string) => Prisma.raw(`${row}.${name}`);
  return Prisma.sql`${column("item_id")}::text
    || CASE ${column("status")} WHEN 'MET' THEN 'M' WHEN 'PARTIAL' THEN 'P' WHEN 'NOT_MET' THEN 'N' WHEN 'NOT_APPLICABLE' THEN 'A' ELSE '0' END
    || CASE WHEN ${column("review")} IS NULL THEN '-' WHEN ${column("review")} = 'VERIFIED' THEN 'V' ELSE 'D' END
    || CASE ${column("na_state")} WHEN 'APPROVED' THEN 'a' WHEN 'PENDING' THEN 'p' WHEN 'REJECTED' THEN 'r' ELSE '-' END
    || coalesce(${column("na_expires_on")}::text, '')`;
}

const STATUSES: Record<string, AnswerStatus> = { M: "MET", P: "PARTIAL", N: "NOT_MET", A: "NOT_APPLICABLE" };
const NA_STATES: Record<string, NaState> = { a: "APPROVED", p: "PENDING", r: "REJECTED" };

/** An entry's item id and answer, read from `offset` on; null when there was no answer. */
function unpackEntry(entry: string, offset = 0): [string, PastAnswer] {
  const itemId = entry.slice(offset, offset + 36);
  const status = STATUSES[entry[offset + 36]!];
  if (!status) return [itemId, null];
  const review = entry[offset + 37];
  // Events from before review existed carry no review data and score as they did then.
  if (review === "-") return [itemId, { status, verified: false }];
  return [
    itemId,
    {
      status,
      verified: review === "V",
      naState: NA_STATES[entry[offset + 38]!] ?? null,
      naExpiresOn: entry.slice(offset + 39) || null,
    },
  ];
}

function unpackAnswers(packedAnswers: string | null): Map<string, ScoredAnswer> {
  const answers = new Map<string, ScoredAnswer>();
  if (packedAnswers) {
    for (const entry of packedAnswers.split(",")) {
      const [itemId, answer] = unpackEntry(entry);
      if (answer) answers.set(itemId, answer);
    }
  }
  return answers;
}

function whereScope({ teamSlug, teamId, serviceIds, tier, trait }: OverviewFilter) {
  const conditions = [
    ...(teamSlug ? [Prisma.sql`t.slug = ${teamSlug}`] : []),
    ...(teamId ? [Prisma.sql`s.team_id = ${teamId}::uuid`] : []),
    ...(serviceIds ? [Prisma.sql`s.id = ANY(${serviceIds}::uuid[])`] : []),
    ...(tier ? [Prisma.sql`s.tier = ${tier}`] : []),
    ...(trait ? [Prisma.sql`${trait} = ANY(s.traits)`] : []),
  ];
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

type ServiceRow = {
  id: string;
  slug: string;
  name: string;
  tier: number;
  traits: string[];
  created_at: Date;
  team_id: string;
  team_slug: string;
  team_name: string;
};

function serviceOf(row: ServiceRow) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    tier: row.tier,
    traits: row.traits,
    createdAt: row.created_at,
    team: { id: row.team_id, slug: row.team_slug, name: row.team_name },
  };
}

/**
 * Every service the overview shows, with its current answers keyed by item id, and its answers at
 * each of `past.moments` (in that order). Both come from one statement, so they agree even while
 * answers are being saved.
 */
export async function listOverviewServices(filter: OverviewFilter, past: PastMoments = { moments: [] }) {
  // All services are read as two halves at once, on two connections, so that the database works
  // on two cores while this process waits. Each service's current and past answers still come from
  // one statement.
  const halves = !filter.teamSlug && !filter.teamId && !filter.serviceIds ? 2 : 1;
  const parts = await Promise.all(
    Array.from(
      { length: halves },
      (_, half) => getDb().$queryRaw<
        (ServiceRow & { position: number; answers: string | null; changes?: string | null })[]
      >`
      ${past.moments.length ? legacyAnswers() : Prisma.empty}
      SELECT s.position::int, s.id::text, s.slug, s.name, s.tier::int, s.traits::text[] AS traits, s.created_at, s.team_id::text, s.team_slug, s.team_name,
        (SELECT string_agg(${packed("a")}, ',') FROM answers a WHERE a.service_id = s.id) AS answers
        ${past.moments.length ? Prisma.sql`, ${changesSince(past)} AS changes` : Prisma.empty}
      FROM (
        -- Ordered before the answers are packed, so that the sort does not carry them.
        SELECT s.id, s.slug, s.name, s.tier, s.traits, s.created_at, s.team_id, t.slug AS team_slug, t.name AS team_name, row_number() OVER (ORDER BY s.name, s.slug) AS position
        FROM services s JOIN teams t ON t.id = s.team_id
        ${whereScope(filter)}
      ) s
      WHERE s.position % ${halves} = ${half}`,
    ),
  );
  const rows = parts.flat().sort((a, b) => a.position - b.position);
  return rows.map((row) => {
    const answers = unpackAnswers(row.answers);
    const changes = unpackChanges(row.changes ?? null, past.moments);
    return {
      ...serviceOf(row),
      answers,
      answersAt: past.moments.map((_, index) => answersAtMoment(answers, changes, index)),
    };
  });
}

/**
 * Every answer of the given services (all services when none are given) as it stood at `at`,
 * recomputed from the answer events: the latest event per service and item at or before then.
 */
export async function getServiceAnswersAt({ serviceIds, at }: { serviceIds?: string[]; at: Date }) {
  const services = await listOverviewServices({ serviceIds }, { moments: [at] });
  return new Map(services.map((service) => [service.id, service.answersAt[0]!]));
}

/**
 * Answers whose latest event predates review (no review data): they score as they did then, not as
 * their row in answers says (waiting for N/A approval), so they count as changed after every
 * moment. Only such a pending N/A, never reviewed since, can be one; there are none in a database
 * created after review existed.
 */
function legacyAnswers() {
  return Prisma.sql`WITH legacy AS MATERIALIZED (
    SELECT a.service_id, a.item_id, l.to_status AS status, l.review, l.na_state, l.na_expires_on
    FROM answers a
    CROSS JOIN LATERAL (
      SELECT l.to_status, l.review, l.na_state, l.na_expires_on FROM answer_events l
      WHERE l.service_id = a.service_id AND l.item_id = a.item_id ORDER BY l.created_at DESC, l.id DESC LIMIT 1
    ) l
    WHERE a.status = 'NOT_APPLICABLE' AND a.na_state = 'PENDING' AND a.reviewed_at IS NULL AND l.review IS NULL
  )`;
}

function ascendingMoments(moments: readonly Date[]) {
  return [...moments].sort((a, b) => a.getTime() - b.getTime());
}

/**
 * A correlated subquery of `s` (the service): the answers, at past moments, of the items that
 * changed after them. Everything else stood as it stands now (the answers table), so for recent
 * moments only the pairs changed since are looked at, not their whole history.
 *
 * The answer at a moment is the latest event of its pair at or before it: the event before the
 * first one after it.
 *
 * Packed entries are prefixed by a bucket digit: the entry is the answer just before the pair's
 * first event in that bucket, an event falling in bucket k when it came after the k earliest
 * moments; bucket moments + 1 holds the latest event of the legacy answers.
 */
function changesSince({ moments }: PastMoments) {
  const [earliest, ...later] = ascendingMoments(moments);
  const bucket = later.reduce(
    (sum, moment) => Prisma.sql`${sum} + (e.created_at > ${moment})::int`,
    Prisma.sql`1`,
  );
  return Prisma.sql`(
    SELECT string_agg(chr(48 + c.bucket) || ${packed("c")}, ',')
    FROM (
      SELECT f.bucket, f.item_id, p.to_status AS status, p.review::text AS review, p.na_state, p.na_expires_on
      FROM (
        SELECT DISTINCT ON (e.item_id, e.bucket) e.item_id, e.bucket, e.created_at, e.id
        FROM (
          SELECT e.item_id, ${bucket} AS bucket, e.created_at, e.id FROM answer_events e
          WHERE e.service_id = s.id AND e.created_at > ${earliest}
        ) e
        ORDER BY e.item_id, e.bucket, e.created_at, e.id
      ) f
      LEFT JOIN LATERAL (
        SELECT p.to_status, p.review, p.na_state, p.na_expires_on FROM answer_events p
        WHERE p.service_id = s.id AND p.item_id = f.item_id AND (p.created_at, p.id) < (f.created_at, f.id)
        ORDER BY p.created_at DESC, p.id DESC LIMIT 1
      ) p ON true
      UNION ALL
      SELECT ${moments.length + 1}, item_id, status, review::text, na_state, na_expires_on FROM legacy WHERE legacy.service_id = s.id
    ) c
  )`;
}

/** Per item changed since the earliest moment: its answer at each moment, or undefined where it has not changed since (it stood as it stands now). */
type ItemChanges = Map<string, (PastAnswer | undefined)[]>;

function unpackChanges(packedChanges: string | null, moments: readonly Date[]): ItemChanges | undefined {
  if (!packedChanges) return undefined;
  const ascending = ascendingMoments(moments);
  const buckets = new Map<string, Map<number, PastAnswer>>();
  for (const entry of packedChanges.split(",")) {
    const [itemId, answer] = unpackEntry(entry, 1);
    (buckets.get(itemId) ?? buckets.set(itemId, new Map()).get(itemId)!).set(
      entry.charCodeAt(0) - 48,
      answer,
    );
  }
  const changes: ItemChanges = new Map();
  for (const [itemId, before] of buckets) {
    // The answer at the k-th earliest moment is the one before the first event after it: that of
    // the lowest bucket from k on.
    const atAscending: (PastAnswer | undefined)[] = [];
    let next = before.get(ascending.length + 1);
    for (let k = ascending.length; k >= 1; k--) {
      if (before.has(k)) next = before.get(k);
      atAscending[k - 1] = next;
    }
    changes.set(
      itemId,
      moments.map((moment) => atAscending[ascending.indexOf(moment)]),
    );
  }
  return changes;
}

function answersAtMoment(
  current: ReadonlyMap<string, ScoredAnswer>,
  changes: ItemChanges | undefined,
  index: number,
): ReadonlyMap<string, ScoredAnswer> {
  if (!changes) return current;
  let then: Map<string, ScoredAnswer> | undefined;
  for (const [itemId, atMoments] of changes) {
    const before = atMoments[index];
    if (before === undefined) continue;
    then ??= new Map(current);
    if (before === null) then.delete(itemId);
    else then.set(itemId, before);
  }
  return then ?? current;
}

/** A service as the score cache sees it: `revision` changes whenever any of its answers is written. */
export type ScopeService = {
  id: string;
  slug: string;
  name: string;
  tier: number;
  traits: string[];
  createdAt: Date;
  team: { id: string; slug: string; name: string };
  revision: number;
};

/** The services in scope, by name, without their answers. */
export async function listScopeServices(filter: OverviewFilter): Promise<ScopeService[]> {
  const rows = await getDb().$queryRaw<(ServiceRow & { revision: number })[]>`
    SELECT s.id::text, s.slug, s.name, s.tier::int, s.traits::text[] AS traits, s.created_at, s.answers_revision AS revision, s.team_id::text, t.slug AS team_slug, t.name AS team_name
    FROM services s JOIN teams t ON t.id = s.team_id
    ${whereScope(filter)}
    ORDER BY s.name, s.slug`;
  return rows.map((row) => ({ ...serviceOf(row), revision: row.revision }));
}

/** The current answers of some services, each with the revision they are at (read in the same statement). */
export async function listCurrentAnswers(serviceIds: readonly string[]) {
  if (serviceIds.length === 0)
    return new Map<string, { revision: number; answers: Map<string, ScoredAnswer> }>();
  const rows = await getDb().$queryRaw<{ id: string; revision: number; answers: string | null }[]>`
    SELECT s.id::text, s.answers_revision AS revision, (SELECT string_agg(${packed("a")}, ',') FROM answers a WHERE a.service_id = s.id) AS answers
    FROM services s WHERE s.id = ANY(${serviceIds}::uuid[])`;
  return new Map(
    rows.map((row) => [row.id, { revision: row.revision, answers: unpackAnswers(row.answers) }]),
  );
}

/** Changes whenever the answer history changes behind the present (see the answer_history_revision table). */
export async function getAnswerHistoryRevision() {
  const row = await getDb().answerHistoryRevision.findUnique({
    where: { id: 1 },
    select: { revision: true },
  });
  return row?.revision ?? 0;
}

/**
 * For each window (from, to], the answers written in it: per service, per item, the latest event
 * of the window, which is the answer as it stood at the window's end.
 */
export async function listAnswersWrittenIn(windows: readonly { from: Date; to: Date }[]) {
  // Each service's answers with the text they were read from, which tells two reads apart cheaply.
  const result = windows.map(() => new Map<string, { packed: string; answers: Map<string, ScoredAnswer> }>());
  if (windows.length === 0) return result;
  const rows = await getDb().$queryRaw<{ k: number; service_id: string; answers: string }[]>`
    SELECT w.k::int, e.service_id::text, string_agg(${packed("e")}, ',') AS answers
    FROM unnest(${windows.map((window) => window.from)}::timestamptz[], ${windows.map((window) => window.to)}::timestamptz[]) WITH ORDINALITY AS w (from_at, to_at, k)
    CROSS JOIN LATERAL (
      SELECT DISTINCT ON (e.service_id, e.item_id) e.service_id, e.item_id, e.to_status AS status, e.review, e.na_state, e.na_expires_on
      FROM answer_events e WHERE e.created_at > w.from_at AND e.created_at <= w.to_at
      ORDER BY e.service_id, e.item_id, e.created_at DESC, e.id DESC
    ) e
    GROUP BY w.k, e.service_id`;
  for (const row of rows)
    result[row.k - 1]!.set(row.service_id, { packed: row.answers, answers: unpackAnswers(row.answers) });
  return result;
}
