import { useTranslations } from "next-intl";
import { COMPARISONS, type Comparison } from "@/lib/dates";

/** The change since a day, a week and a quarter before, in points, with its sign in words too. */
export function Deltas({ deltas }: { deltas: Record<Comparison, number | null> }) {
  const t = useTranslations("deltas");
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
      {COMPARISONS.map((comparison) => {
        const value = deltas[comparison];
        const tone = value === null || value === 0 ? "" : value > 0 ? "text-teal-800" : "text-rose-800";
        return (
          <li key={comparison}>
            {t(comparison)}:{" "}
            <span className={`font-semibold tabular-nums ${tone}`}>
              {value === null ? t("none") : value > 0 ? t("up", { points: value }) : value < 0 ? t("down", { points: -value }) : t("same")}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
