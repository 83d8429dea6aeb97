import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { HistoryList } from "@/components/assessment/history-list";
import { AuditTable } from "@/components/audit/audit-table";
import { requireUser } from "@/lib/auth/session";
import { HISTORY_LIMIT, listAnswerEvents } from "@/lib/queries/answers";
import { listAuditLog } from "@/lib/queries/audit";
import { getServiceBySlug } from "@/lib/queries/services";

const SERVICE_AUDIT_LIMIT = 50;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [service, t] = await Promise.all([getServiceBySlug((await params).slug), getTranslations()]);
  return { title: service ? t("assessment.historyPageTitle", { service: service.name }) : undefined };
}

/**
 * A service's history, apart from its assessment: the assessment page is opened every week to
 * answer, and shows only the latest few changes, so that reading it stays cheap.
 */
export default async function ServiceHistoryPage({ params }: Props) {
  const { slug } = await params;
  await requireUser();
  const [service, t] = await Promise.all([getServiceBySlug(slug), getTranslations()]);
  if (!service) notFound();
  const [events, auditEntries] = await Promise.all([
    listAnswerEvents({ serviceId: service.id }),
    listAuditLog({ serviceId: service.id, take: SERVICE_AUDIT_LIMIT }),
  ]);
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href={`/services/${service.slug}`} className="text-blue-800 underline">
            {t("assessment.backToService", { service: service.name })}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">
          {t("assessment.historyPageTitle", { service: service.name })}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t("assessment.historyPageIntro")}</p>
      </header>
      <HistoryList events={events} limit={HISTORY_LIMIT} />
      <section aria-labelledby="service-audit" className="space-y-3">
        <h2 id="service-audit" className="text-lg font-semibold">
          {t("audit.serviceTitle")}
        </h2>
        {auditEntries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("audit.emptyService")}</p>
        ) : (
          <AuditTable entries={auditEntries} caption={t("audit.serviceTitle")} showService={false} />
        )}
      </section>
    </div>
  );
}
