import { hashPassword } from "better-auth/crypto";

import { getDb } from "@/lib/db";
import { fail, uniqueAs } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { authorize, type Principal } from "@/lib/permissions";
import { recordAudit } from "@/lib/queries/audit";
import { claimRevision } from "@/lib/queries/revisions";
import type { NewUserInput } from "@/lib/validations/user";

// The actor of the foundation's changes, before people signed in. A real row that can never
// sign in (it has no account), so those changes stay attributed to it.
export const LOCAL_USER_EMAIL = "local@tenken.invalid";

export type Actor = Principal;

export async function ensureLocalUser() {
  return getDb().user.upsert({
    where: { email: LOCAL_USER_EMAIL },
    update: {},
    create: { email: LOCAL_USER_EMAIL, name: "Local user", role: "VIEWER", isBuiltIn: true },
    select: { id: true, name: true },
  });
}

/** A user with what the permission rules need, or null when unknown, built-in or deactivated. */
export async function getPrincipal(userId: string): Promise<(Principal & { email: string }) | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      isBuiltIn: true,
      deactivatedAt: true,
      memberships: { select: { teamId: true } },
    },
  });
  if (!user || user.isBuiltIn || user.deactivatedAt) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamIds: user.memberships.map((membership) => membership.teamId),
  };
}

const auditedUserFields = { id: true, name: true, email: true, role: true, deactivatedAt: true } as const;

/** An account that signs in with email and password; the password is hashed by Better Auth. */
export async function createUser(
  input: NewUserInput,
  actor: Principal | null,
  { allowWithoutActor = false } = {},
): Promise<{ id: string }> {
  if (!allowWithoutActor) authorize("manageUsers", actor);
  const passwordHash = await hashPassword(input.password);
  return uniqueAs(
    () =>
      getDb().$transaction(async (tx) => {
        const user = await tx.user.create({
          data: { name: input.name, email: input.email, role: input.role },
          select: auditedUserFields,
        });
        await tx.account.create({
          data: { userId: user.id, providerId: "credential", accountId: user.id, password: passwordHash },
        });
        await recordAudit(tx, actor ?? user, {
          kind: "user.created",
          entityType: "user",
          entityId: user.id,
          after: userSnapshot(user),
        });
        return { id: user.id };
      }),
    () => fail.invalid("validation.user.email.taken", { field: "email" }),
  );
}

function userSnapshot(user: { name: string; email: string; role: string; deactivatedAt: Date | null }) {
  return { name: user.name, email: user.email, role: user.role, deactivated: user.deactivatedAt !== null };
}

// An organisation must keep someone who can manage it.
async function wouldLeaveNoAdmin(tx: Prisma.TransactionClient, userId: string) {
  const others = await tx.user.count({
    where: { role: "ADMIN", deactivatedAt: null, isBuiltIn: false, id: { not: userId } },
  });
  return others === 0;
}

export async function setUserRole(
  userId: string,
  role: UserRole,
  actor: Principal | null,
  { revision }: { revision?: number } = {},
): Promise<{ id: string }> {
  authorize("manageUsers", actor);
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { ...auditedUserFields, isBuiltIn: true },
    });
    if (!before || before.isBuiltIn) throw fail.notFound();
    if (before.role === role) return { id: userId };
    await claimRevision(tx, "user", userId, revision);
    if (before.role === "ADMIN" && !before.deactivatedAt && (await wouldLeaveNoAdmin(tx, userId)))
      throw fail.conflict("validation.user.role.lastAdmin", { field: "role" });
    const after = await tx.user.update({ where: { id: userId }, data: { role }, select: auditedUserFields });
    await recordAudit(tx, actor, {
      kind: "user.role_changed",
      entityType: "user",
      entityId: userId,
      before: userSnapshot(before),
      after: userSnapshot(after),
    });
    return { id: userId };
  });
}

/** Stops a person signing in and ends their sessions; what they did stays attributed to them. */
export async function setUserActive(
  userId: string,
  active: boolean,
  actor: Principal | null,
  { revision }: { revision?: number } = {},
): Promise<{ id: string }> {
  authorize("manageUsers", actor);
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { ...auditedUserFields, isBuiltIn: true },
    });
    if (!before || before.isBuiltIn) throw fail.notFound();
    if (active === !before.deactivatedAt) return { id: userId };
    await claimRevision(tx, "user", userId, revision);
    if (!active && userId === actor.id) throw fail.conflict("validation.user.deactivate.self");
    if (!active && before.role === "ADMIN" && (await wouldLeaveNoAdmin(tx, userId)))
      throw fail.conflict("validation.user.role.lastAdmin");
    const after = await tx.user.update({
      where: { id: userId },
      data: { deactivatedAt: active ? null : new Date() },
      select: auditedUserFields,
    });
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, {
      kind: active ? "user.reactivated" : "user.deactivated",
      entityType: "user",
      entityId: userId,
      before: userSnapshot(before),
      after: userSnapshot(after),
    });
    return { id: userId };
  });
}

export async function listUsers() {
  return getDb().user.findMany({
    where: { isBuiltIn: false },
    orderBy: [{ deactivatedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      deactivatedAt: true,
      createdAt: true,
      revision: true,
      accounts: { select: { providerId: true } },
      memberships: {
        orderBy: { team: { name: "asc" } },
        select: { team: { select: { id: true, slug: true, name: true } } },
      },
    },
  });
}

export async function countActiveAdmins() {
  return getDb().user.count({ where: { role: "ADMIN", deactivatedAt: null, isBuiltIn: false } });
}

/** People who can own work: active, signed-in users, by name. */
export async function listActiveUsers() {
  return getDb().user.findMany({
    where: { isBuiltIn: false, deactivatedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
