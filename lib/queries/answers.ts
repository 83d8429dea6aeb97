import { getDb } from "@/lib/db";
import { fail } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnswerEventAction, AnswerStatus, NaState, ReviewState } from "@/lib/generated/prisma/enums";
import { authorize, type Principal } from "@/lib/permissions";
import { changedMeanwhile, type Unchecked } from "@/lib/queries/revisions";
import { reviewAfterTeamChange } from "@/lib/review";
import type { ScoredAnswer } from "@/lib/scoring";
import type { AnswerInput } from "@/lib/validations/answer";

type AnswerEventRecord = {
  serviceId: string;
  itemId: string;
  itemVersionId?: string;
  action: AnswerEventAction;
  fromStatus: AnswerStatus | null;
  toStatus: AnswerStatus;
  note: string;
  review: ReviewState;
  naState: NaState | null;
  naExpiresOn: Date | null;
};

/**
 * Holds one answer (a service's answer to an item) for the rest of the transaction, and reads the
 * database's clock once it is held. Every change to an answer takes this lock before reading the
 * answer, so changes are made, and stamped, in the order they commit: the latest event of an
 * answer is always its current state, whichever save started first. `at`, when given, dates the
 * change instead (imports, the demo's history, tests).
 */
export async function lockAnswer(
  tx: Prisma.TransactionClient,
  { serviceId, itemId }: { serviceId: string; itemId: string },
  at?: Date,
): Promise<Date> {
  // The clock is read from the lock's row, so after the lock is granted.
  const [row] = await tx.$queryRaw<{ now: Date }[]>`
    SELECT clock_timestamp() AS now FROM (SELECT pg_advisory_xact_lock(hashtext(${`answer:${serviceId}:${itemId}`}))) AS held`;
  return at ?? row!.now;
}

/**
 * Appends an answer event: the answer as it stands after a change by the team or a reviewer.
 * Call it inside the transaction that makes the change, after lockAnswer.
 */
export async function recordAnswerEvent(
  tx: Prisma.TransactionClient,
  actor: { id: string },
  { itemVersionId, ...event }: AnswerEventRecord,
  at: Date,
) {
  const [version, links] = await Promise.all([
    itemVersionId
      ? { id: itemVersionId }
      : tx.checklistItemVersion.findFirstOrThrow({
          where: { itemId: event.itemId },
          orderBy: { version: "desc" },
          select: { id: true },
        }),
    tx.evidence.findMany({
      where: { kind: "LINK", answer: { serviceId: event.serviceId, itemId: event.itemId } },
      orderBy: { createdAt: "asc" },
      select: { url: true },
    }),
  ]);
  await tx.answerEvent.create({
    data: {
      ...event,
      itemVersionId: version.id,
      links: links.flatMap((link) => (link.url ? [link.url] : [])),
      actorId: actor.id,
      createdAt: at,
    },
  });
}

/**
 * Records the team's answer and an immutable event in one transaction. Saving what is already
 * there records nothing; saving over a change made since the form was read is refused. Any change sends the answer back to the reviewers: a verified answer
 * is no longer verified, and an N/A waits for approval again.
 */
export async function saveAnswer(
  input: Unchecked<AnswerInput>,
  actor: Principal | null,
  options: { at?: Date } = {},
): Promise<{ changed: boolean }> {
  return getDb().$transaction(async (tx) => {
    const [service, item] = await Promise.all([
      tx.service.findUnique({ where: { id: input.serviceId }, select: { id: true, teamId: true } }),
      tx.checklistItem.findUnique({
        where: { key: input.itemKey },
        select: {
          id: true,
          retiredAt: true,
          versions: { orderBy: { version: "desc" }, take: 1, select: { id: true } },
        },
      }),
    ]);
    if (!service) throw fail.notFound("validation.answer.service.invalid");
    authorize("answerItems", actor, { teamId: service.teamId });
    const version = item?.versions[0];
    if (!item || item.retiredAt || !version) throw fail.notFound("validation.answer.item.invalid");

    const at = await lockAnswer(tx, { serviceId: service.id, itemId: item.id }, options.at);
    const key = { serviceId_itemId: { serviceId: service.id, itemId: item.id } };
    const existing = await tx.answer.findUnique({
      where: key,
      select: {
        status: true,
        note: true,
        review: true,
        revision: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
      },
    });
    if (existing && existing.status === input.status && existing.note === input.note)
      return { changed: false };
    // Read before someone else's change: theirs is not overwritten unseen (lib/queries/revisions.ts).
    if (input.revision !== undefined && (existing?.revision ?? 0) !== input.revision)
      throw existing
        ? changedMeanwhile({ at: existing.updatedAt, name: existing.updatedBy.name })
        : fail.conflict("validation.revision.stale");

    const state = {
      status: input.status,
      note: input.note,
      updatedAt: at,
      updatedById: actor.id,
      review: reviewAfterTeamChange(existing?.review),
      naState: input.status === "NOT_APPLICABLE" ? ("PENDING" as const) : null,
      naExpiresOn: null,
    };
    await tx.answer.upsert({
      where: key,
      create: { serviceId: service.id, itemId: item.id, ...state },
      update: { ...state, revision: { increment: 1 } },
    });
    await recordAnswerEvent(
      tx,
      actor,
      {
        serviceId: service.id,
        itemId: item.id,
        itemVersionId: version.id,
        action: "SAVED",
        fromStatus: existing?.status ?? null,
        toStatus: input.status,
        note: input.note,
        review: state.review,
        naState: state.naState,
        naExpiresOn: null,
      },
      at,
    );
    return { changed: true };
  });
}

