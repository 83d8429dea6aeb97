import { useTranslations } from "next-intl";
import Link from "next/link";

import { cardClass } from "@/components/ui/styles";
import type { OverviewQuery } from "@/lib/validations/overview";

/**
 * Why the heatmap has no rows: the tier, trait or item filters match nothing (with a way to
 * clear them), the team has no services (or had none on the day shown), or there are none at all.
 */
export function HeatmapEmpty({
  query,
  teamName,
  asOfDay,
}: {
  query: OverviewQuery;
  teamName?: string;
  asOfDay?: string;
}) {
  const t = useTranslations("overview");
  const filtered = Boolean(query.tier || query.trait || query.failing);
  const text = filtered
    ? t("empty")
    : teamName
      ? asOfDay
        ? t("emptyTeamAsOf", { team: teamName, day: asOfDay })
        : t("emptyTeam", { team: teamName })
      : asOfDay
        ? t("emptyAllAsOf", { day: asOfDay })
        : t("emptyAll");
  return (
    <p className={`${cardClass} text-center text-slate-700`}>
      {text}
      {filtered && (
        <>
          {" "}
          <Link
            href={{
              pathname: "/overview",
              query: { ...(query.team ? { team: query.team } : {}), ...(asOfDay ? { at: asOfDay } : {}) },
            }}
            className="font-semibold text-blue-800 underline"
          >
            {t("clearFilters")}
          </Link>
        </>
      )}
    </p>
  );
}
