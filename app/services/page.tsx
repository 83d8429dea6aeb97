import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { ServiceTable } from "@/components/services/service-table";
import { TeamFilter } from "@/components/services/team-filter";
import { Pager } from "@/components/ui/pager";
import { buttonPrimary, cardClass } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { getChecklist } from "@/lib/queries/checklist";
import { countStaleEvidence } from "@/lib/queries/evidence";
import { listServices, SERVICES_PAGE_SIZE } from "@/lib/queries/services";
import { listTeams } from "@/lib/queries/teams";
import { staleBefore } from "@/lib/review";
import { scoreAnswers } from "@/lib/scoring";
import { servicesQuerySchema } from "@/lib/validations/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("services"))("title") };
}

export default async function ServicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const mayCreate = user.role === "ADMIN" || (user.role !== "VIEWER" && user.teamIds.length > 0);
  const query = servicesQuerySchema.parse(await searchParams);
  const page = query.page ?? 1;
  const [t, teams, checklist, { total, services }] = await Promise.all([
    getTranslations("services"),
    listTeams(),
    getChecklist(),
    listServices({ teamSlug: query.team, page }),
  ]);
  const today = todayIn(env.TENKEN_TIME_ZONE);
  const stale = await countStaleEvidence({
    serviceIds: services.map((service) => service.id),
    before: staleBefore(today, env.TENKEN_EVIDENCE_STALE_DAYS),
  });
  const rows = services.map((service) => ({
    ...service,
    score: scoreAnswers(checklist, service.traits, service.answers, today).overall,
    staleEvidence: stale.get(service.id) ?? 0,
  }));
  const pages = Math.max(1, Math.ceil(total / SERVICES_PAGE_SIZE));

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          mayCreate && (
            <Link href="/services/new" className={buttonPrimary}>
              {t("create")}
            </Link>
          )
        }
      />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <TeamFilter teams={teams} selected={query.team} />
        <p className="text-sm text-slate-600" aria-live="polite">
          {t("count", { count: total })}
        </p>
      </div>
      {rows.length === 0 ? (
        <div className={`${cardClass} text-center`}>
          <h2 className="text-lg font-semibold">{query.team ? t("emptyFiltered") : t("emptyTitle")}</h2>
          {!query.team && <p className="mt-1 text-slate-600">{t("emptyBody")}</p>}
          {mayCreate && (
            <Link href="/services/new" className={`${buttonPrimary} mt-4`}>
              {t("create")}
            </Link>
          )}
        </div>
      ) : (
        <ServiceTable rows={rows} />
      )}
      <Pager page={page} pages={pages} query={{ team: query.team }} />
    </div>
  );
}
