import { useTranslations } from "next-intl";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ScoreBadge } from "@/components/ui/score-badge";
import { cardClass } from "@/components/ui/styles";
import type { ServiceScore } from "@/lib/scoring";

type Props = { score: ServiceScore; categories: { key: string; title: string }[] };

export function ScorePanel({ score, categories }: Props) {
  const t = useTranslations();
  const { overall } = score;
  return (
    <div className={`${cardClass} space-y-4`}>
      <section aria-labelledby="score-heading">
        <h2 id="score-heading" className="text-sm font-semibold text-slate-600">{t("score.overall")}</h2>
        <div className="mt-1">
          <ScoreBadge percent={overall.percent} size="lg" />
        </div>
        <div className="mt-2">
          <ProgressBar value={overall.answered} max={overall.applicable} label={t("score.progress", { answered: overall.answered, applicable: overall.applicable })} />
        </div>
        <p className="mt-1 text-xs text-slate-600">{t("score.unanswered", { count: overall.unanswered })}</p>
      </section>
      <nav aria-label={t("assessment.categories")}>
        <ul className="space-y-1 text-sm">
          {categories.map((category) => {
            const summary = score.categories[category.key];
            return (
              <li key={category.key} className="flex items-center justify-between gap-2">
                <a href={`#category-${category.key}`} className="text-blue-800 hover:underline">{category.title}</a>
                <ScoreBadge percent={summary?.percent ?? null} />
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
