import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { heatClass } from "@/components/overview/heat-cell";
import { Deltas, QuarterDelta, useDeltaWords, type DeltaWords } from "@/components/ui/deltas";
import { pick, type Locale } from "@/lib/i18n/config";
import type { Deltas as DeltaValues, Overview } from "@/lib/read-models/overview";
import type { Distribution } from "@/lib/read-models/rollups";

function RollupCell({
  value,
  deltas,
  words,
}: {
  value: Distribution | null;
  deltas: DeltaValues | undefined;
  words: DeltaWords;
}) {
  const t = useTranslations("overview");
  if (!value) return <td className={heatClass(null)}>—</td>;
  return (
    <td className={heatClass(value.average)}>
      <b>{value.average}%</b>
      <small aria-hidden="true">{t("range", { min: value.min, max: value.max })}</small>
      <span className="sr-only">
        {t("spread", { min: value.min, median: value.median, max: value.max, count: value.count })}
      </span>
      {deltas && <QuarterDelta deltas={deltas} words={words} />}
    </td>
  );
}

/** Per team and category: the average service score, with median, range and how many services. */
export function TeamRollups({ overview }: { overview: Overview }) {
  const t = useTranslations("overview");
  const locale = useLocale() as Locale;
  const words = useDeltaWords();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("teamsTitle")}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-2 py-2 font-semibold">
              {t("columns.team")}
            </th>
            <th scope="col" className="px-2 py-2 text-center font-semibold">
              {t("columns.overall")}
            </th>
            {overview.checklist.map((category) => (
              <th
                key={category.key}
                scope="col"
                className="min-w-24 px-2 py-2 text-center text-xs font-semibold"
              >
                {pick(locale, { ja: category.titleJa, en: category.titleEn })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-white">
          {overview.teams.map((team) => (
            <tr key={team.slug} className="align-top">
              <th scope="row" className="min-w-44 px-2 py-1.5 text-left font-medium">
                <Link
                  href={{ pathname: "/overview", query: { team: team.slug } }}
                  className="text-blue-800 hover:underline"
                >
                  {team.name}
                </Link>
                <span className="block text-xs font-normal text-slate-500">
                  {t("serviceCount", { count: team.services })}
                </span>
                <Link
                  href={{ pathname: "/trends", query: { team: team.slug } }}
                  className="text-xs font-normal text-blue-700 underline"
                >
                  {t("teamTrend", { team: team.name })}
                </Link>
                <Deltas deltas={team.deltas} />
              </th>
              <RollupCell value={team.rollup.overall} deltas={team.deltas} words={words} />
              {overview.checklist.map((category) => (
                <RollupCell
                  key={category.key}
                  value={team.rollup.categories[category.key] ?? null}
                  deltas={team.categoryDeltas[category.key]}
                  words={words}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
