import { dateOfDay, type Day } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { fail } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnswerEventAction, CommentKind } from "@/lib/generated/prisma/enums";
import { authorize, type Principal } from "@/lib/permissions";
import { lockAnswer, recordAnswerEvent } from "@/lib/queries/answers";
import { recordAudit } from "@/lib/queries/audit";
import { changedMeanwhile, type Unchecked } from "@/lib/queries/revisions";
import { canBeVerified } from "@/lib/review";
import type { CommentInput, QueueSort, ReviewDecision } from "@/lib/validations/review";

async function findTarget(
  tx: Prisma.TransactionClient,
  { serviceId, itemKey }: { serviceId: string; itemKey: string },
) {
  const [service, item] = await Promise.all([
    tx.service.findUnique({ where: { id: serviceId }, select: { id: true, teamId: true } }),
    tx.checklistItem.findUnique({ where: { key: itemKey }, select: { id: true, retiredAt: true } }),
  ]);
  return { service, item: item && !item.retiredAt ? item : null };
}

const STEP: Record<ReviewDecision["decision"], { action: AnswerEventAction; comment: CommentKind }> = {
  ACCEPT: { action: "VERIFIED", comment: "ACCEPTED" },
  REQUEST_CHANGES: { action: "CHANGES_REQUESTED", comment: "CHANGES_REQUESTED" },
  APPROVE_NA: { action: "NA_APPROVED", comment: "NA_APPROVED" },
  REJECT_NA: { action: "NA_REJECTED", comment: "NA_REJECTED" },
};

/**
 * A reviewer's step on an answer: accept (verify) or request changes on a met or partial answer,
 * approve or reject an N/A. The answer, its event and the step's words land in one transaction.
 * A step on an answer the team changed since the reviewer read it is refused: what was reviewed
 * is not what is stored. The step itself leaves the answer's revision as it is, since the
 * revision counts the team's changes (status and note).
 */
export async function decideOnAnswer(
  input: Unchecked<ReviewDecision>,
  actor: Principal | null,
  { today, at: dated }: { today: Day; at?: Date },
): Promise<void> {
  return getDb().$transaction(async (tx) => {
    const { service, item } = await findTarget(tx, input);
    if (!service) throw fail.notFound("validation.answer.service.invalid");
    authorize("reviewAnswers", actor);
    if (!item) throw fail.notFound("validation.answer.item.invalid");
    const at = await lockAnswer(tx, { serviceId: service.id, itemId: item.id }, dated);
    const answer = await tx.answer.findUnique({
      where: { serviceId_itemId: { serviceId: service.id, itemId: item.id } },
      include: { updatedBy: { select: { name: true } } },
    });
    if (!answer) throw fail.conflict("evidence.answerFirst");
    if (input.revision !== undefined && answer.revision !== input.revision)
      throw changedMeanwhile({ at: answer.updatedAt, name: answer.updatedBy.name });
    const naDecision = input.decision === "APPROVE_NA" || input.decision === "REJECT_NA";
    if (naDecision ? answer.status !== "NOT_APPLICABLE" : !canBeVerified(answer.status))
      throw fail.conflict("review.notReviewable");
    if (input.decision === "APPROVE_NA" && input.expiresOn && input.expiresOn < today)
      throw fail.invalid("validation.review.expiresOn.past", { field: "expiresOn" });

    const change: Prisma.AnswerUpdateInput =
      input.decision === "ACCEPT"
        ? { review: "VERIFIED" }
        : input.decision === "REQUEST_CHANGES"
          ? { review: "CHANGES_REQUESTED" }
          : input.decision === "APPROVE_NA"
            ? { naState: "APPROVED", naExpiresOn: input.expiresOn ? dateOfDay(input.expiresOn) : null }
            : { naState: "REJECTED", naExpiresOn: null };
    const updated = await tx.answer.update({
      where: { id: answer.id },
      data: { ...change, reviewedAt: at, reviewedBy: { connect: { id: actor.id } } },
    });
    const step = STEP[input.decision];
    await recordAnswerEvent(
      tx,
      actor,
      {
        serviceId: service.id,
        itemId: item.id,
        action: step.action,
        fromStatus: answer.status,
        toStatus: answer.status,
        note: answer.note,
        review: updated.review,
        naState: updated.naState,
        naExpiresOn: updated.naExpiresOn,
      },
      at,
    );
    await tx.answerComment.create({
      data: {
        serviceId: service.id,
        itemId: item.id,
        authorId: actor.id,
        kind: step.comment,
        body: input.comment,
        createdAt: at,
      },
    });
  });
}

