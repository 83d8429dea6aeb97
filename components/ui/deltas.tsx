import { useTranslations } from "next-intl";

import { COMPARISONS, type Comparison } from "@/lib/dates";

type DeltaValues = Record<Comparison, number | null>;

const toneOf = (value: number | null) =>
  value === null || value === 0 ? "" : value > 0 ? "text-teal-800" : "text-rose-800";

/**
 * Words for changes in points: one ("+2.1 pts"), all three in a sentence (for titles and screen
 * readers), and a compact mark ("▲2.1"). Made once per table: a heatmap writes a thousand of them,
 * so the messages are formatted once around a placeholder and filled in by hand (they only hold
 * {points}; they are compiled at build time, so t.raw would not give their text).
 */
export function useDeltaWords() {
  const t = useTranslations("deltas");
  const labels = COMPARISONS.map((comparison) => t(comparison));
  const slot = "\u0000";
  const [none, same, up, down] = [
    t("none"),
    t("same"),
    t("up", { points: slot }),
    t("down", { points: slot }),
  ];
  const points = (value: number | null) =>
    value === null
      ? none
      : value > 0
        ? up.replace(slot, String(value))
        : value < 0
          ? down.replace(slot, String(-value))
          : same;
  return {
    points,
    sentence: (deltas: DeltaValues) =>
      COMPARISONS.map((comparison, index) => `${labels[index]}: ${points(deltas[comparison])}`).join(" · "),
    compact: (value: number | null) =>
      value === null ? none : value > 0 ? `▲${value}` : value < 0 ? `▼${-value}` : same,
  };
}

export type DeltaWords = ReturnType<typeof useDeltaWords>;

/** The change since a day, a week and a quarter before, in points, with its sign in words too. */
export function Deltas({ deltas }: { deltas: DeltaValues }) {
  const t = useTranslations("deltas");
  const { points } = useDeltaWords();
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
      {COMPARISONS.map((comparison) => (
        <li key={comparison}>
          {t(comparison)}:{" "}
          <span className={`font-semibold tabular-nums ${toneOf(deltas[comparison])}`}>
            {points(deltas[comparison])}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A cell's change in a few characters: since a quarter before, visibly; all three for screen readers. */
export function QuarterDelta({ deltas, words }: { deltas: DeltaValues; words: DeltaWords }) {
  return (
    <small>
      <span aria-hidden="true">{words.compact(deltas.quarter)}</span>
      <span className="sr-only">{words.sentence(deltas)}</span>
    </small>
  );
}
