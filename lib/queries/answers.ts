import { getDb } from "@/lib/db";
import type { AnswerStatus } from "@/lib/generated/prisma/enums";
import { authorize, type Principal } from "@/lib/permissions";
import type { AnswerInput } from "@/lib/validations/answer";

export type SaveAnswerResult = { outcome: "saved" | "unchanged" | "unknown-item" | "unknown-service" };

function sameLinks(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((link) => b.includes(link));
}

/**
 * Records an answer: the current answer, its evidence links and an immutable event, all in
 * one transaction. Saving what is already there records nothing.
 */
export async function saveAnswer(input: AnswerInput, actor: Principal | null, { at = new Date() }: { at?: Date } = {}): Promise<SaveAnswerResult> {
  return getDb().$transaction(async (tx) => {
    const [service, item] = await Promise.all([
      tx.service.findUnique({ where: { id: input.serviceId }, select: { id: true, teamId: true } }),
      tx.checklistItem.findUnique({
        where: { key: input.itemKey },
        select: { id: true, retiredAt: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true } } },
      }),
    ]);
    if (!service) return { outcome: "unknown-service" };
    authorize("answerItems", actor, { teamId: service.teamId });
    const version = item?.versions[0];
    if (!item || item.retiredAt || !version) return { outcome: "unknown-item" };

    const key = { serviceId_itemId: { serviceId: service.id, itemId: item.id } };
    const existing = await tx.answer.findUnique({
      where: key,
      select: { id: true, status: true, note: true, evidence: { where: { kind: "LINK" }, select: { id: true, url: true } } },
    });
    const existingLinks = existing?.evidence.flatMap((evidence) => (evidence.url ? [evidence.url] : [])) ?? [];
    if (existing && existing.status === input.status && existing.note === input.note && sameLinks(existingLinks, input.links)) {
      return { outcome: "unchanged" };
    }

    const answer = await tx.answer.upsert({
      where: key,
      create: { serviceId: service.id, itemId: item.id, status: input.status, note: input.note, updatedAt: at, updatedById: actor.id },
      update: { status: input.status, note: input.note, updatedAt: at, updatedById: actor.id },
      select: { id: true },
    });
    const removed = existing?.evidence.filter((evidence) => !evidence.url || !input.links.includes(evidence.url)) ?? [];
    if (removed.length) await tx.evidence.deleteMany({ where: { id: { in: removed.map((evidence) => evidence.id) } } });
    const added = input.links.filter((link) => !existingLinks.includes(link));
    if (added.length) {
      await tx.evidence.createMany({
        data: added.map((url) => ({ answerId: answer.id, kind: "LINK" as const, url, createdById: actor.id, createdAt: at })),
      });
    }
    await tx.answerEvent.create({
      data: {
        serviceId: service.id,
        itemId: item.id,
        itemVersionId: version.id,
        fromStatus: existing?.status ?? null,
        toStatus: input.status,
        note: input.note,
        links: input.links,
        actorId: actor.id,
        createdAt: at,
      },
    });
    return { outcome: "saved" };
  });
}

export async function getServiceAnswers({ serviceId }: { serviceId: string }) {
  return getDb().answer.findMany({
    where: { serviceId },
    select: {
      itemId: true,
      status: true,
      note: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
      evidence: { orderBy: { createdAt: "asc" }, select: { id: true, url: true, title: true } },
    },
  });
}

export const HISTORY_LIMIT = 50;

export async function listAnswerEvents({ serviceId, take = HISTORY_LIMIT }: { serviceId: string; take?: number }) {
  return getDb().answerEvent.findMany({
    where: { serviceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      links: true,
      createdAt: true,
      actor: { select: { name: true } },
      item: { select: { key: true } },
      itemVersion: { select: { textJa: true, textEn: true } },
    },
  });
}

/** Each item's status as it stood at `at`: the latest event at or before that moment. */
export async function getAnswerStatusesAt({ serviceId, at }: { serviceId: string; at: Date }) {
  const rows = await getDb().$queryRaw<{ item_id: string; to_status: AnswerStatus }[]>`
    SELECT DISTINCT ON (item_id) item_id::text, to_status::text AS to_status
    FROM answer_events
    WHERE service_id = ${serviceId}::uuid AND created_at <= ${at}
    ORDER BY item_id, created_at DESC, id DESC`;
  return new Map(rows.map((row) => [row.item_id, row.to_status]));
}
