import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { ColumnHeaders } from "@/components/ui/column-headers";
import { dayOf } from "@/lib/dates";
import type { IncidentRow } from "@/lib/queries/incidents";
import type { Retrospective } from "@/lib/retrospective/load";

/** The quarter's incidents, oldest first, with an edit link where the person may correct them. */
export function IncidentTable({
  incidents,
  canEdit,
}: {
  incidents: IncidentRow[];
  canEdit: (incident: IncidentRow) => boolean;
}) {
  const t = useTranslations("retrospective");
  const locale = useLocale();
  if (incidents.length === 0) return <p className="text-sm text-slate-600">{t("noIncidents")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <ColumnHeaders
          labels={[
            t("occurredOn"),
            t("severity"),
            t("services"),
            t("cause"),
            t("summary"),
            <span key="edit" className="sr-only">
              {t("edit")}
            </span>,
          ]}
        />
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.id} className="border-b border-slate-100 align-top">
              <td className="whitespace-nowrap px-2 py-1.5">
                <time dateTime={dayOf(incident.occurredOn)}>{dayOf(incident.occurredOn)}</time>
              </td>
              <td className="whitespace-nowrap px-2 py-1.5">{t(`severities.${incident.severity}`)}</td>
              <td className="px-2 py-1.5">
                {incident.services.map((entry, index) => (
                  <span key={entry.service.id}>
                    {index > 0 && ", "}
                    <Link href={`/services/${entry.service.slug}`} className="text-blue-700 underline">
                      {entry.service.name}
                    </Link>
                  </span>
                ))}
              </td>
              <td className="px-2 py-1.5">
                {locale === "ja" ? incident.cause.nameJa : incident.cause.nameEn}
              </td>
              <td className="max-w-md whitespace-pre-line px-2 py-1.5">{incident.summary}</td>
              <td className="px-2 py-1.5">
                {canEdit(incident) && (
                  <Link
                    href={`/retrospectives/incidents/${incident.id}`}
                    className="text-blue-700 underline"
                    aria-label={`${t("edit")}: ${dayOf(incident.occurredOn)} ${incident.summary.slice(0, 40)}`}
                  >
                    {t("edit")}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The quarter's incidents per cause next to the previous quarter's, with the difference. */
export function CauseCounts({
  rows,
  quarter,
  previous,
}: {
  rows: Retrospective["incidentsByCause"];
  quarter: string;
  previous: string;
}) {
  const t = useTranslations("retrospective");
  const locale = useLocale();
  return (
    <table className="min-w-full text-left text-sm">
      <caption className="sr-only">{t("byCauseCaption", { quarter, previous })}</caption>
      <thead className="border-b border-slate-200 text-slate-700">
        <tr>
          <th scope="col" className="px-2 py-1.5">
            {t("cause")}
          </th>
          <th scope="col" className="px-2 py-1.5 text-right">
            {quarter}
          </th>
          <th scope="col" className="px-2 py-1.5 text-right">
            {previous}
          </th>
          <th scope="col" className="px-2 py-1.5 text-right">
            {t("change")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.cause.id} className="border-b border-slate-100">
            <th scope="row" className="px-2 py-1.5 font-normal">
              {locale === "ja" ? row.cause.nameJa : row.cause.nameEn}
            </th>
            <td className="px-2 py-1.5 text-right tabular-nums">{row.count}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{row.previous}</td>
            <td
              className={`px-2 py-1.5 text-right tabular-nums ${row.delta > 0 ? "font-semibold text-red-800" : row.delta < 0 ? "text-teal-800" : "text-slate-600"}`}
            >
              {row.delta > 0 ? `+${row.delta}` : row.delta}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
