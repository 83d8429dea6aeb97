import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Fragment } from "react";

import { heatClass } from "@/components/overview/heat-cell";
import { pick, type Locale } from "@/lib/i18n/config";
import { quarterName } from "@/lib/quarters";
import type { Trend } from "@/lib/read-models/trends";

/** The trend's numbers, quarter by quarter: the table behind the chart, and its accessible form. */
export function TrendTable({ trend, caption }: { trend: Trend; caption: string }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const cell = (value: number | null | undefined) => (
    <td className={heatClass(value ?? null)}>{value === null || value === undefined ? "—" : `${value}%`}</td>
  );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-2 py-2 font-semibold">
              {t("trends.columns.quarter")}
            </th>
            <th scope="col" className="px-2 py-2 text-center font-semibold">
              {t("trends.columns.declared")}
            </th>
            <th scope="col" className="px-2 py-2 text-center font-semibold">
              {t("trends.columns.verified")}
            </th>
            {trend.checklist.map((category) => (
              <th
                key={category.key}
                scope="col"
                className="min-w-24 px-2 py-2 text-center text-xs font-semibold"
              >
                {pick(locale, { ja: category.titleJa, en: category.titleEn })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-white">
          {trend.points.map((point) => (
            <tr key={point.quarter.start}>
              <th scope="row" className="whitespace-nowrap px-2 py-1.5 text-left font-medium">
                {quarterName(t, point.quarter)}
                <span className="block text-xs font-normal text-slate-500">
                  {point.closed
                    ? t("trends.closedMark")
                    : point.current
                      ? t("trends.openMark")
                      : t("trends.notClosedMark")}
                </span>
                {point.reopened && (
                  <span className="block max-w-64 whitespace-normal text-xs font-normal text-amber-900">
                    {t("trends.reopenedMark", {
                      date: format.dateTime(point.reopened.reopenedAt, { dateStyle: "medium" }),
                      name: point.reopened.reopenedBy.name,
                      reason: point.reopened.reason,
                    })}
                  </span>
                )}
                {point.checklistVersions.map((number) => (
                  <span key={number} className="block text-xs font-normal text-blue-800">
                    {t("checklistEditor.versionMark", { number })}
                  </span>
                ))}
              </th>
              {cell(point.overall?.average)}
              {cell(point.verified?.average)}
              {trend.checklist.map((category) => (
                <Fragment key={category.key}>{cell(point.categories[category.key]?.average)}</Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
