import { useTranslations } from "next-intl";

const tone: Record<string, string> = {
  MET: "bg-teal-50 text-teal-900 ring-teal-600/40",
  PARTIAL: "bg-amber-50 text-amber-900 ring-amber-600/40",
  NOT_MET: "bg-rose-50 text-rose-900 ring-rose-600/40",
  NOT_APPLICABLE: "bg-slate-100 text-slate-700 ring-slate-400/40",
  unanswered: "bg-white text-slate-600 ring-slate-300 border-dashed",
};

export function StatusLabel({ status }: { status?: string }) {
  const t = useTranslations("status");
  const key = status ?? "unanswered";
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ring-1 ${tone[key] ?? tone.unanswered}`}
    >
      {t(key)}
    </span>
  );
}
