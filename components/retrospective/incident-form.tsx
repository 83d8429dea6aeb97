import { useLocale, useTranslations } from "next-intl";

import { ActionForm } from "@/components/ui/action-form";
import { recordIncidentAction, updateIncidentAction } from "@/lib/actions/retrospectives";
import { dayOf } from "@/lib/dates";
import type { IncidentRow } from "@/lib/queries/incidents";
import { INCIDENT_SEVERITIES } from "@/lib/validations/retrospective";

type Props = {
  causes: { id: string; nameEn: string; nameJa: string }[];
  services: { id: string; name: string }[];
  today: string;
  // Editing an incident: its current values (and the revision they were read at), and its cause
  // even when that cause is retired.
  incident?: IncidentRow;
};

/** Records an incident, or corrects one: date, severity, services, cause and summary. */
export function IncidentForm({ causes, services, today, incident }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const causeOptions = [
    ...causes,
    ...(incident && !causes.some((cause) => cause.id === incident.cause.id) ? [incident.cause] : []),
  ];
  return (
    <ActionForm
      action={incident ? updateIncidentAction : recordIncidentAction}
      hidden={incident ? { incidentId: incident.id, revision: String(incident.revision) } : {}}
      formLabel={incident ? t("retrospective.saveIncident") : t("retrospective.recordIncidentTitle")}
      submitLabel={incident ? t("retrospective.saveIncident") : t("retrospective.recordIncident")}
      fields={[
        {
          name: "occurredOn",
          label: t("retrospective.occurredOn"),
          type: "date",
          defaultValue: incident ? dayOf(incident.occurredOn) : today,
          required: true,
        },
        {
          name: "severity",
          label: t("retrospective.severity"),
          type: "select",
          defaultValue: incident?.severity ?? "SEV3",
          options: INCIDENT_SEVERITIES.map((severity) => ({
            value: severity,
            label: t(`retrospective.severities.${severity}`),
          })),
        },
        {
          name: "serviceIds",
          label: t("retrospective.services"),
          type: "multiselect",
          hint: t("retrospective.servicesHint"),
          defaultValues:
            incident?.services.map((entry) => entry.service.id) ??
            (services.length === 1 ? [services[0]!.id] : []),
          options: services.map((service) => ({ value: service.id, label: service.name })),
          required: true,
        },
        {
          name: "causeId",
          label: t("retrospective.cause"),
          type: "select",
          defaultValue: incident?.cause.id ?? "",
          options: [
            { value: "", label: "—" },
            ...causeOptions.map((cause) => ({
              value: cause.id,
              label: locale === "ja" ? cause.nameJa : cause.nameEn,
            })),
          ],
          required: true,
        },
        {
          name: "summary",
          label: t("retrospective.summary"),
          type: "textarea",
          rows: 3,
          defaultValue: incident?.summary ?? "",
          required: true,
        },
      ]}
    />
  );
}
