import { minuteIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { fail } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// Every form that edits something existing carries the revision it was read at. A save takes the
// row at that revision or not at all: two people saving the same thing at once are one success and
// one conflict, never one silent overwrite of the other.

type Tx = Prisma.TransactionClient;

/**
 * A write's input whose revision may be left out: by tenken's own writers that mean what they
 * write whatever is there (the demo data, imports, tests). Every form's schema requires one. Taken
 * one member at a time, so that an input of several kinds (a link or a note) keeps each one's fields.
 */
export type Unchecked<Input extends { revision: number }> = Input extends unknown
  ? Omit<Input, "revision"> & { revision?: number }
  : never;
type Claim = (tx: Tx, id: string, revision: number | undefined) => Promise<{ count: number }>;
type Lookup = (tx: Tx, id: string) => Promise<{ revision: number } | null>;

const next = { revision: { increment: 1 } } as const;
const revision = { revision: true } as const;

// How each kind of thing (as the audit log calls it) is taken at a revision, and looked up.
const REVISIONED = {
  service: {
    claim: (tx, id, revision) => tx.service.updateMany({ where: { id, revision }, data: next }),
    find: (tx, id) => tx.service.findUnique({ where: { id }, select: revision }),
  },
  team: {
    claim: (tx, id, revision) => tx.team.updateMany({ where: { id, revision }, data: next }),
    find: (tx, id) => tx.team.findUnique({ where: { id }, select: revision }),
  },
  user: {
    claim: (tx, id, revision) => tx.user.updateMany({ where: { id, revision }, data: next }),
    find: (tx, id) => tx.user.findUnique({ where: { id }, select: revision }),
  },
  evidence: {
    claim: (tx, id, revision) => tx.evidence.updateMany({ where: { id, revision }, data: next }),
    find: (tx, id) => tx.evidence.findUnique({ where: { id }, select: revision }),
  },
  incident: {
    claim: (tx, id, revision) => tx.incident.updateMany({ where: { id, revision }, data: next }),
    find: (tx, id) => tx.incident.findUnique({ where: { id }, select: revision }),
  },
  action_item: {
    claim: (tx, id, revision) => tx.actionItem.updateMany({ where: { id, revision }, data: next }),
    find: (tx, id) => tx.actionItem.findUnique({ where: { id }, select: revision }),
  },
} satisfies Record<string, { claim: Claim; find: Lookup }>;

export type Revisioned = keyof typeof REVISIONED;

/** The refusal of a save from a page read before `name`'s change at `at`. */
export function changedMeanwhile(change: { at: Date; name: string }) {
  return fail.conflict("validation.revision.conflict", {
    values: { name: change.name, time: minuteIn(change.at, env.TENKEN_TIME_ZONE) },
  });
}

/**
 * Takes the row a write changes, if it is still at the revision the person's page was read at:
 * its revision moves on, and the row stays locked until the write commits, so a second save of the
 * same revision waits and then finds it taken. Call it first in the write's transaction. A change
 * made since is refused naming who made it and when (from the audit log, which every such change
 * writes to); a row that is gone is not found. Without a revision (Unchecked), it moves on all the
 * same, so that forms read before this write are refused too.
 */
export async function claimRevision(
  tx: Tx,
  entityType: Revisioned,
  id: string,
  revision: number | undefined,
) {
  const { count } = await REVISIONED[entityType].claim(tx, id, revision);
  if (count === 1) return;
  if (!(await REVISIONED[entityType].find(tx, id))) throw fail.notFound();
  const latest = await tx.auditEvent.findFirst({
    where: { entityType, entityId: id },
    orderBy: { id: "desc" },
    select: { createdAt: true, actor: { select: { name: true } } },
  });
  throw latest
    ? changedMeanwhile({ at: latest.createdAt, name: latest.actor.name })
    : fail.conflict("validation.revision.stale");
}
