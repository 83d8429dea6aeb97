import { useFormatter, useTranslations } from "next-intl";

// The number is always written out; colour only reinforces it.
function band(percent: number) {
  if (percent >= 80) return "bg-teal-50 text-teal-900 ring-teal-600/40";
  if (percent >= 50) return "bg-amber-50 text-amber-900 ring-amber-600/40";
  return "bg-rose-50 text-rose-900 ring-rose-600/40";
}

export function ScoreBadge({ percent, size = "md" }: { percent: number | null; size?: "md" | "lg" }) {
  const t = useTranslations("score");
  const format = useFormatter();
  const sizing = size === "lg" ? "px-3 py-1 text-2xl font-bold" : "px-2 py-0.5 text-sm font-semibold";
  if (percent === null) {
    return (
      <span className={`inline-block rounded bg-slate-50 text-slate-600 ring-1 ring-slate-300 ${sizing}`}>
        {t("none")}
      </span>
    );
  }
  return (
    <span className={`inline-block rounded tabular-nums ring-1 ${band(percent)} ${sizing}`}>
      {t("percent", { percent: format.number(percent, { maximumFractionDigits: 1 }) })}
    </span>
  );
}
