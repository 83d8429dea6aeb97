import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";

import { deleteIncidentAction } from "@/app/retrospectives/actions";
import { IncidentForm } from "@/components/retrospective/incident-form";
import { ActionForm } from "@/components/ui/action-form";
import { cardClass } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/session";
import { dayOf, todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { can } from "@/lib/permissions";
import { quarterOf } from "@/lib/quarters";
import { getIncident, listIncidentCauses } from "@/lib/queries/incidents";
import { listServiceNames } from "@/lib/queries/services";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { quarterParam } from "@/lib/retrospective";
import { incidentIdSchema } from "@/lib/validations/meeting";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meeting"))("edit") };
}

export default async function IncidentPage({ params }: { params: Promise<{ incidentId: string }> }) {
  const user = await requireUser();
  const parsed = incidentIdSchema.safeParse(await params);
  const incident = parsed.success ? await getIncident(parsed.data.incidentId) : null;
  if (!incident) notFound();
  if (!can.recordIncident(user, { teamIds: incident.services.map((entry) => entry.service.teamId) }))
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
      <div>
        <Link href={back} className="text-sm text-blue-700 underline">
          {t("meeting.backToRetro")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">
          {t("meeting.editIncidentTitle", { day: dayOf(incident.occurredOn) })}
        </h1>
        <p className="text-sm text-slate-600">
          {t("meeting.recordedBy")}: {incident.recordedBy.name}
        </p>
      </div>
      <section className={cardClass} aria-label={t("meeting.saveIncident")}>
        <IncidentForm
          incident={incident}
          causes={causes}
          services={offered}
          today={todayIn(env.TENKEN_TIME_ZONE)}
        />
      </section>
      <section className={`${cardClass} space-y-2`} aria-labelledby="delete-incident">
        <h2 id="delete-incident" className="font-semibold">
          {t("meeting.deleteIncident")}
        </h2>
        <p className="text-sm text-slate-600">{t("meeting.deleteIncidentHint")}</p>
        <ActionForm
          action={deleteIncidentAction}
          hidden={{ incidentId: incident.id, back }}
          formLabel={t("meeting.deleteIncident")}
          submitLabel={t("meeting.deleteIncident")}
          secondary
        />
      </section>
    </div>
  );
}
