import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { cardClass } from "@/components/ui/styles";
import { pick, type Locale } from "@/lib/i18n/config";
import type { Assessment } from "@/lib/queries/assessment";

/**
 * A service's answer changes, newest first. When `limit` were read there may be more: `more` says
 * where they are (a link), or else the list says it shows only the latest.
 */
export function HistoryList({
  events,
  limit,
  more,
}: {
  events: Assessment["events"];
  limit: number;
  more?: ReactNode;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const locale = useLocale() as Locale;
  return (
    <section aria-labelledby="history-heading" className={cardClass}>
      <h2 id="history-heading" className="text-lg font-semibold">
        {t("assessment.historyTitle")}
      </h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("assessment.historyEmpty")}</p>
      ) : (
        <ol className="mt-3 space-y-3 text-sm">
          {events.map((event) => {
            const item = pick(locale, { ja: event.itemVersion.textJa, en: event.itemVersion.textEn });
            const values = {
              actor: event.actor.name,
              item,
              to: t(`status.${event.toStatus}`),
              from: event.fromStatus ? t(`status.${event.fromStatus}`) : "",
            };
            // Review steps read as what the reviewer did; the team's saves as what changed.
            const sentence =
              event.action !== "SAVED"
                ? t(`assessment.historyReview.${event.action}`, values)
                : !event.fromStatus
                  ? t("assessment.historyAnswered", values)
                  : event.fromStatus === event.toStatus
                    ? t("assessment.historyUpdated", values)
                    : t("assessment.historyChanged", values);
            return (
              <li key={event.id.toString()} className="border-l-2 border-slate-200 pl-3">
                <p>{sentence}</p>
                <p className="text-xs text-slate-500">
                  <time dateTime={event.createdAt.toISOString()}>
                    {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                  {event.links.length > 0 && (
                    <span className="ml-2">
                      {t("assessment.historyLinks", { count: event.links.length })}
                    </span>
                  )}
                </p>
                {event.action === "SAVED" && event.note && (
                  <p className="mt-1 whitespace-pre-line text-slate-700">
                    {t("assessment.historyNote", { note: event.note })}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {more ??
        (events.length >= limit && (
          <p className="mt-3 text-xs text-slate-500">{t("assessment.historyLatest", { count: limit })}</p>
        ))}
    </section>
  );
}
