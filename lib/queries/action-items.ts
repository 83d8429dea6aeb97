import { FINISHED } from "@/lib/action-items";
import { dateOfDay, dayOf } from "@/lib/dates";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActionItemStatus } from "@/lib/generated/prisma/enums";
import { authorize, type Principal } from "@/lib/permissions";
import type { Quarter } from "@/lib/quarters";
import { recordAudit } from "@/lib/queries/audit";
import type { MeetingWriteResult } from "@/lib/queries/incidents";
import type { ActionItemEdit, NewActionItemInput } from "@/lib/validations/meeting";

const actionSelect = {
  id: true,
  title: true,
  dueOn: true,
  status: true,
  closedAt: true,
  createdAt: true,
  raisedForStartsOn: true,
  raisedForEndsOn: true,
  team: { select: { id: true, slug: true, name: true } },
  owner: { select: { id: true, name: true } },
  raisedBy: { select: { name: true } },
  service: { select: { id: true, slug: true, name: true } },
  item: { select: { id: true, key: true } },
} as const satisfies Prisma.ActionItemSelect;

export type ActionItemRow = Prisma.ActionItemGetPayload<{ select: typeof actionSelect }>;

/**
 * The action items a quarter's retrospective shows: those it raised, and those raised earlier
 * that were still open when it began (carried over). `from` is the quarter's first instant.
 */
export async function listActionItemsFor({
  quarter,
  from,
  teamId,
}: {
  quarter: Pick<Quarter, "start">;
  from: Date;
  teamId?: string;
}) {
  const rows = await getDb().actionItem.findMany({
    where: {
      ...(teamId ? { teamId } : {}),
      raisedForStartsOn: { lte: dateOfDay(quarter.start) },
      OR: [{ raisedForStartsOn: dateOfDay(quarter.start) }, { closedAt: null }, { closedAt: { gte: from } }],
    },
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    select: actionSelect,
  });
  return rows.map((row) => ({ ...row, carriedOver: dayOf(row.raisedForStartsOn) < quarter.start }));
}

export async function getActionItem(actionItemId: string) {
  return getDb().actionItem.findUnique({ where: { id: actionItemId }, select: actionSelect });
}

const actionSnapshot = (action: ActionItemRow) => ({
  title: action.title,
  team: action.team.slug,
  owner: action.owner.name,
  dueOn: dayOf(action.dueOn),
  status: action.status,
  ...(action.service ? { service: action.service.slug } : {}),
  ...(action.item ? { item: action.item.key } : {}),
});

type Fields = Omit<NewActionItemInput, "quarter">;

/** The rows an action item points at, or the error to show next to the field that names a missing one. */
async function checkReferences(
  tx: Prisma.TransactionClient,
  input: Fields,
  { keepOwnerId }: { keepOwnerId?: string } = {},
) {
  const [team, owner, service, item] = await Promise.all([
    tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } }),
    tx.user.findUnique({
      where: { id: input.ownerId },
      select: { id: true, isBuiltIn: true, deactivatedAt: true },
    }),
    input.serviceId ? tx.service.findUnique({ where: { id: input.serviceId }, select: { id: true } }) : null,
    input.itemKey
      ? tx.checklistItem.findUnique({ where: { key: input.itemKey }, select: { id: true } })
      : null,
  ]);
  if (!team)
    return { error: { ok: false, field: "teamId", key: "validation.action.team.required" } as const };
  // Someone deactivated since stays the owner of what they had, until it is handed over.
  if (!owner || owner.isBuiltIn || (owner.deactivatedAt && owner.id !== keepOwnerId))
    return { error: { ok: false, field: "ownerId", key: "validation.action.owner.required" } as const };
  if (input.serviceId && !service)
    return { error: { ok: false, field: "serviceId", key: "validation.action.service.invalid" } as const };
  if (input.itemKey && !item)
    return { error: { ok: false, field: "itemKey", key: "validation.action.item.invalid" } as const };
  return {
    data: {
      title: input.title,
      teamId: team.id,
      ownerId: owner.id,
      dueOn: dateOfDay(input.dueOn),
      serviceId: service?.id ?? null,
      itemId: item?.id ?? null,
    },
  };
}

export async function createActionItem(
  input: Fields,
  quarter: Pick<Quarter, "start" | "end">,
  actor: Principal | null,
): Promise<MeetingWriteResult> {
  return getDb().$transaction(async (tx) => {
    authorize("manageActionItem", actor, { teamId: input.teamId });
    const checked = await checkReferences(tx, input);
    if (checked.error) return checked.error;
    const action = await tx.actionItem.create({
      data: {
        ...checked.data,
        raisedForStartsOn: dateOfDay(quarter.start),
        raisedForEndsOn: dateOfDay(quarter.end),
        raisedById: actor.id,
      },
      select: actionSelect,
    });
    await recordAudit(tx, actor, {
      kind: "action_item.created",
      entityType: "action_item",
      entityId: action.id,
      teamId: action.team.id,
      serviceId: action.service?.id,
      after: actionSnapshot(action),
    });
    return { ok: true, id: action.id } as const;
  });
}

/** Changes an action item; a change of status to or from done/cancelled sets or clears when it closed. */
export async function updateActionItem(
  actionItemId: string,
  change: Omit<ActionItemEdit, "actionItemId"> | { status: ActionItemStatus },
  actor: Principal | null,
  { at = new Date() } = {},
): Promise<MeetingWriteResult> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.actionItem.findUnique({ where: { id: actionItemId }, select: actionSelect });
    if (!before) return { ok: false, notFound: true } as const;
    const fields = "title" in change ? change : null;
    authorize("manageActionItem", actor, { teamId: before.team.id, newTeamId: fields?.teamId });
    const checked = fields ? await checkReferences(tx, fields, { keepOwnerId: before.owner.id }) : null;
    if (checked?.error) return checked.error;
    const finished = FINISHED.includes(change.status);
    const closedAt = finished ? (FINISHED.includes(before.status) ? before.closedAt : at) : null;
    const after = await tx.actionItem.update({
      where: { id: actionItemId },
      data: { ...checked?.data, status: change.status, closedAt },
      select: actionSelect,
    });
    const [beforeSnapshot, afterSnapshot] = [actionSnapshot(before), actionSnapshot(after)];
    if (JSON.stringify(beforeSnapshot) !== JSON.stringify(afterSnapshot)) {
      await recordAudit(
        tx,
        actor,
        {
          kind: "action_item.updated",
          entityType: "action_item",
          entityId: actionItemId,
          teamId: after.team.id,
          serviceId: after.service?.id,
          before: beforeSnapshot,
          after: afterSnapshot,
        },
        at,
      );
    }
    return { ok: true, id: actionItemId } as const;
  });
}
