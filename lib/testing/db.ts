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

/** What a refused write must leave exactly as it was: every table a write can touch, summed up. */
export async function fingerprint() {
  const rows = await getDb().$queryRaw<{ fingerprint: string }[]>`
    SELECT concat_ws('|',
      (SELECT count(*) FROM services), (SELECT max(updated_at) FROM services),
      (SELECT count(*) FROM answers), (SELECT count(*) FROM answer_events), (SELECT count(*) FROM audit_events),
      (SELECT count(*) FROM users), (SELECT max(updated_at) FROM users), (SELECT string_agg(id::text || role::text || coalesce(deactivated_at::text, ''), ',' ORDER BY id) FROM users),
      (SELECT count(*) FROM teams), (SELECT max(updated_at) FROM teams), (SELECT count(*) FROM team_memberships),
      (SELECT string_agg(id::text || coalesce(body, '') || checked_on::text, ',' ORDER BY id) FROM evidence), (SELECT count(*) FROM evidence_files),
      (SELECT string_agg(id::text || review::text || coalesce(na_state::text, ''), ',' ORDER BY id) FROM answers), (SELECT count(*) FROM answer_comments), (SELECT string_agg(key || value, ',' ORDER BY key) FROM instance_settings WHERE key LIKE 'fiscal.%'),
      (SELECT count(*) FROM quarter_closes), (SELECT count(*) FROM quarter_snapshots), (SELECT count(*) FROM quarter_reopenings),
      (SELECT string_agg(id::text || summary || updated_at::text, ',' ORDER BY id) FROM incidents), (SELECT count(*) FROM incident_services),
      (SELECT string_agg(id::text || title || status::text || updated_at::text, ',' ORDER BY id) FROM action_items),
      (SELECT string_agg(id::text || version::text, ',' ORDER BY id) FROM retrospective_notes),
      (SELECT string_agg(id::text || name_en || name_ja || position::text || coalesce(retired_at::text, ''), ',' ORDER BY id) FROM incident_causes),
      (SELECT string_agg(checklist_id::text || revision::text, ',') FROM checklist_drafts), (SELECT count(*) FROM checklist_versions),
      (SELECT string_agg(key || name_en || coalesce(retired_at::text, ''), ',' ORDER BY key) FROM traits)) AS fingerprint`;
  return rows[0]!.fingerprint;
}
