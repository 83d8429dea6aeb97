import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { StatusLabel } from "@/components/assessment/status-label";
import { AnswerBadges } from "@/components/review/answer-badges";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { dayOf } from "@/lib/dates";
import { env } from "@/lib/env";
import { pick, type Locale } from "@/lib/i18n/config";
import type { QueueEntry } from "@/lib/queries/review";

/** Answers to look at, each linking to its item page where the evidence and the conversation are. */
export async function QueueTable({
  entries,
  caption,
  today,
}: {
  entries: QueueEntry[];
  caption: string;
  today: string;
}) {
  const [t, format, locale] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <ColumnHeaders
          look="card"
          labels={[
            t("review.columns.item"),
            t("review.columns.service"),
            t("review.columns.answer"),
            t("review.columns.state"),
            t("review.columns.changed"),
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => {
            const text = pick(locale, {
              ja: entry.item.versions[0]?.textJa ?? entry.item.key,
              en: entry.item.versions[0]?.textEn ?? entry.item.key,
            });
            return (
              <tr key={entry.id} className="align-top">
                <th scope="row" className="max-w-md px-4 py-2 text-left font-medium">
                  <Link
                    href={`/services/${entry.service.slug}/items/${entry.item.key}`}
                    className="text-blue-800 hover:underline"
                  >
                    {text}
                  </Link>
                  <span className="block text-xs font-normal text-slate-500">
                    {pick(locale, { ja: entry.item.category.titleJa, en: entry.item.category.titleEn })}
                  </span>
                </th>
                <td className="px-4 py-2">
                  {entry.service.name}
                  <span className="block text-xs text-slate-500">{entry.service.team.name}</span>
                </td>
                <td className="px-4 py-2">
                  <StatusLabel status={entry.status} />
                </td>
                <td className="px-4 py-2">
                  <AnswerBadges
                    review={entry.review}
                    status={entry.status}
                    naState={entry.naState}
                    naExpired={Boolean(entry.naExpiresOn && dayOf(entry.naExpiresOn) < today)}
                    staleCount={entry._count.evidence}
                  />
                </td>
                <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                  {entry.updatedBy.name}
                  <time className="block text-xs" dateTime={entry.updatedAt.toISOString()}>
                    {format.dateTime(entry.updatedAt, {
                      dateStyle: "medium",
                      timeZone: env.TENKEN_TIME_ZONE,
                    })}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
