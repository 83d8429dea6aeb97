import { createHash } from "node:crypto";

import { dateOfDay, type Day } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { fail } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Principal } from "@/lib/permissions";
import { lockAnswer, recordAnswerEvent } from "@/lib/queries/answers";
import { recordAudit } from "@/lib/queries/audit";
import { claimRevision, type Unchecked } from "@/lib/queries/revisions";
import { reviewAfterTeamChange } from "@/lib/review";
import type { EvidenceAtRevision, EvidenceEdit, NewEvidenceInput } from "@/lib/validations/evidence";

const answerOfEvidence = {
  id: true,
  serviceId: true,
  itemId: true,
  status: true,
  note: true,
  review: true,
  naState: true,
  naExpiresOn: true,
  service: { select: { teamId: true } },
} as const satisfies Prisma.AnswerSelect;
type AnswerOfEvidence = Prisma.AnswerGetPayload<{ select: typeof answerOfEvidence }>;

// What the audit log keeps of a piece of evidence: never a file's bytes.
function auditSnapshot(
  evidence: { kind: string; url: string | null; title: string; body: string | null; checkedOn: Date },
  file?: { byteSize: number; contentType: string },
) {
  return {
    kind: evidence.kind,
    ...(evidence.url !== null ? { url: evidence.url } : {}),
    ...(evidence.title ? { title: evidence.title } : {}),
    ...(evidence.body !== null ? { body: evidence.body } : {}),
    ...(file ? { contentType: file.contentType, bytes: file.byteSize } : {}),
    checkedOn: evidence.checkedOn.toISOString().slice(0, 10),
  };
}

/**
 * Evidence changed under an answer: a verified answer is no longer verified (recorded as an
 * answer event, so verified scores can be recomputed), and requested changes count as answered.
 */
async function afterEvidenceChange(
  tx: Prisma.TransactionClient,
  actor: Principal,
  answer: AnswerOfEvidence,
  at: Date,
) {
  const review = reviewAfterTeamChange(answer.review);
  if (review === answer.review) return;
  await tx.answer.update({ where: { id: answer.id }, data: { review } });
  if (answer.review === "VERIFIED") {
    await recordAnswerEvent(
      tx,
      actor,
      {
        serviceId: answer.serviceId,
        itemId: answer.itemId,
        action: "LAPSED",
        fromStatus: answer.status,
        toStatus: answer.status,
        note: answer.note,
        review,
        naState: answer.naState,
        naExpiresOn: answer.naExpiresOn,
      },
      at,
    );
  }
}

/** Adds a link, a note or a file to an answer; the file's bytes are stored in the same transaction. */
export async function addEvidence(
  input: NewEvidenceInput,
  actor: Principal | null,
  { today, at: dated }: { today: Day; at?: Date },
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const service = await tx.service.findUnique({
      where: { id: input.serviceId },
      select: { id: true, teamId: true },
    });
    if (!service) throw fail.notFound("validation.answer.service.invalid");
    authorize("manageEvidence", actor, { teamId: service.teamId });
    const item = await tx.checklistItem.findUnique({
      where: { key: input.itemKey },
      select: { id: true, retiredAt: true },
    });
    if (!item || item.retiredAt) throw fail.notFound("validation.answer.item.invalid");
    const at = await lockAnswer(tx, { serviceId: service.id, itemId: item.id }, dated);
    const answer = await tx.answer.findUnique({
      where: { serviceId_itemId: { serviceId: service.id, itemId: item.id } },
      select: answerOfEvidence,
    });
    if (!answer) throw fail.conflict("evidence.answerFirst");
    const file = input.kind === "FILE" ? input.file : null;

    const evidence = await tx.evidence.create({
      data: {
        answerId: answer.id,
        kind: input.kind,
        url: input.kind === "LINK" ? input.url : null,
        title: input.kind === "LINK" ? input.title : (file?.name ?? ""),
        body: input.kind === "NOTE" ? input.body : null,
        createdById: actor.id,
        createdAt: at,
        checkedOn: dateOfDay(today),
        checkedById: actor.id,
      },
    });
    const stored = file
      ? await tx.evidenceFile.create({
          data: {
            evidenceId: evidence.id,
            contentType: file.contentType,
            byteSize: file.bytes.byteLength,
            sha256: createHash("sha256").update(file.bytes).digest("hex"),
            content: file.bytes as Uint8Array<ArrayBuffer>,
          },
          select: { byteSize: true, contentType: true },
        })
      : undefined;
    await afterEvidenceChange(tx, actor, answer, at);
    await recordAudit(
      tx,
      actor,
      {
        kind: "evidence.added",
        entityType: "evidence",
        entityId: evidence.id,
        serviceId: service.id,
        teamId: service.teamId,
        after: { item: input.itemKey, ...auditSnapshot(evidence, stored) },
      },
      at,
    );
    return { id: evidence.id };
  });
}

