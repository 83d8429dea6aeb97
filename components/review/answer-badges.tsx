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

type Props = {
  review: ReviewState;
  status: string;
  naState: NaState | null;
  naExpired?: boolean;
  staleCount?: number;
};

/** Who confirmed the answer, where its N/A stands, and whether its proof has gone stale. */
export function AnswerBadges({ review, status, naState, naExpired = false, staleCount = 0 }: Props) {
  const t = useTranslations("review");
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {status === "NOT_APPLICABLE" && naState ? (
        <span className={`${badge} ${naExpired ? naTone.REJECTED : naTone[naState]}`}>
          {naExpired ? t("na.EXPIRED") : t(`na.${naState}`)}
        </span>
      ) : (
        <span className={`${badge} ${reviewTone[review]}`}>{t(`state.${review}`)}</span>
      )}
      {staleCount > 0 && (
        <span className={`${badge} bg-amber-100 text-amber-900 ring-amber-600/50`}>
          {t("staleBadge", { count: staleCount })}
        </span>
      )}
    </span>
  );
}
