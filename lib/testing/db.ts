import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";

import { closeDb, getConnection, getDb } from "@/lib/db";
import { databaseTarget } from "@/lib/env";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { Principal } from "@/lib/permissions";
import { ensureFoundation } from "@/lib/queries/setup";
import { applyMigrations } from "@/lib/schema-engine";

/** Migrates the test database and loads the foundation once per file, and closes it afterwards. */
export function setUpTestDatabase() {
  beforeAll(async () => {
    await applyMigrations(databaseTarget(), getConnection());
    await ensureFoundation();
  });
  afterAll(async () => {
    await closeDb();
  });
  return getDb;
}

/** A unique suffix, so tests never collide on slugs or names. */
export function unique(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createTestTeam() {
  const slug = unique("team");
  return getDb().team.create({
    data: { slug, name: `Team ${slug}` },
    select: { id: true, slug: true, name: true },
  });
}

/** A real user of the given role and teams, as the permission rules see them. */
export async function createTestUser(role: UserRole, teamIds: string[] = []): Promise<Principal> {
  const name = unique(role.toLowerCase());
  const user = await getDb().user.create({
    data: {
      name,
      email: `${name}@test.tenken.example`,
      role,
      memberships: { create: teamIds.map((teamId) => ({ teamId })) },
    },
    select: { id: true, name: true, role: true },
  });
  return { ...user, teamIds };
}

export function createTestAdmin() {
  return createTestUser("ADMIN");
}
