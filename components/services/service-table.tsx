import { useTranslations } from "next-intl";
import Link from "next/link";

import { ColumnHeaders } from "@/components/ui/column-headers";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ScoreBadge } from "@/components/ui/score-badge";
import type { ScoreSummary } from "@/lib/scoring";

type Row = {
  id: string;
  slug: string;
  name: string;
  tier: number;
  team: { name: string };
  score: ScoreSummary;
  staleEvidence: number;
};

export function ServiceTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("services");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <ColumnHeaders
          look="card"
          labels={[
            t("columns.name"),
            t("columns.team"),
            t("columns.tier"),
            t("columns.score"),
            t("columns.verified"),
            t("columns.progress"),
            t("columns.naRate"),
            t("columns.stale"),
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="px-4 py-2 text-left font-medium">
                <Link href={`/services/${row.slug}`} className="text-blue-800 hover:underline">
                  {row.name}
                </Link>
              </th>
              <td className="px-4 py-2">{row.team.name}</td>
              <td className="px-4 py-2 tabular-nums">{row.tier}</td>
              <td className="px-4 py-2">
                <ScoreBadge percent={row.score.percent} />
              </td>
              <td className="px-4 py-2">
                <ScoreBadge percent={row.score.verifiedPercent} />
              </td>
              <td className="px-4 py-2">
                <ProgressBar
                  value={row.score.answered}
                  max={row.score.applicable}
                  label={t("progressLabel", {
                    answered: row.score.answered,
                    applicable: row.score.applicable,
                  })}
                />
              </td>
              <td className="px-4 py-2 tabular-nums">
                {row.score.naRatePercent === null ? "—" : `${row.score.naRatePercent}%`}
              </td>
              <td className="px-4 py-2 tabular-nums">
                {row.staleEvidence > 0 ? (
                  <span className="font-medium text-amber-800">
                    {t("staleCount", { count: row.staleEvidence })}
                  </span>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
