import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/layout/page-header";
import { FilterForm } from "@/components/ui/filter-form";
import { FilterSelect } from "@/components/ui/filter-select";
import { buttonSecondary, cardClass, inputClass, labelClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { startOfDayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { AUDIT_KINDS, AUDIT_PAGE_SIZE, listAuditActors, listAuditLog } from "@/lib/queries/audit";
import { getServiceBySlug, listServiceNames } from "@/lib/queries/services";
import { listTeams } from "@/lib/queries/teams";
import { auditQuerySchema } from "@/lib/validations/audit";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("browseAuditLog");
  const query = auditQuerySchema.parse(await searchParams);
  const [t, actors, services, teams] = await Promise.all([
    getTranslations("audit"),
    listAuditActors(),
    listServiceNames(),
    listTeams(),
  ]);
  const service = query.service ? await getServiceBySlug(query.service) : null;
  const team = teams.find((candidate) => candidate.slug === query.team);
  const entries = await listAuditLog({
    actorId: query.actor,
    serviceId: service?.id ?? (query.service ? "00000000-0000-0000-0000-000000000000" : undefined),
    teamId: team?.id ?? (query.team ? "00000000-0000-0000-0000-000000000000" : undefined),
    kind: query.kind,
    from: query.from ? startOfDayIn(query.from, env.TENKEN_TIME_ZONE) : undefined,
    to: query.to ? startOfDayIn(query.to, env.TENKEN_TIME_ZONE, 1) : undefined,
  });

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <FilterForm
        applyLabel={t("filter")}
        pendingLabel={t("updating")}
        className={`${cardClass} grid gap-4 sm:grid-cols-3 lg:grid-cols-6`}
        role="search"
        aria-label={t("filter")}
      >
        <FilterSelect
          name="actor"
          label={t("actor")}
          anyLabel={t("allActors")}
          value={query.actor}
          options={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
        />
        <FilterSelect
          name="service"
          label={t("service")}
          anyLabel={t("allServices")}
          value={query.service}
          options={services.map((candidate) => ({ value: candidate.slug, label: candidate.name }))}
        />
        <FilterSelect
          name="team"
          label={t("team")}
          anyLabel={t("allTeams")}
          value={query.team}
          options={teams.map((candidate) => ({ value: candidate.slug, label: candidate.name }))}
        />
        <FilterSelect
          name="kind"
          label={t("kind")}
          anyLabel={t("allKinds")}
          value={query.kind}
          options={AUDIT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
        <div>
          <label htmlFor="from" className={labelClass}>
            {t("from")}
          </label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={query.from ?? ""}
            className={`${inputClass} mt-1`}
          />
        </div>
        <div>
          <label htmlFor="to" className={labelClass}>
            {t("to")}
          </label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={query.to ?? ""}
            className={`${inputClass} mt-1`}
          />
        </div>
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <Link href="/audit" className={buttonSecondary}>
            {t("reset")}
          </Link>
        </div>
      </FilterForm>
      {entries.length === 0 ? (
        <p className={`${cardClass} text-center text-slate-700`}>{t("empty")}</p>
      ) : (
        <>
          {entries.length === AUDIT_PAGE_SIZE && (
            <p className="text-sm text-slate-600">{t("showing", { count: AUDIT_PAGE_SIZE })}</p>
          )}
          <AuditTable entries={entries} caption={t("title")} />
        </>
      )}
    </div>
  );
}
