import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { ActionForm } from "@/components/ui/action-form";
import { buttonSecondary, cardClass, hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { closeQuarterAction, reopenQuarterAction } from "@/lib/actions/quarters";
import { addDays, dateOfDay } from "@/lib/dates";
import { can, type Principal } from "@/lib/permissions";
import { quarterName, quarterParam, type Quarter } from "@/lib/quarters";
import { previewQuarterClose } from "@/lib/read-models/quarter-snapshots";
import type { Trend } from "@/lib/read-models/trends";

type Props = {
  user: Principal;
  trend: Trend;
  // The quarter chosen to close ("2026-Q3"), whose confirmation is shown; the one just closed or reopened.
  choice?: string;
  closed?: string;
  reopened?: string;
};

/**
 * Closing a quarter in two steps: choose one (ended and not closed, the most recent first), then
 * read what it freezes and confirm. The steps are pages (a search parameter), so they work without
 * JavaScript. Admins can reopen a closed quarter, with a reason.
 */
export async function QuarterClosing({ user, trend, choice, closed, reopened }: Props) {
  const t = await getTranslations();
  const closable = [...trend.closable].reverse();
  const chosen = closable.find((quarter) => quarterParam(quarter) === choice);
  const closedQuarters = trend.points.filter((point) => point.closed).reverse();
  const named = (param: string | undefined) => {
    const match = param?.match(/^(\d{4})-Q([1-4])$/);
    return match ? quarterName(t, { fiscalYear: Number(match[1]), quarter: Number(match[2]) as 1 }) : "";
  };
  return (
    <>
      {can.closeQuarters(user) && (
        <section aria-labelledby="close-heading" className={`${cardClass} space-y-3`}>
          <h2 id="close-heading" className="text-lg font-semibold">
            {t("trends.closeTitle")}
          </h2>
          {(closed || reopened) && (
            <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-900">
              {closed
                ? t("trends.closedNotice", { quarter: named(closed) })
                : t("trends.reopenedNotice", { quarter: named(reopened) })}
            </p>
          )}
          <p className="text-sm text-slate-600">{t("trends.closeHelp")}</p>
          {chosen ? (
            <CloseConfirmation user={user} quarter={chosen} />
          ) : closable.length === 0 ? (
            <p className="text-sm text-slate-700">{t("trends.nothingToClose")}</p>
          ) : (
            <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("trends.closeTitle")}>
              <div>
                <label htmlFor="close" className={labelClass}>
                  {t("trends.closeChoose")}
                </label>
                <select
                  id="close"
                  name="close"
                  className={`${inputClass} mt-1`}
                  aria-describedby="close-hint"
                >
                  {closable.map((quarter) => (
                    <option key={quarter.start} value={quarterParam(quarter)}>
                      {quarterName(t, quarter)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className={buttonSecondary}>
                {t("trends.closeReview")}
              </button>
              <p id="close-hint" className={`${hintClass} w-full`}>
                {t("trends.closeChooseHint")}
              </p>
            </form>
          )}
        </section>
      )}
      {can.reopenQuarters(user) && (
        <section aria-labelledby="reopen-heading" className={`${cardClass} space-y-3`}>
          <h2 id="reopen-heading" className="text-lg font-semibold">
            {t("trends.reopenTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("trends.reopenHelp")}</p>
          {closedQuarters.length === 0 ? (
            <p className="text-sm text-slate-700">{t("trends.nothingToReopen")}</p>
          ) : (
            <div className="max-w-xl">
              <ActionForm
                action={reopenQuarterAction}
                formLabel={t("trends.reopenTitle")}
                submitLabel={t("trends.reopenButton")}
                secondary
                fields={[
                  {
                    name: "quarter",
                    label: t("trends.reopenQuarter"),
                    type: "select",
                    options: closedQuarters.map((point) => ({
                      value: quarterParam(point.quarter),
                      label: quarterName(t, point.quarter),
                    })),
                  },
                  { name: "reason", label: t("trends.reopenReason"), type: "textarea", required: true },
                ]}
              />
            </div>
          )}
        </section>
      )}
    </>
  );
}

/** What closing `quarter` freezes, read before it is confirmed. */
async function CloseConfirmation({ user, quarter }: { user: Principal; quarter: Quarter }) {
  const [t, format, preview] = await Promise.all([
    getTranslations(),
    getFormatter(),
    previewQuarterClose(quarter, user),
  ]);
  const name = quarterName(t, quarter);
  const day = (value: string) => format.dateTime(dateOfDay(value), { dateStyle: "medium", timeZone: "UTC" });
  const score = (value: { average: number } | null) => (value ? `${value.average}%` : "—");
  const cell = "px-2 py-1.5";
  return (
    <div
      role="group"
      aria-labelledby="confirm-heading"
      className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4"
    >
      <h3 id="confirm-heading" className="font-semibold">
        {t("trends.confirmTitle", { quarter: name })}
      </h3>
      <p className="text-sm">{t("trends.confirmIntro")}</p>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("trends.confirmDates")}</dt>
        <dd>
          {t("trends.confirmDatesValue", { start: day(quarter.start), end: day(addDays(quarter.end, -1)) })}
        </dd>
        <dt className="font-medium">{t("trends.confirmServices")}</dt>
        <dd>{preview.services}</dd>
        <dt className="font-medium">{t("trends.confirmDeclared")}</dt>
        <dd>{score(preview.declared)}</dd>
        <dt className="font-medium">{t("trends.confirmVerified")}</dt>
        <dd>{score(preview.verified)}</dd>
      </dl>
      {preview.teams.length > 0 && (
        <div className="overflow-x-auto">
          <table className="min-w-full bg-white text-sm">
            <caption className="sr-only">{t("trends.confirmTeamsCaption", { quarter: name })}</caption>
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className={cell}>
                  {t("trends.confirmTeam")}
                </th>
                <th scope="col" className={cell}>
                  {t("trends.confirmServices")}
                </th>
                <th scope="col" className={cell}>
                  {t("trends.columns.declared")}
                </th>
                <th scope="col" className={cell}>
                  {t("trends.columns.verified")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.teams.map((team) => (
                <tr key={team.name}>
                  <th scope="row" className={`${cell} text-left font-medium`}>
                    {team.name}
                  </th>
                  <td className={cell}>{team.services}</td>
                  <td className={cell}>{score(team.declared)}</td>
                  <td className={cell}>{score(team.verified)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex flex-wrap items-start gap-2">
        <ActionForm
          action={closeQuarterAction}
          hidden={{ fiscalYear: String(quarter.fiscalYear), quarter: String(quarter.quarter) }}
          formLabel={t("trends.confirmTitle", { quarter: name })}
          submitLabel={t("trends.confirmButton", { quarter: name })}
          layout="inline"
        />
        <Link href="/trends" className={buttonSecondary}>
          {t("trends.cancel")}
        </Link>
      </div>
    </div>
  );
}
