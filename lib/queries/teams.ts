import { getDb } from "@/lib/db";
import { fail, uniqueAs } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Principal } from "@/lib/permissions";
import { recordAudit } from "@/lib/queries/audit";
import { claimRevision } from "@/lib/queries/revisions";
import type { TeamInput } from "@/lib/validations/user";

export async function listTeams() {
  return getDb().team.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } });
}

export async function listTeamsWithMembers() {
  return getDb().team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      revision: true,
      _count: { select: { services: true } },
      memberships: {
        orderBy: { user: { name: "asc" } },
        select: { user: { select: { id: true, name: true, email: true, role: true, deactivatedAt: true } } },
      },
    },
  });
}

function slugTakenAsFieldError<T>(write: () => Promise<T>): Promise<T> {
  return uniqueAs(write, () => fail.invalid("validation.team.slug.taken", { field: "slug" }));
}

export async function createTeam(input: TeamInput, actor: Principal | null): Promise<{ id: string }> {
  authorize("manageTeams", actor);
  return slugTakenAsFieldError(() =>
    getDb().$transaction(async (tx) => {
      const team = await tx.team.create({
        data: input,
        select: { id: true, slug: true, name: true, description: true },
      });
      await recordAudit(tx, actor, {
        kind: "team.created",
        entityType: "team",
        entityId: team.id,
        teamId: team.id,
        after: { slug: team.slug, name: team.name, description: team.description },
      });
      return { id: team.id };
    }),
  );
}

export async function updateTeam(
  teamId: string,
  { revision, ...input }: TeamInput & { revision?: number },
  actor: Principal | null,
): Promise<{ id: string }> {
  authorize("manageTeams", actor);
  return slugTakenAsFieldError(() =>
    getDb().$transaction(async (tx) => {
      await claimRevision(tx, "team", teamId, revision);
      const before = await tx.team.findUnique({
        where: { id: teamId },
        select: { slug: true, name: true, description: true },
      });
      if (!before) throw fail.notFound();
      const after = await tx.team.update({
        where: { id: teamId },
        data: input,
        select: { slug: true, name: true, description: true },
      });
      await recordAudit(tx, actor, {
        kind: "team.updated",
        entityType: "team",
        entityId: teamId,
        teamId,
        before,
        after,
      });
      return { id: teamId };
    }),
  );
}

async function membershipParties(tx: Prisma.TransactionClient, teamId: string, userId: string) {
  const [team, user] = await Promise.all([
    tx.team.findUnique({ where: { id: teamId }, select: { name: true } }),
    tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true, isBuiltIn: true } }),
  ]);
  return team && user && !user.isBuiltIn ? { team: team.name, user: user.name, email: user.email } : null;
}

export async function addMembership(
  teamId: string,
  userId: string,
  actor: Principal | null,
): Promise<{ id: string }> {
  authorize("manageTeams", actor);
  return getDb().$transaction(async (tx) => {
    const parties = await membershipParties(tx, teamId, userId);
    if (!parties) throw fail.invalid("validation.membership.user.required", { field: "userId" });
    const added = await tx.teamMembership.createMany({ data: [{ teamId, userId }], skipDuplicates: true });
    if (added.count)
      await recordAudit(tx, actor, {
        kind: "membership.added",
        entityType: "membership",
        entityId: `${teamId}:${userId}`,
        teamId,
        after: parties,
      });
    return { id: teamId };
  });
}

export async function removeMembership(
  teamId: string,
  userId: string,
  actor: Principal | null,
): Promise<{ id: string }> {
  authorize("manageTeams", actor);
  return getDb().$transaction(async (tx) => {
    const parties = await membershipParties(tx, teamId, userId);
    const removed = await tx.teamMembership.deleteMany({ where: { teamId, userId } });
    if (removed.count && parties)
      await recordAudit(tx, actor, {
        kind: "membership.removed",
        entityType: "membership",
        entityId: `${teamId}:${userId}`,
        teamId,
        before: parties,
      });
    return { id: teamId };
  });
}
