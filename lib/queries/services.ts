import { cache } from "react";

import { getDb } from "@/lib/db";
import { fail, uniqueAs } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Principal } from "@/lib/permissions";
import { recordAudit } from "@/lib/queries/audit";
import { claimRevision, type Unchecked } from "@/lib/queries/revisions";
import type { ServiceEdit, ServiceInput } from "@/lib/validations/service";

export const SERVICES_PAGE_SIZE = 50;

// Traits on offer, and retired ones the service already had (so an unrelated edit still saves).
async function traitsKnown(
  tx: Prisma.TransactionClient,
  traits: readonly string[],
  had: readonly string[] = [],
) {
  const found = await tx.trait.findMany({
    where: { key: { in: [...traits] } },
    select: { key: true, retiredAt: true },
  });
  return traits.every((key) =>
    found.some((trait) => trait.key === key && (!trait.retiredAt || had.includes(key))),
  );
}

export async function listServices({
  teamSlug,
  page = 1,
  pageSize = SERVICES_PAGE_SIZE,
}: {
  teamSlug?: string;
  page?: number;
  pageSize?: number;
}) {
  const where: Prisma.ServiceWhereInput = teamSlug ? { team: { slug: teamSlug } } : {};
  const db = getDb();
  const [total, services] = await Promise.all([
    db.service.count({ where }),
    db.service.findMany({
      where,
      orderBy: [{ name: "asc" }, { slug: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        slug: true,
        name: true,
        tier: true,
        traits: true,
        team: { select: { slug: true, name: true } },
        answers: { select: { itemId: true, status: true, review: true, naState: true, naExpiresOn: true } },
      },
    }),
  ]);
  return { total, services };
}

// Read by a page and by its metadata in the same request: once, through React's per-request cache.
export const getServiceBySlug = cache(async (slug: string) => {
  return getDb().service.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      tier: true,
      traits: true,
      teamId: true,
      revision: true,
      // Scores are compared only with moments after it (lib/dates.ts existedAt).
      createdAt: true,
      checklistVersion: { select: { number: true } },
      team: { select: { slug: true, name: true } },
    },
  });
});

const auditedFields = {
  name: true,
  slug: true,
  description: true,
  tier: true,
  traits: true,
  teamId: true,
  team: { select: { name: true } },
} as const;

// What the audit log keeps of a service: its editable fields, with the team by name too.
function auditSnapshot({ team, ...service }: Prisma.ServiceGetPayload<{ select: typeof auditedFields }>) {
  return { ...service, team: team.name };
}

async function teamExists(tx: Prisma.TransactionClient, teamId: string) {
  return Boolean(await tx.team.findUnique({ where: { id: teamId }, select: { id: true } }));
}

function writeOrSlugTaken<T>(write: () => Promise<T>): Promise<T> {
  return uniqueAs(write, () => fail.invalid("validation.service.slug.taken", { field: "slug" }));
}

export async function createService(input: ServiceInput, actor: Principal | null): Promise<{ slug: string }> {
  authorize("createService", actor, { teamId: input.teamId });
  return writeOrSlugTaken(() =>
    getDb().$transaction(async (tx) => {
      if (!(await teamExists(tx, input.teamId)))
        throw fail.invalid("validation.service.team.unknown", { field: "teamId" });
      if (!(await traitsKnown(tx, input.traits)))
        throw fail.invalid("validation.service.traits.invalid", { field: "traits" });
      // Measured against the checklist as last published.
      const version = await tx.checklistVersion.findFirst({
        orderBy: { number: "desc" },
        select: { id: true },
      });
      const service = await tx.service.create({
        data: { ...input, checklistVersionId: version?.id ?? null },
        select: { id: true, ...auditedFields },
      });
      await recordAudit(tx, actor, {
        kind: "service.created",
        entityType: "service",
        entityId: service.id,
        serviceId: service.id,
        teamId: service.teamId,
        after: auditSnapshot(service),
      });
      return { slug: service.slug };
    }),
  );
}

export async function updateService(
  id: string,
  { revision, ...input }: Unchecked<ServiceEdit>,
  actor: Principal | null,
): Promise<{ slug: string }> {
  return writeOrSlugTaken(() =>
    getDb().$transaction(async (tx) => {
      const before = await tx.service.findUnique({ where: { id }, select: auditedFields });
      if (!before) throw fail.notFound();
      authorize("editService", actor, { teamId: before.teamId, newTeamId: input.teamId });
      await claimRevision(tx, "service", id, revision);
      if (!(await teamExists(tx, input.teamId)))
        throw fail.invalid("validation.service.team.unknown", { field: "teamId" });
      if (!(await traitsKnown(tx, input.traits, before.traits)))
        throw fail.invalid("validation.service.traits.invalid", { field: "traits" });
      const after = await tx.service.update({ where: { id }, data: input, select: auditedFields });
      await recordAudit(tx, actor, {
        kind: "service.updated",
        entityType: "service",
        entityId: id,
        serviceId: id,
        teamId: after.teamId,
        before: auditSnapshot(before),
        after: auditSnapshot(after),
      });
      return { slug: after.slug };
    }),
  );
}

export async function listServiceNames() {
  return getDb().service.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, teamId: true },
  });
}
