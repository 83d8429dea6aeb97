import { useTranslations } from "next-intl";

import type { NaState, ReviewState } from "@/lib/generated/prisma/enums";

const badge = "inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ring-1";
const reviewTone: Record<ReviewState, string> = {
  DECLARED: "bg-white text-slate-700 ring-slate-300",
  VERIFIED: "bg-teal-50 text-teal-900 ring-teal-600/40",
  CHANGES_REQUESTED: "bg-rose-50 text-rose-900 ring-rose-600/40",
  CHANGED: "bg-amber-50 text-amber-900 ring-amber-600/40",
};
const naTone: Record<NaState, string> = {
  PENDING: "bg-amber-50 text-amber-900 ring-amber-600/40",
  APPROVED: "bg-slate-100 text-slate-700 ring-slate-400/40",
  REJECTED: "bg-rose-50 text-rose-900 ring-rose-600/40",
};
const staleTone = "bg-amber-100 text-amber-900 ring-amber-600/50";

type Props = {
  review: ReviewState;
  status: string;
  naState: NaState | null;
  naExpired?: boolean;
  staleCount?: number;
  // Where there is room (the item's own page): the sentence saying what a verified answer with
  // stale evidence means for the verified score, under the badges.
  explain?: boolean;
};

/**
 * Who confirmed the answer, where its N/A stands, and whether its proof has gone stale. A
 * verified answer whose evidence went stale says both in one badge: the verification still counts
 * in the verified score (renewing evidence keeps it, lib/queries/evidence.ts), but the proof needs
 * checking, and two separate badges "Verified" and "1 stale evidence" read as a contradiction.
 */
export function AnswerBadges({
  review,
  status,
  naState,
  naExpired = false,
  staleCount = 0,
  explain = false,
}: Props) {
  const t = useTranslations("review");
  const na = status === "NOT_APPLICABLE" && naState;
  const verifiedStale = !na && review === "VERIFIED" && staleCount > 0;
  const meaning = verifiedStale ? t("verifiedStaleMeaning", { count: staleCount }) : undefined;
  return (
    <span className="flex flex-col gap-1.5">
      <span className="flex flex-wrap items-center gap-1.5">
        {na ? (
          <span className={`${badge} ${naExpired ? naTone.REJECTED : naTone[naState]}`}>
            {naExpired ? t("na.EXPIRED") : t(`na.${naState}`)}
          </span>
        ) : verifiedStale ? (
          <span className={`${badge} ${staleTone}`} title={explain ? undefined : meaning}>
            {t("verifiedStale", { count: staleCount })}
          </span>
        ) : (
          <span className={`${badge} ${reviewTone[review]}`}>{t(`state.${review}`)}</span>
        )}
        {!verifiedStale && staleCount > 0 && (
          <span className={`${badge} ${staleTone}`}>{t("staleBadge", { count: staleCount })}</span>
        )}
      </span>
      {explain && meaning && <span className="max-w-prose text-sm text-slate-700">{meaning}</span>}
    </span>
  );
}
