import { FINISHED } from "@/lib/action-items";
import { dateOfDay, dayOf } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { fail } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Principal } from "@/lib/permissions";
import type { Quarter } from "@/lib/quarters";
import { recordAudit } from "@/lib/queries/audit";
import { claimRevision, type Unchecked } from "@/lib/queries/revisions";
import type {
  ActionItemEdit,
  ActionItemStatusChange,
  NewActionItemInput,
} from "@/lib/validations/retrospective";

const actionSelect = {
  id: true,
  title: true,
  dueOn: true,
  status: true,
  closedAt: true,
  createdAt: true,
  // What its edit and status forms carry (lib/queries/revisions.ts).
  revision: true,
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

/**
 * The rows an action item points at; refused, next to its field, when one is missing or is not
 * the team's: the service must be one of the team's, and the owner one of its members.
 */
async function checkReferences(
  tx: Prisma.TransactionClient,
  input: Fields,
  { keepOwnerId }: { keepOwnerId?: string } = {},
) {
  const [team, owner, membership, service, item] = await Promise.all([
    tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } }),
    tx.user.findUnique({
      where: { id: input.ownerId },
      select: { id: true, isBuiltIn: true, deactivatedAt: true },
    }),
    tx.teamMembership.findUnique({
      where: { teamId_userId: { teamId: input.teamId, userId: input.ownerId } },
      select: { userId: true },
    }),
    input.serviceId
      ? tx.service.findUnique({ where: { id: input.serviceId }, select: { id: true, teamId: true } })
      : null,
    input.itemKey
      ? tx.checklistItem.findUnique({ where: { key: input.itemKey }, select: { id: true } })
      : null,
  ]);
  if (!team) throw fail.invalid("validation.action.team.required", { field: "teamId" });
  // Someone deactivated since stays the owner of what they had, until it is handed over.
  if (!owner || owner.isBuiltIn || (owner.deactivatedAt && owner.id !== keepOwnerId))
    throw fail.invalid("validation.action.owner.required", { field: "ownerId" });
  // As above, an owner who has left the team since stays the owner until it is handed over.
  if (!membership && owner.id !== keepOwnerId)
    throw fail.invalid("validation.action.owner.notMember", { field: "ownerId" });
  if (input.serviceId && !service)
    throw fail.invalid("validation.action.service.invalid", { field: "serviceId" });
  if (service && service.teamId !== team.id)
    throw fail.invalid("validation.action.service.otherTeam", { field: "serviceId" });
  if (input.itemKey && !item) throw fail.invalid("validation.action.item.invalid", { field: "itemKey" });
  return {
    title: input.title,
    teamId: team.id,
    ownerId: owner.id,
    dueOn: dateOfDay(input.dueOn),
    serviceId: service?.id ?? null,
    itemId: item?.id ?? null,
  };
}

export async function createActionItem(
  input: Fields,
  quarter: Pick<Quarter, "start" | "end">,
  actor: Principal | null,
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    authorize("manageActionItem", actor, { teamId: input.teamId });
    const references = await checkReferences(tx, input);
    const action = await tx.actionItem.create({
      data: {
        ...references,
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
    return { id: action.id };
  });
}

/** All of an action item from its page, or its status from the retrospective's table. */
type ActionItemChange =
  Unchecked<Omit<ActionItemEdit, "actionItemId">> | Unchecked<Omit<ActionItemStatusChange, "actionItemId">>;

/**
 * Changes an action item, all of it or only its status, as it was at the revision its page was
 * read at; a change of status to or from done/cancelled sets or clears when it closed.
 */
export async function updateActionItem(
  actionItemId: string,
  { revision, ...change }: ActionItemChange,
  actor: Principal | null,
  { at = new Date() } = {},
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.actionItem.findUnique({ where: { id: actionItemId }, select: actionSelect });
    if (!before) throw fail.notFound();
    const fields = "title" in change ? change : null;
    authorize("manageActionItem", actor, { teamId: before.team.id, newTeamId: fields?.teamId });
    await claimRevision(tx, "action_item", actionItemId, revision);
    const references = fields ? await checkReferences(tx, fields, { keepOwnerId: before.owner.id }) : null;
    const finished = FINISHED.includes(change.status);
    const closedAt = finished ? (FINISHED.includes(before.status) ? before.closedAt : at) : null;
    const after = await tx.actionItem.update({
      where: { id: actionItemId },
      data: { ...references, status: change.status, closedAt },
      select: actionSelect,
    });
    const [beforeSnapshot, afterSnapshot] = [actionSnapshot(before), actionSnapshot(after)];
    if (JSON.stringify(beforeSnapshot) === JSON.stringify(afterSnapshot)) {
      // Nothing changed, so nothing is logged: the revision is given back, or pages read before
      // this save would be refused for a change the audit log cannot name. Nobody saw it taken.
      await tx.actionItem.update({ where: { id: actionItemId }, data: { revision: { decrement: 1 } } });
      return { id: actionItemId };
    }
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
    return { id: actionItemId };
  });
}