export async function getServiceAnswers({ serviceId }: { serviceId: string }) {
  return getDb().answer.findMany({
    where: { serviceId },
    select: {
      itemId: true,
      status: true,
      note: true,
      revision: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
      review: true,
      naState: true,
      naExpiresOn: true,
      evidence: { select: { checkedOn: true } },
    },
  });
}

export const HISTORY_LIMIT = 50;

export async function listAnswerEvents({
  serviceId,
  take = HISTORY_LIMIT,
}: {
  serviceId: string;
  take?: number;
}) {
  return getDb().answerEvent.findMany({
    where: { serviceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      action: true,
      naExpiresOn: true,
      note: true,
      links: true,
      createdAt: true,
      actor: { select: { name: true } },
      item: { select: { key: true } },
      itemVersion: { select: { textJa: true, textEn: true } },
    },
  });
}

/**
 * Each item's answer as it stood at `at`: the latest event at or before that moment. Events from
 * before review existed carry no review data and score as they did then.
 */
export async function getAnswersAt({
  serviceId,
  at,
}: {
  serviceId: string;
  at: Date;
}): Promise<Map<string, ScoredAnswer>> {
  const rows = await getDb().$queryRaw<
    {
      item_id: string;
      to_status: AnswerStatus;
      review: ReviewState | null;
      na_state: NaState | null;
      na_expires_on: string | null;
    }[]
  >`
    SELECT DISTINCT ON (item_id) item_id::text, to_status::text AS to_status, review::text AS review, na_state::text AS na_state, na_expires_on::text AS na_expires_on
    FROM answer_events
    WHERE service_id = ${serviceId}::uuid AND created_at <= ${at}
    ORDER BY item_id, created_at DESC, id DESC`;
  return new Map(
    rows.map((row) => [
      row.item_id,
      {
        status: row.to_status,
        verified: row.review === "VERIFIED",
        ...(row.review ? { naState: row.na_state, naExpiresOn: row.na_expires_on } : {}),
      },
    ]),
  );
}

export async function getAnswer({ serviceId, itemId }: { serviceId: string; itemId: string }) {
  return getDb().answer.findUnique({
    where: { serviceId_itemId: { serviceId, itemId } },
    select: {
      status: true,
      note: true,
      revision: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
      review: true,
      reviewedAt: true,
      reviewedBy: { select: { name: true } },
      naState: true,
      naExpiresOn: true,
    },
  });
}

/**
 * Answers whose latest event, in commit order, does not say what the answer says now. There are
 * none as long as every change of an answer goes through lockAnswer: the tests and the bench
 * check it. Events from before review existed carry no N/A state, so only their status counts.
 */
export async function listAnswersDisagreeingWithHistory({ serviceIds }: { serviceIds?: string[] } = {}) {
  return getDb().$queryRaw<{ service_id: string; item_id: string; status: string; latest_status: string }[]>`
    SELECT a.service_id::text, a.item_id::text, a.status::text, l.to_status::text AS latest_status
    FROM answers a
    CROSS JOIN LATERAL (
      SELECT e.to_status, e.review, e.na_state, e.na_expires_on FROM answer_events e
      WHERE e.service_id = a.service_id AND e.item_id = a.item_id
      ORDER BY e.created_at DESC, e.id DESC LIMIT 1
    ) l
    WHERE ${serviceIds ? Prisma.sql`a.service_id = ANY(${serviceIds}::uuid[]) AND` : Prisma.empty}
      (l.to_status <> a.status
        OR (l.review IS NOT NULL AND (l.na_state IS DISTINCT FROM a.na_state OR l.na_expires_on IS DISTINCT FROM a.na_expires_on)))`;
}
