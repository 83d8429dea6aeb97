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
