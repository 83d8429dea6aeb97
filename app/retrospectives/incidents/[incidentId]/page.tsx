import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";

import { PageHeader } from "@/components/layout/page-header";
import { IncidentForm } from "@/components/retrospective/incident-form";
import { ActionForm } from "@/components/ui/action-form";
import { cardClass } from "@/components/ui/styles";
import { deleteIncidentAction } from "@/lib/actions/retrospectives";
import { requireUser } from "@/lib/auth/session";
import { dayOf, todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { can } from "@/lib/permissions";
import { quarterOf, quarterParam } from "@/lib/quarters";
import { getIncident, listIncidentCauses } from "@/lib/queries/incidents";
import { listServiceNames } from "@/lib/queries/services";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { incidentIdSchema } from "@/lib/validations/retrospective";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retrospective"))("edit") };
}

export default async function IncidentPage({ params }: { params: Promise<{ incidentId: string }> }) {
  const user = await requireUser();
  const parsed = incidentIdSchema.safeParse(await params);
  const incident = parsed.success ? await getIncident(parsed.data.incidentId) : null;
  if (!incident) notFound();
  if (!can.changeIncident(user, { teamIds: incident.services.map((entry) => entry.service.teamId) }))
    forbidden();
  const [t, causes, services, startMonth] = await Promise.all([
    getTranslations(),
    listIncidentCauses(),
    listServiceNames(),
    getFiscalStartMonth(),
  ]);
  const isReviewer = can.reviewAnswers(user);
  const named = new Set(incident.services.map((entry) => entry.service.id));
  // The services it names stay offered, so correcting the summary never drops another team's service.
  const offered = services.filter(
    (service) => isReviewer || named.has(service.id) || can.answerItems(user, { teamId: service.teamId }),
  );
  const back = `/retrospectives?quarter=${quarterParam(quarterOf(dayOf(incident.occurredOn), startMonth))}`;

  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader
        title={t("retrospective.editIncidentTitle", { day: dayOf(incident.occurredOn) })}
        back={{ href: back, label: t("retrospective.backToRetro") }}
      >
        <p className="text-sm text-slate-600">
          {t("retrospective.recordedBy")}: {incident.recordedBy.name}
        </p>
      </PageHeader>
      <section className={cardClass} aria-label={t("retrospective.saveIncident")}>
        <IncidentForm
          incident={incident}
          causes={causes}
          services={offered}
          today={todayIn(env.TENKEN_TIME_ZONE)}
        />
      </section>
      <section className={`${cardClass} space-y-2`} aria-labelledby="delete-incident">
        <h2 id="delete-incident" className="font-semibold">
          {t("retrospective.deleteIncident")}
        </h2>
        <p className="text-sm text-slate-600">{t("retrospective.deleteIncidentHint")}</p>
        <ActionForm
          action={deleteIncidentAction}
          hidden={{ incidentId: incident.id, back, revision: String(incident.revision) }}
          formLabel={t("retrospective.deleteIncident")}
          submitLabel={t("retrospective.deleteIncident")}
          secondary
        />
      </section>
    </div>
  );
}
