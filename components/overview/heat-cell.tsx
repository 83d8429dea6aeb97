import { useTranslations } from "next-intl";

import { QuarterDelta, type DeltaWords } from "@/components/ui/deltas";
import type { Deltas } from "@/lib/read-models/overview";

// Steps of 20 points, coloured in app/globals.css (.heat-0 to .heat-4).
export function heatClass(percent: number | null) {
  return percent === null ? "heat heat-none" : `heat heat-${Math.min(4, Math.floor(percent / 20))}`;
}

/**
 * A score in a heat cell; `none` is what a screen reader says for a cell without a score. With
 * `deltas`, its change since a quarter before shows under it (all three for screen readers).
 */
export function HeatCell({
  percent,
  label,
  none,
  deltas,
}: {
  percent: number | null;
  label?: string;
  none: string;
  deltas?: { values: Deltas; words: DeltaWords };
}) {
  return (
    <td className={heatClass(percent)} title={label}>
      {percent === null ? <span aria-label={none}>—</span> : `${percent}%`}
      {deltas && percent !== null && <QuarterDelta deltas={deltas.values} words={deltas.words} />}
    </td>
  );
}

const BANDS = [0, 1, 2, 3, 4] as const;

/**
 * What the colours mean: five bands of 20 points from weakest (dark blue) to strongest (yellow),
 * so that yellow is not read as a warning, and what "—" stands for.
 */
export function HeatLegend({ none }: { none: string }) {
  const t = useTranslations("overview.legend");
  return (
    <figure className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-700">
      <figcaption className="font-semibold">{t("title")}</figcaption>
      <ul className="flex flex-wrap items-center gap-1" aria-label={t("title")}>
        {BANDS.map((band) => (
          <li key={band} className={`heat heat-${band} rounded px-2 py-0.5`}>
            {t("band", { from: band * 20, to: band === 4 ? 100 : band * 20 + 19 })}
          </li>
        ))}
      </ul>
      <p>{t("direction")}</p>
      <p className="flex items-center gap-1.5">
        <span className="heat heat-none rounded px-2 py-0.5" aria-label={none}>
          —
        </span>
        {t("none")}
      </p>
    </figure>
  );
}
