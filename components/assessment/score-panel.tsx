import { useTranslations } from "next-intl";

import { Deltas } from "@/components/ui/deltas";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ScoreBadge } from "@/components/ui/score-badge";
import { cardClass } from "@/components/ui/styles";
import type { Comparison } from "@/lib/dates";
import type { ServiceScore } from "@/lib/scoring";

type Props = {
  score: ServiceScore;
  comparisons: Record<"declared" | "verified", Record<Comparison, number | null>>;
  categories: { key: string; title: string }[];
  staleEvidence: number;
};

export function ScorePanel({ score, comparisons, categories, staleEvidence }: Props) {
  const t = useTranslations();
  const { overall } = score;
  return (
    <div className={`${cardClass} space-y-4`}>
      <section aria-labelledby="score-heading">
        <h2 id="score-heading" className="text-sm font-semibold text-slate-600">
          {t("score.declared")}
        </h2>
        <div className="mt-1">
          <ScoreBadge percent={overall.percent} size="lg" />
        </div>
        <div className="mt-2">
          <ProgressBar
            value={overall.answered}
            max={overall.applicable}
            label={t("score.progress", { answered: overall.answered, applicable: overall.applicable })}
          />
        </div>
        <p className="mt-1 text-xs text-slate-600">{t("score.unanswered", { count: overall.unanswered })}</p>
        <div className="mt-2">
          <Deltas deltas={comparisons.declared} />
        </div>
      </section>
      <section aria-labelledby="verified-heading">
        <h2 id="verified-heading" className="text-sm font-semibold text-slate-600">
          {t("score.verified")}
        </h2>
        <div className="mt-1">
          <ScoreBadge percent={overall.verifiedPercent} size="lg" />
        </div>
        <p className="mt-1 text-xs text-slate-600">{t("score.verifiedHelp")}</p>
        <div className="mt-2">
          <Deltas deltas={comparisons.verified} />
        </div>
      </section>
      <dl className="space-y-1 text-xs text-slate-700">
        <div className="flex justify-between gap-2">
          <dt>{t("score.naRate")}</dt>
          <dd className="tabular-nums">
            {overall.naRatePercent === null ? "—" : `${overall.naRatePercent}%`}
          </dd>
        </div>
        <div className="flex justify-between gap-2">
          <dt>{t("score.naUnapproved")}</dt>
          <dd className="tabular-nums">{overall.naUnapproved}</dd>
        </div>
        <div className="flex justify-between gap-2">
          <dt>{t("score.staleEvidence")}</dt>
          <dd className={`tabular-nums ${staleEvidence > 0 ? "font-semibold text-amber-800" : ""}`}>
            {staleEvidence}
          </dd>
        </div>
      </dl>
      <nav aria-label={t("assessment.categories")}>
        <ul className="space-y-1 text-sm">
          {categories.map((category) => {
            const summary = score.categories[category.key];
            return (
              <li key={category.key} className="flex items-center justify-between gap-2">
                <a href={`#category-${category.key}`} className="text-blue-800 hover:underline">
                  {category.title}
                </a>
                <ScoreBadge percent={summary?.percent ?? null} />
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