/**
 * A piece of evidence with its answer, read once that answer is locked (lockAnswer), so that the
 * answer's state it changes is the current one; and the moment of the change. Every change to a
 * piece takes this lock first, and its revision (claimRevision) after it, always in that order.
 */
async function lockedEvidence(tx: Prisma.TransactionClient, evidenceId: string, dated?: Date) {
  const keys = await tx.evidence.findUnique({
    where: { id: evidenceId },
    select: { answer: { select: { serviceId: true, itemId: true } } },
  });
  if (!keys) return null;
  const at = await lockAnswer(tx, keys.answer, dated);
  const evidence = await findEvidence(tx, evidenceId);
  return evidence ? { evidence, at } : null;
}

async function findEvidence(tx: Prisma.TransactionClient, evidenceId: string) {
  return tx.evidence.findUnique({
    where: { id: evidenceId },
    select: {
      id: true,
      kind: true,
      url: true,
      title: true,
      body: true,
      checkedOn: true,
      answer: { select: { ...answerOfEvidence, item: { select: { key: true } } } },
      file: { select: { byteSize: true, contentType: true } },
    },
  });
}

/**
 * Changes a link's address and title or a note's words. Saving what is already there writes
 * nothing; a change made since the form was read (lib/queries/revisions.ts) is refused.
 */
export async function updateEvidence(
  { revision, ...edit }: Unchecked<EvidenceEdit>,
  actor: Principal | null,
  { at: dated }: { at?: Date } = {},
): Promise<void> {
  return getDb().$transaction(async (tx) => {
    const locked = await lockedEvidence(tx, edit.evidenceId, dated);
    if (!locked) throw fail.notFound("validation.evidence.unknown");
    const { evidence, at } = locked;
    authorize("manageEvidence", actor, { teamId: evidence.answer.service.teamId });
    if (evidence.kind !== edit.kind) throw fail.notFound("validation.evidence.unknown");
    const data = edit.kind === "LINK" ? { url: edit.url, title: edit.title } : { body: edit.body };
    const before = auditSnapshot(evidence);
    const after = auditSnapshot({ ...evidence, ...data });
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await claimRevision(tx, "evidence", evidence.id, revision);
    await tx.evidence.update({ where: { id: evidence.id }, data });
    await afterEvidenceChange(tx, actor, evidence.answer, at);
    await recordAudit(
      tx,
      actor,
      {
        kind: "evidence.updated",
        entityType: "evidence",
        entityId: evidence.id,
        serviceId: evidence.answer.serviceId,
        teamId: evidence.answer.service.teamId,
        before: { item: evidence.answer.item.key, ...before },
        after: { item: evidence.answer.item.key, ...after },
      },
      at,
    );
  });
}

/**
 * Removes evidence; a file's bytes go with it (evidence_files cascades), in the same transaction.
 * A piece changed since the form was read is kept, and the removal refused.
 */
