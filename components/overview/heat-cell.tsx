// Steps of 20 points, coloured in app/globals.css (.heat-0 to .heat-4).
export function heatClass(percent: number | null) {
  return percent === null ? "heat heat-none" : `heat heat-${Math.min(4, Math.floor(percent / 20))}`;
}

/** A score in a heat cell; `none` is what a screen reader says for a cell without a score. */
export function HeatCell({ percent, label, none }: { percent: number | null; label?: string; none: string }) {
  return (
    <td className={heatClass(percent)} title={label}>
      {percent === null ? <span aria-label={none}>—</span> : `${percent}%`}
    </td>
  );
}
