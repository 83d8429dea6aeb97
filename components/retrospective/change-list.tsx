import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import type { Retrospective } from "@/lib/retrospective/load";
import { naChangeText } from "@/lib/retrospective/wording";

type Change = Retrospective["changes"]["newlyMet"][number];

// A meeting reads a page of changes, not thousands; the Markdown minutes hold them all.
export const CHANGES_SHOWN = 100;

/** Changes of the quarter, each with the service, the item, who and when, linking to the item. */
export function ChangeList({ changes, kind }: { changes: Change[]; kind: "status" | "na" }) {
  const t = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  if (changes.length === 0) return <p className="text-sm text-slate-600">{t("retrospective.none")}</p>;
  return (
    <>
      <ul className="space-y-1.5 text-sm">
        {changes.slice(0, CHANGES_SHOWN).map((change) => {
          const { event, before, after } = change;
          return (
            <li key={`${event.service_id}-${event.item_id}-${event.createdAt.getTime()}-${event.action}`}>
              <span className="font-medium">{event.service_name}</span>:{" "}
              <Link
                href={`/services/${event.service_slug}/items/${event.item_key}`}
                className="text-blue-700 underline"
              >
                {locale === "ja" ? event.text_ja : event.text_en}
              </Link>{" "}
              <span className="text-slate-600">
                (
                {kind === "na"
                  ? naChangeText(t, change)
                  : t("retrospective.fromTo", {
                      before: before ? t(`status.${before}`) : t("status.unanswered"),
                      after: t(`status.${after}`),
                    })}
                ; {event.actorName},{" "}
                <time dateTime={event.createdAt.toISOString()}>
                  {format.dateTime(event.createdAt, { dateStyle: "medium" })}
                </time>
                )
              </span>
            </li>
          );
        })}
      </ul>
      {changes.length > CHANGES_SHOWN && (
        <p className="mt-2 text-sm text-slate-600">
          {t("retrospective.more", { count: changes.length - CHANGES_SHOWN })}
        </p>
      )}
    </>
  );
}
