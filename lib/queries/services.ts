import { getDb } from "@/lib/db";
import { uniqueAsFieldError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Principal } from "@/lib/permissions";
import { recordAudit } from "@/lib/queries/audit";
import type { ServiceInput } from "@/lib/validations/service";

export const SERVICES_PAGE_SIZE = 50;

export type ServiceWriteResult =
  | { ok: true; slug: string }
  | { ok: false; field: "slug" | "teamId" | "traits"; key: string }
  | { ok: false; notFound: true };

const TEAM_UNKNOWN = { ok: false, field: "teamId", key: "validation.service.team.unknown" } as const;
const TRAIT_UNKNOWN = { ok: false, field: "traits", key: "validation.service.traits.invalid" } as const;

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

export async function getServiceBySlug(slug: string) {
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
      checklistVersion: { select: { number: true } },
      team: { select: { slug: true, name: true } },
    },
  });
}

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

function writeOrSlugTaken(write: () => Promise<ServiceWriteResult>): Promise<ServiceWriteResult> {
  return uniqueAsFieldError(write, "slug", "validation.service.slug.taken");
}

export async function createService(
  input: ServiceInput,
  actor: Principal | null,
): Promise<ServiceWriteResult> {
  authorize("createService", actor, { teamId: input.teamId });
  return writeOrSlugTaken(() =>
    getDb().$transaction(async (tx) => {
      if (!(await teamExists(tx, input.teamId))) return TEAM_UNKNOWN;
      if (!(await traitsKnown(tx, input.traits))) return TRAIT_UNKNOWN;
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
      return { ok: true, slug: service.slug } as const;
    }),
  );
}

export async function updateService(
  id: string,
  input: ServiceInput,
  actor: Principal | null,
): Promise<ServiceWriteResult> {
  return writeOrSlugTaken(() =>
    getDb().$transaction(async (tx) => {
      const before = await tx.service.findUnique({ where: { id }, select: auditedFields });
      if (!before) return { ok: false, notFound: true } as const;
      authorize("editService", actor, { teamId: before.teamId, newTeamId: input.teamId });
      if (!(await teamExists(tx, input.teamId))) return TEAM_UNKNOWN;
      if (!(await traitsKnown(tx, input.traits, before.traits))) return TRAIT_UNKNOWN;
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
      return { ok: true, slug: after.slug } as const;
    }),
  );
}

export async function listServiceNames() {
  return getDb().service.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, teamId: true },
  });
}
