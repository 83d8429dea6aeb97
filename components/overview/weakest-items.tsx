import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { pick, type Locale } from "@/lib/i18n/config";
import type { Overview } from "@/lib/read-models/overview";

/** The items most often not met where they apply, each opening onto the services concerned. */
export function WeakestItems({
  weakest,
  query,
}: {
  weakest: Overview["weakest"];
  query: Record<string, string>;
}) {
  const t = useTranslations("overview");
  const locale = useLocale() as Locale;
  if (weakest.length === 0) return <p className="text-sm text-slate-600">{t("weakestEmpty")}</p>;
  return (
    <ol className="space-y-2">
      {weakest.map((entry) => {
        const text = pick(locale, { ja: entry.item.textJa, en: entry.item.textEn });
        return (
          <li key={entry.key} className="rounded border border-slate-200 bg-white p-3">
            <details>
              <summary className="cursor-pointer">
                <span className="font-medium">{text}</span>{" "}
                <span className="text-sm text-slate-600">
                  {t("weakestRate", {
                    notMet: entry.notMet,
                    applicable: entry.applicable,
                    percent: entry.ratePercent,
                  })}
                </span>
              </summary>
              <ul
                className="mt-2 flex flex-wrap gap-2 text-sm"
                aria-label={t("weakestServices", { item: text })}
              >
                {entry.services.map((service) => (
                  <li key={service.slug}>
                    <Link
                      href={`/services/${service.slug}/items/${entry.item.key}`}
                      className="text-blue-700 underline"
                    >
                      {service.name}
                    </Link>
                  </li>
                ))}
                {entry.otherServices > 0 && (
                  <li>
                    <Link
                      href={{ pathname: "/overview", query: { ...query, failing: entry.item.key } }}
                      className="text-blue-700 underline"
                    >
                      {t("weakestOthers", { count: entry.otherServices })}
                    </Link>
                  </li>
                )}
              </ul>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
