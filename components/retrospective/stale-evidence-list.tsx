import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { CHANGES_SHOWN } from "@/components/retrospective/change-list";
import { evidenceName, staleStretchText, type StaleStretch } from "@/lib/retrospective/wording";

/**
 * Each time a piece of evidence was stale during the quarter: the service, the item (a link to
 * it), the piece, and when it went stale and when that ended, if it did.
 */
export function StaleEvidenceList({ stretches }: { stretches: StaleStretch[] }) {
  const t = useTranslations();
  const locale = useLocale();
  if (stretches.length === 0) return <p className="text-sm text-slate-600">{t("retrospective.none")}</p>;
  return (
    <>
      <ul className="space-y-1.5 text-sm">
        {stretches.slice(0, CHANGES_SHOWN).map((stretch) => (
          <li key={`${stretch.service_slug}-${stretch.item_key}-${stretch.stale_from}-${stretch.title}`}>
            <span className="font-medium">{stretch.service_name}</span>:{" "}
            <Link
              href={`/services/${stretch.service_slug}/items/${stretch.item_key}`}
              className="text-blue-700 underline"
            >
              {locale === "ja" ? stretch.text_ja : stretch.text_en}
            </Link>{" "}
            <span className="text-slate-600">
              ({evidenceName(t, stretch)}: {staleStretchText(t, stretch, (day) => day)})
            </span>
          </li>
        ))}
      </ul>
      {stretches.length > CHANGES_SHOWN && (
        <p className="mt-2 text-sm text-slate-600">
          {t("retrospective.more", { count: stretches.length - CHANGES_SHOWN })}
        </p>
      )}
    </>
  );
}
