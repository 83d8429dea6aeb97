import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { HeatCell } from "@/components/overview/heat-cell";
import { useDeltaWords } from "@/components/ui/deltas";
import { Pager } from "@/components/ui/pager";
import { pick, type Locale } from "@/lib/i18n/config";
import { deltasOf, type Overview } from "@/lib/read-models/overview";
import type { OverviewQuery } from "@/lib/validations/overview";

type Row = Overview["rows"][number];

function sortValue(row: Row, sort: string): string | number {
  if (sort === "name") return row.name.toLowerCase();
  if (sort === "team") return row.team.name.toLowerCase();
  if (sort === "tier") return row.tier;
  const percent = sort === "overall" ? row.overall.percent : row.categories[sort]?.percent;
  // Services without a score go last either way.
  return percent ?? Number.NEGATIVE_INFINITY;
}

function sortRows(rows: readonly Row[], sort = "overall", dir: "asc" | "desc" = "asc") {
  const sign = dir === "asc" ? 1 : -1;
  // The rows come by name and the sort is stable, so ties stay by name.
  return [...rows].sort((a, b) => {
    const [x, y] = [sortValue(a, sort), sortValue(b, sort)];
    if (x === y) return 0;
    if (x === Number.NEGATIVE_INFINITY) return 1;
    if (y === Number.NEGATIVE_INFINITY) return -1;
    return x < y ? -sign : sign;
  });
}

export const HEATMAP_PAGE_SIZE = 50;

/** Services by categories, coloured by score; every column header sorts, from the keyboard too. */
export function HeatmapTable({ overview, query }: { overview: Overview; query: OverviewQuery }) {
  const t = useTranslations("overview");
  const none = useTranslations("score")("none");
  const words = useDeltaWords();
  const locale = useLocale() as Locale;
  const sort = query.sort ?? "overall";
  const dir = query.dir ?? "asc";
  const page = query.page ?? 1;
  const titles = overview.checklist.map((category) =>
    pick(locale, { ja: category.titleJa, en: category.titleEn }),
  );
  const rows = sortRows(overview.rows, sort, dir).slice(
    (page - 1) * HEATMAP_PAGE_SIZE,
    page * HEATMAP_PAGE_SIZE,
  );
  const filters = {
    ...(query.team ? { team: query.team } : {}),
    ...(query.tier ? { tier: String(query.tier) } : {}),
    ...(query.trait ? { trait: query.trait } : {}),
    ...(query.at ? { at: query.at } : {}),
    ...(query.failing ? { failing: query.failing } : {}),
  };

  const header = (key: string, label: string, className = "") => {
    const active = sort === key;
    const next = active && dir === "asc" ? "desc" : "asc";
    return (
      <th
        key={key}
        scope="col"
        aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
        className={`px-2 py-2 align-bottom font-semibold ${className}`}
      >
        <Link
          href={{ pathname: "/overview", query: { ...filters, sort: key, dir: next } }}
          className="text-blue-800 hover:underline"
        >
          {label}
          {active && <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span>}
        </Link>
      </th>
    );
  };

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("heatmapCaption")}</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              {header("name", t("columns.service"))}
              {header("team", t("columns.team"))}
              {header("tier", t("columns.tier"))}
              {header("overall", t("columns.overall"), "text-center")}
              {overview.checklist.map((category) =>
                header(
                  category.key,
                  pick(locale, { ja: category.titleJa, en: category.titleEn }),
                  "min-w-24 text-center text-xs",
                ),
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-white">
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="whitespace-nowrap px-2 py-1.5 text-left font-medium">
                  <Link href={`/services/${row.slug}`} className="text-blue-800 hover:underline">
                    {row.name}
                  </Link>
                </th>
                <td className="whitespace-nowrap px-2 py-1.5">{row.team.name}</td>
                <td className="px-2 py-1.5 tabular-nums">{row.tier}</td>
                <HeatCell
                  percent={row.overall.percent}
                  none={none}
                  deltas={{
                    values: deltasOf(
                      row.overall.percent,
                      row.past.map((score) => score?.percent),
                    ),
                    words,
                  }}
                />
                {overview.checklist.map((category, index) => (
                  <HeatCell
                    key={category.key}
                    percent={
                      row.categories[category.key]?.applicable
                        ? (row.categories[category.key]?.percent ?? null)
                        : null
                    }
                    label={`${titles[index]} · ${words.sentence(
                      deltasOf(
                        row.categories[category.key]?.percent,
                        row.past.map((score) => score?.categories[category.key]),
                      ),
                    )}`}
                    none={none}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={page}
        pages={Math.ceil(overview.rows.length / HEATMAP_PAGE_SIZE)}
        query={{
          ...filters,
          ...(query.sort ? { sort: query.sort } : {}),
          ...(query.dir ? { dir: query.dir } : {}),
        }}
      />
    </div>
  );
}
