import { useTranslations } from "next-intl";
import { COMPARISONS, type Comparison } from "@/lib/dates";

type DeltaValues = Record<Comparison, number | null>;

const toneOf = (value: number | null) => (value === null || value === 0 ? "" : value > 0 ? "text-teal-800" : "text-rose-800");

/** Words for changes in points: one ("+2.1 pts") and all three in a sentence, for titles and screen readers. */
export function useDeltaWords() {
  const t = useTranslations("deltas");
  const points = (value: number | null) => (value === null ? t("none") : value > 0 ? t("up", { points: value }) : value < 0 ? t("down", { points: -value }) : t("same"));
  return { points, sentence: (deltas: DeltaValues) => COMPARISONS.map((comparison) => `${t(comparison)}: ${points(deltas[comparison])}`).join(" · ") };
}

/** The change since a day, a week and a quarter before, in points, with its sign in words too. */
export function Deltas({ deltas }: { deltas: DeltaValues }) {
  const t = useTranslations("deltas");
  const { points } = useDeltaWords();
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
      {COMPARISONS.map((comparison) => (
        <li key={comparison}>
          {t(comparison)}: <span className={`font-semibold tabular-nums ${toneOf(deltas[comparison])}`}>{points(deltas[comparison])}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A cell's change in a few characters: since a quarter before, visibly; all three changes for
 * screen readers and on hover.
 */
export function QuarterDelta({ deltas }: { deltas: DeltaValues }) {
  const { sentence } = useDeltaWords();
  const value = deltas.quarter;
  return (
    <small title={sentence(deltas)}>
      <span aria-hidden="true">{value === null ? "—" : value > 0 ? `▲${value}` : value < 0 ? `▼${-value}` : "±0"}</span>
      <span className="sr-only">{sentence(deltas)}</span>
    </small>
  );
}