export async function addComment(
  input: CommentInput,
  actor: Principal | null,
  { at = new Date() }: { at?: Date } = {},
): Promise<void> {
  return getDb().$transaction(async (tx) => {
    const { service, item } = await findTarget(tx, input);
    if (!service) throw fail.notFound("validation.answer.service.invalid");
    authorize("commentOnItem", actor, { teamId: service.teamId });
    if (!item) throw fail.notFound("validation.answer.item.invalid");
    const comment = await tx.answerComment.create({
      data: { serviceId: service.id, itemId: item.id, authorId: actor.id, body: input.body, createdAt: at },
    });
    await recordAudit(
      tx,
      actor,
      {
        kind: "comment.added",
        entityType: "comment",
        entityId: comment.id,
        serviceId: service.id,
        teamId: service.teamId,
        after: { item: input.itemKey, body: input.body },
      },
      at,
    );
  });
}

export async function listItemComments({ serviceId, itemId }: { serviceId: string; itemId: string }) {
  return getDb().answerComment.findMany({
    where: { serviceId, itemId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      body: true,
      createdAt: true,
      author: { select: { name: true, role: true } },
    },
  });
}

export const QUEUE_PAGE_SIZE = 50;

const queueRow = {
  id: true,
  status: true,
  note: true,
  review: true,
  naState: true,
  naExpiresOn: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
  service: { select: { slug: true, name: true, team: { select: { slug: true, name: true } } } },
  item: {
    select: {
      key: true,
      category: { select: { key: true, titleJa: true, titleEn: true } },
      versions: { orderBy: { version: "desc" }, take: 1, select: { textJa: true, textEn: true } },
    },
  },
} as const satisfies Prisma.AnswerSelect;

type QueueFilter = {
  teamSlug?: string;
  categoryKey?: string;
  serviceSlug?: string;
  staleBefore: Day;
  page?: number;
  sort?: QueueSort;
};

// Newest first puts a team's fresh answers on top, where a reviewer looks after a team's session.
const QUEUE_ORDER: Record<QueueSort, Prisma.Sql> = {
  newest: Prisma.sql`a.updated_at DESC, a.id DESC`,
  oldest: Prisma.sql`a.updated_at, a.id`,
  service: Prisma.sql`s.name, s.id, a.updated_at DESC, a.id DESC`,
};

// Which answers are in a queue is decided in SQL with the enum values written out: Prisma sends
// them as parameters cast to the enum, a cast PostgreSQL does not fold and so repeats for every
// answer (a third of the count's time with 55,000 answers). The page then walks answers oldest
// change first (or in the order asked) and stops at 50, where Prisma counted the stale evidence of every answer first.
function queueConditions({ teamSlug, categoryKey, serviceSlug, staleBefore }: QueueFilter, due: Prisma.Sql) {
  return Prisma.join(
    [
      ...(teamSlug ? [Prisma.sql`s.team_id = (SELECT id FROM teams WHERE slug = ${teamSlug})`] : []),
      ...(serviceSlug ? [Prisma.sql`s.slug = ${serviceSlug}`] : []),
      ...(categoryKey
        ? [Prisma.sql`i.category_id = (SELECT id FROM checklist_categories WHERE key = ${categoryKey})`]
        : []),
      Prisma.sql`i.retired_at IS NULL`,
      Prisma.sql`(${due} OR a.id IN (SELECT answer_id FROM evidence WHERE checked_on < ${staleBefore}::date))`,
    ],
    " AND ",
  );
}

