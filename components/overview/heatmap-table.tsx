import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { HeatCell, HeatLegend } from "@/components/overview/heat-cell";
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

/**
 * A category's name short enough for a narrow column: ten of them have to fit beside the service
 * at 1366 px, in two lines at most. Longer names are cut at a word with an ellipsis; the full
 * name is the header's accessible name and its hover text.
 */
export function compactTitle(title: string) {
  const limit = /[\u3000-\u9fff]/.test(title) ? 12 : 20;
  if (title.length <= limit) return undefined;
  const cut = title.slice(0, limit);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > 4 ? cut.slice(0, atWord) : cut).trim()}…`;
}

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

  // Header cells stay at the top of the scroll region; the service's stays in the corner too.
  const header = (key: string, label: string, className = "", short?: string) => {
    const active = sort === key;
    const next = active && dir === "asc" ? "desc" : "asc";
    return (
      <th
        key={key}
        scope="col"
        aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
        className={`sticky top-0 z-10 bg-slate-50 px-2 py-2 align-bottom font-semibold shadow-[inset_0_-1px_0_var(--color-slate-200)] ${className}`}
      >
        <Link
          href={{ pathname: "/overview", query: { ...filters, sort: key, dir: next } }}
          className="text-blue-800 hover:underline"
          // A compact header shows its name on hover; its accessible name is the full name.
          title={short ? label : undefined}
          aria-label={short ? label : undefined}
        >
          {short ?? label}
          {active && <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span>}
        </Link>
      </th>
    );
  };
  const noAnswers = overview.rows.every((row) => row.overall.answered === 0);

  return (
    <div className="space-y-3">
      <HeatLegend none={none} />
      {noAnswers && (
        <p
          role="status"
          className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800"
        >
          {t("noAnswersYet", { count: overview.rows.length })}
        </p>
      )}
      {/* A named, focusable scroll region, so that the keyboard can scroll it too; bounded in
          height so that the header row stays in view while it scrolls down. */}
      <div
        role="region"
        aria-label={t("heatmapRegion")}
        // A scroll region must take focus for keyboard users to scroll it (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <table className="min-w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">{t("heatmapCaption")}</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              {header("name", t("columns.service"), "left-0 z-20")}
              {header("team", t("columns.team"))}
              {header("tier", t("columns.tier"))}
              {header("overall", t("columns.overall"), "text-center")}
              {overview.checklist.map((category) =>
                header(
                  category.key,
                  pick(locale, { ja: category.titleJa, en: category.titleEn }),
                  "w-24 min-w-24 text-center text-xs leading-tight",
                  compactTitle(pick(locale, { ja: category.titleJa, en: category.titleEn })),
                ),
              )}
            </tr>
          </thead>
          <tbody className="[&_td]:border-b [&_td]:border-white [&_th]:border-b [&_th]:border-slate-100">
            {rows.map((row) => (
              <tr key={row.id}>
                <th
                  scope="row"
                  className="sticky left-0 z-[5] bg-white px-2 py-1.5 text-left font-medium shadow-[inset_-1px_0_0_var(--color-slate-200)]"
                >
                  <Link
                    href={`/services/${row.slug}`}
                    title={row.name}
                    // Table cells ignore max-width: the link is what keeps a long name short.
                    className="block max-w-48 truncate text-blue-800 hover:underline"
                  >
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