export async function removeEvidence(
  { evidenceId, revision }: Unchecked<EvidenceAtRevision>,
  actor: Principal | null,
  { at: dated }: { at?: Date } = {},
): Promise<void> {
  return getDb().$transaction(async (tx) => {
    const locked = await lockedEvidence(tx, evidenceId, dated);
    if (!locked) throw fail.notFound("validation.evidence.unknown");
    const { evidence, at } = locked;
    authorize("manageEvidence", actor, { teamId: evidence.answer.service.teamId });
    await claimRevision(tx, "evidence", evidence.id, revision);
    await tx.evidence.delete({ where: { id: evidence.id } });
    await afterEvidenceChange(tx, actor, evidence.answer, at);
    await recordAudit(
      tx,
      actor,
      {
        kind: "evidence.removed",
        entityType: "evidence",
        entityId: evidence.id,
        serviceId: evidence.answer.serviceId,
        teamId: evidence.answer.service.teamId,
        before: { item: evidence.answer.item.key, ...auditSnapshot(evidence, evidence.file ?? undefined) },
      },
      at,
    );
  });
}

/**
 * "Still valid": the evidence was checked again today. Its content is unchanged, so a verification
 * holds. Checked from a page read before someone else's change, it is refused: what was checked
 * is not what is stored.
 */
export async function renewEvidence(
  { evidenceId, revision }: Unchecked<EvidenceAtRevision>,
  actor: Principal | null,
  { today, at: dated }: { today: Day; at?: Date },
): Promise<void> {
  return getDb().$transaction(async (tx) => {
    const locked = await lockedEvidence(tx, evidenceId, dated);
    if (!locked) throw fail.notFound("validation.evidence.unknown");
    const { evidence, at } = locked;
    authorize("manageEvidence", actor, { teamId: evidence.answer.service.teamId });
    await claimRevision(tx, "evidence", evidence.id, revision);
    await tx.evidence.update({
      where: { id: evidence.id },
      data: { checkedOn: dateOfDay(today), checkedById: actor.id },
    });
    await recordAudit(
      tx,
      actor,
      {
        kind: "evidence.renewed",
        entityType: "evidence",
        entityId: evidence.id,
        serviceId: evidence.answer.serviceId,
        teamId: evidence.answer.service.teamId,
        before: { item: evidence.answer.item.key, checkedOn: evidence.checkedOn.toISOString().slice(0, 10) },
        after: { item: evidence.answer.item.key, checkedOn: today },
      },
      at,
    );
  });
}

/** A file with what is needed to decide who may read it. */
export async function getEvidenceFile({ evidenceId }: { evidenceId: string }) {
  return getDb().evidenceFile.findUnique({
    where: { evidenceId },
    select: {
      contentType: true,
      byteSize: true,
      content: true,
      evidence: { select: { title: true, answer: { select: { service: { select: { teamId: true } } } } } },
    },
  });
}

/** The evidence of one answer, oldest first, without file bytes. */
export async function listAnswerEvidence({ serviceId, itemId }: { serviceId: string; itemId: string }) {
  return getDb().evidence.findMany({
    where: { answer: { serviceId, itemId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      url: true,
      title: true,
      body: true,
      createdAt: true,
      checkedOn: true,
      // For the forms that change it (lib/queries/revisions.ts).
      revision: true,
      createdBy: { select: { name: true } },
      checkedBy: { select: { name: true } },
      file: { select: { contentType: true, byteSize: true } },
    },
  });
}

/** Stale evidence per service: checked before `before`. */
export async function countStaleEvidence({ serviceIds, before }: { serviceIds: string[]; before: Day }) {
  if (serviceIds.length === 0) return new Map<string, number>();
  const rows = await getDb().$queryRaw<{ service_id: string; stale: number }[]>`
    SELECT a.service_id::text, count(*)::int AS stale
    FROM evidence e JOIN answers a ON a.id = e.answer_id
    WHERE a.service_id = ANY(${serviceIds}::uuid[]) AND e.checked_on < ${before}::date
    GROUP BY a.service_id`;
  return new Map(rows.map((row) => [row.service_id, row.stale]));
}