/** One page of a queue (oldest change first unless sorted otherwise), with the total for the pager and each entry's stale evidence. */
async function queuePage(conditions: Prisma.Sql, { staleBefore, page = 1, sort = "oldest" }: QueueFilter) {
  const db = getDb();
  const from = Prisma.sql`FROM answers a JOIN services s ON s.id = a.service_id JOIN checklist_items i ON i.id = a.item_id WHERE ${conditions}`;
  const [[counted], pageRows] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from}`,
    db.$queryRaw<{ id: string; stale: number }[]>`
      SELECT p.id::text, (SELECT count(*)::int FROM evidence e WHERE e.answer_id = p.id AND e.checked_on < ${staleBefore}::date) AS stale
      FROM (SELECT a.id ${from} ORDER BY ${QUEUE_ORDER[sort]} LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${(page - 1) * QUEUE_PAGE_SIZE}) p`,
  ]);
  const rows = await db.answer.findMany({
    where: { id: { in: pageRows.map((row) => row.id) } },
    select: queueRow,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const entries = pageRows.flatMap((row) => {
    const entry = byId.get(row.id);
    return entry ? [{ ...entry, _count: { evidence: row.stale } }] : [];
  });
  return { total: counted?.total ?? 0, entries };
}

/** What reviewers have to look at: unverified met or partial answers, stale evidence and pending N/A; newest first unless sorted otherwise. */
export async function listReviewQueue(filter: QueueFilter) {
  return queuePage(
    queueConditions(
      filter,
      Prisma.sql`((a.status IN ('MET', 'PARTIAL') AND a.review <> 'VERIFIED') OR (a.status = 'NOT_APPLICABLE' AND a.na_state = 'PENDING'))`,
    ),
    { ...filter, sort: filter.sort ?? "newest" },
  );
}

/**
 * What an empty queue means: the filter matches no service, nothing in it has been answered yet,
 * or every answer in it is settled. Read only when the queue is empty.
 */
export async function summariseQueueScope({
  teamSlug,
  categoryKey,
  serviceSlug,
}: Pick<QueueFilter, "teamSlug" | "categoryKey" | "serviceSlug">) {
  const services = Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(teamSlug ? [Prisma.sql`s.team_id = (SELECT id FROM teams WHERE slug = ${teamSlug})`] : []),
      ...(serviceSlug ? [Prisma.sql`s.slug = ${serviceSlug}`] : []),
    ],
    " AND ",
  );
  const category = categoryKey
    ? Prisma.sql` AND i.category_id = (SELECT id FROM checklist_categories WHERE key = ${categoryKey})`
    : Prisma.empty;
  const [counted] = await getDb().$queryRaw<{ services: number; answers: number }[]>`
    SELECT (SELECT count(*)::int FROM services s WHERE ${services}) AS services,
      (SELECT count(*)::int FROM answers a JOIN services s ON s.id = a.service_id
        JOIN checklist_items i ON i.id = a.item_id
        WHERE ${services} AND i.retired_at IS NULL${category}) AS answers`;
  const { services: serviceCount = 0, answers = 0 } = counted ?? {};
  return serviceCount === 0 ? "noServices" : answers === 0 ? "nothingAnswered" : "allSettled";
}

/** What a team has to act on: requested changes, rejected or expired N/A, stale evidence. */
export async function listNeedsAttention(filter: QueueFilter & { teamIds?: readonly string[]; today: Day }) {
  const due = Prisma.sql`(a.review = 'CHANGES_REQUESTED'
    OR (a.status = 'NOT_APPLICABLE' AND a.na_state = 'REJECTED')
    OR (a.status = 'NOT_APPLICABLE' AND a.na_state = 'APPROVED' AND a.na_expires_on < ${filter.today}::date))`;
  const mine = filter.teamIds
    ? Prisma.sql` AND s.team_id = ANY(${[...filter.teamIds]}::uuid[])`
    : Prisma.empty;
  return queuePage(Prisma.sql`${queueConditions(filter, due)}${mine}`, filter);
}

export type QueueEntry = Awaited<ReturnType<typeof listReviewQueue>>["entries"][number];

/** Per team: stale evidence, N/A answers, and answers waiting on the team (as listNeedsAttention counts them). */
export async function summariseTeams({ staleBefore, today }: { staleBefore: Day; today: Day }) {
  return getDb().$queryRaw<
    {
      slug: string;
      name: string;
      services: number;
      stale_evidence: number;
      not_applicable: number;
      answers: number;
      needs_attention: number;
    }[]
  >`
    WITH stale AS (
      SELECT answer_id, count(*) AS pieces FROM evidence WHERE checked_on < ${staleBefore}::date GROUP BY answer_id
    ), per_team AS (
      SELECT s.team_id,
        count(*) AS answers,
        coalesce(sum(stale.pieces), 0) AS stale_evidence,
        count(*) FILTER (WHERE a.status = 'NOT_APPLICABLE' AND a.na_state = 'APPROVED' AND (a.na_expires_on IS NULL OR a.na_expires_on >= ${today}::date)) AS not_applicable,
        count(*) FILTER (WHERE a.review = 'CHANGES_REQUESTED'
          OR (a.status = 'NOT_APPLICABLE' AND a.na_state = 'REJECTED')
          OR (a.status = 'NOT_APPLICABLE' AND a.na_state = 'APPROVED' AND a.na_expires_on < ${today}::date)
          OR stale.pieces IS NOT NULL) AS needs_attention
      FROM answers a JOIN services s ON s.id = a.service_id LEFT JOIN stale ON stale.answer_id = a.id
      GROUP BY s.team_id
    )
    SELECT t.slug, t.name,
      (SELECT count(*) FROM services s WHERE s.team_id = t.id)::int AS services,
      coalesce(p.stale_evidence, 0)::int AS stale_evidence,
      coalesce(p.not_applicable, 0)::int AS not_applicable,
      coalesce(p.answers, 0)::int AS answers,
      coalesce(p.needs_attention, 0)::int AS needs_attention
    FROM teams t LEFT JOIN per_team p ON p.team_id = t.id
    ORDER BY t.name`;
}
