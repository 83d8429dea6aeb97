import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { ColumnHeaders } from "@/components/ui/column-headers";
import { describeAudit } from "@/lib/audit-sentences";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { getAuditNames, type AuditEntry } from "@/lib/queries/audit";

export async function AuditTable({
  entries,
  caption,
  showService = true,
}: {
  entries: AuditEntry[];
  caption: string;
  showService?: boolean;
}) {
  const [t, root, format, locale, names] = await Promise.all([
    getTranslations("audit"),
    getTranslations(),
    getFormatter(),
    getLocale(),
    getAuditNames(entries),
  ]);
  const context = {
    t: root,
    locale: locale as Locale,
    timeZone: env.TENKEN_TIME_ZONE,
    names,
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <ColumnHeaders
          look="caps"
          labels={[t("when"), t("actor"), t("kind"), ...(showService ? [t("service")] : []), t("what")]}
        />
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => {
            const { sentence, details } = describeAudit(entry, context);
            return (
              <tr key={entry.id} className="align-top">
                <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                  <time dateTime={entry.createdAt.toISOString()}>
                    {format.dateTime(entry.createdAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: env.TENKEN_TIME_ZONE,
                    })}
                  </time>
                </td>
                <td className="px-3 py-2">{entry.actorName}</td>
                <td className="px-3 py-2">{t(`kinds.${entry.kind}`)}</td>
                {showService && (
                  <td className="px-3 py-2">
                    {entry.serviceSlug ? (
                      <Link href={`/services/${entry.serviceSlug}`} className="text-blue-700 underline">
                        {entry.serviceName}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                )}
                <td className="px-3 py-2">
                  <p>{sentence}</p>
                  {details.length > 0 && (
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
                      {details.map((detail) => (
                        <div key={detail.field} className="contents">
                          <dt className="text-slate-500">{detail.label}</dt>
                          <dd>
                            {detail.before !== undefined && (
                              <del className="text-rose-800">{detail.before}</del>
                            )}
                            {detail.before !== undefined && detail.after !== undefined && " → "}
                            {detail.after !== undefined && (
                              <ins className="text-teal-800 no-underline">{detail.after}</ins>
                            )}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
