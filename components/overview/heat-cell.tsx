import { useTranslations } from "next-intl";

// Cividis-like steps, readable with every common colour-vision deficiency; the value is always
// written in the cell, so colour is never the only signal.
const STEPS = [
  { from: 80, className: "bg-[#f2dc5d] text-slate-900" },
  { from: 60, className: "bg-[#b9a96b] text-slate-900" },
  { from: 40, className: "bg-[#7d7c78] text-white" },
  { from: 20, className: "bg-[#46587a] text-white" },
  { from: 0, className: "bg-[#16306b] text-white" },
] as const;

export function heatClass(percent: number | null) {
  if (percent === null) return "bg-slate-50 text-slate-500";
  return STEPS.find((step) => percent >= step.from)!.className;
}

export function HeatCell({ percent, label }: { percent: number | null; label?: string }) {
  const t = useTranslations("score");
  return (
    <td className={`px-2 py-1.5 text-center tabular-nums ${heatClass(percent)}`} title={label}>
      {percent === null ? <span aria-label={t("none")}>—</span> : `${percent}%`}
    </td>
  );
}
