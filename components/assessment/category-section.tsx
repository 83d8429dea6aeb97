import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { AnswerForm } from "@/components/assessment/answer-form";
import { StatusLabel } from "@/components/assessment/status-label";
import { AnswerBadges } from "@/components/review/answer-badges";
import { Deltas } from "@/components/ui/deltas";
import { Markdown } from "@/components/ui/markdown";
import { ScoreBadge } from "@/components/ui/score-badge";
import { cardClass } from "@/components/ui/styles";
import { dayOf } from "@/lib/dates";
import { pick, type Locale } from "@/lib/i18n/config";
import type { Assessment } from "@/lib/queries/assessment";
import { isApplicable } from "@/lib/scoring";

type Props = {
  assessment: Assessment;
  category: Assessment["checklist"][number];
  canAnswer: boolean;
  traitNames: Record<string, string>;
};

export function CategorySection({ assessment, category, canAnswer, traitNames }: Props) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const { service, answersByItem } = assessment;
  const summary = assessment.score.categories[category.key];
  const applicable = category.items.filter((item) => isApplicable(item, service.traits));
  const setAside = category.items.filter((item) => !isApplicable(item, service.traits));
  const title = pick(locale, { ja: category.titleJa, en: category.titleEn });
  const headingId = `category-${category.key}`;

  return (
    <section aria-labelledby={headingId} className={cardClass}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="scroll-mt-4 text-lg font-semibold">
          {title}
        </h2>
        <div className="flex items-center gap-3 text-sm text-slate-600">
          {summary && summary.applicable > 0 && (
            <span>{t("score.progress", { answered: summary.answered, applicable: summary.applicable })}</span>
          )}
          <ScoreBadge percent={summary?.percent ?? null} />
        </div>
      </div>
      {summary?.percent !== null &&
        summary?.percent !== undefined &&
        assessment.comparisons.categories[category.key] && (
          <div className="mt-1">
            <Deltas deltas={assessment.comparisons.categories[category.key]!} />
          </div>
        )}
      {applicable.length === 0 && (
        <p className="mt-3 text-sm text-slate-600">{t("assessment.categoryEmpty")}</p>
      )}
      <ul className="mt-2 divide-y divide-slate-100">
        {applicable.map((item) => {
          const answer = answersByItem.get(item.id);
          const text = pick(locale, { ja: item.textJa, en: item.textEn });
          const guidance = pick(locale, { ja: item.guidanceJa, en: item.guidanceEn });
          return (
            <li key={item.id} className="py-4">
              <article aria-labelledby={`item-${item.key}`}>
                <div className="flex items-start justify-between gap-3">
                  <h3 id={`item-${item.key}`} className="font-medium">
                    {text}
                  </h3>
                  <StatusLabel status={answer?.status} />
                </div>
                {guidance && (
                  <div className="mt-1">
                    <Markdown source={guidance} />
                  </div>
                )}
                {answer && (
                  <div className="mt-1">
                    <AnswerBadges
                      review={answer.review}
                      status={answer.status}
                      naState={answer.naState}
                      naExpired={Boolean(answer.naExpiresOn && dayOf(answer.naExpiresOn) < assessment.today)}
                      staleCount={answer.staleCount}
                    />
                  </div>
                )}
                {canAnswer ? (
                  <AnswerForm
                    serviceId={service.id}
                    itemKey={item.key}
                    status={answer?.status}
                    note={answer?.note ?? ""}
                    revision={answer?.revision ?? 0}
                  />
                ) : (
                  answer?.note && (
                    <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{answer.note}</p>
                  )
                )}
                <p className="mt-2 text-sm">
                  <Link
                    href={`/services/${service.slug}/items/${item.key}`}
                    className="text-blue-700 underline"
                  >
                    {t("evidence.openItem", { count: answer?.evidenceCount ?? 0 })}
                  </Link>
                </p>
              </article>
            </li>
          );
        })}
      </ul>
      {setAside.length > 0 && (
        <details
          className="mt-3 rounded border border-dashed border-slate-300 bg-slate-50 p-3 text-sm"
          open={applicable.length === 0}
        >
          <summary className="cursor-pointer font-medium text-slate-700">
            {t("assessment.setAsideTitle", { count: setAside.length })}
          </summary>
          <p className="mt-2 text-slate-600">{t("assessment.setAsideBody")}</p>
          <ul
            className="mt-2 space-y-2"
            aria-label={t("assessment.setAsideTitle", { count: setAside.length })}
          >
            {setAside.map((item) => (
              <li key={item.id} className="text-slate-700">
                <span>{pick(locale, { ja: item.textJa, en: item.textEn })}</span>
                <span className="ml-2 text-xs text-slate-500">
                  {t("assessment.needsTraits", {
                    traits: item.requiredTraits.map((trait) => traitNames[trait] ?? trait).join(", "),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
