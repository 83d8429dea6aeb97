import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { AnswerForm } from "@/components/assessment/answer-form";
import { GuidanceDisclosure } from "@/components/assessment/guidance-disclosure";
import { StatusLabel } from "@/components/assessment/status-label";
import { AnswerBadges } from "@/components/review/answer-badges";
import { Deltas } from "@/components/ui/deltas";
import { ScoreBadge } from "@/components/ui/score-badge";
import { showsAnswer, type AssessmentFilter } from "@/lib/assessment-filters";
import { dayOf } from "@/lib/dates";
import { pick, type Locale } from "@/lib/i18n/config";
import type { Assessment } from "@/lib/queries/assessment";
import { isApplicable } from "@/lib/scoring";

type Props = {
  assessment: Assessment;
  category: Assessment["checklist"][number];
  canAnswer: boolean;
  traitNames: Record<string, string>;
  filter: AssessmentFilter;
};

export function CategorySection({ assessment, category, canAnswer, traitNames, filter }: Props) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const { service, answersByItem } = assessment;
  const summary = assessment.score.categories[category.key];
  const applicable = category.items.filter((item) => isApplicable(item, service.traits));
  const shown = applicable.filter((item) =>
    showsAnswer(filter.show, answersByItem.get(item.id), assessment.today),
  );
  const setAside = category.items.filter((item) => !isApplicable(item, service.traits));
  const title = pick(locale, { ja: category.titleJa, en: category.titleEn });
  const headingId = `category-${category.key}`;

  return (
    <section aria-labelledby={headingId} className="px-4 py-2">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <h2 id={headingId} className="scroll-mt-4 text-base font-semibold">
            {title}
          </h2>
          {summary?.percent !== null &&
            summary?.percent !== undefined &&
            assessment.comparisons.categories[category.key] && (
              <div className="text-xs">
                <Deltas deltas={assessment.comparisons.categories[category.key]!} />
              </div>
            )}
        </div>
        <div className="flex items-center gap-3 text-sm text-slate-600">
          {summary && summary.applicable > 0 && (
            <span>{t("score.progress", { answered: summary.answered, applicable: summary.applicable })}</span>
          )}
          <ScoreBadge percent={summary?.percent ?? null} />
        </div>
      </div>
      {applicable.length === 0 && (
        <p className="mt-3 text-sm text-slate-600">{t("assessment.categoryEmpty")}</p>
      )}
      {shown.length === 0 && applicable.length > 0 && (
        <p className="mt-3 text-sm text-slate-600">{t(`assessment.filterEmpty.${filter.show ?? "all"}`)}</p>
      )}
      <ul className="mt-1 divide-y divide-slate-100">
        {shown.map((item) => {
          const answer = answersByItem.get(item.id);
          const text = pick(locale, { ja: item.textJa, en: item.textEn });
          const hasGuidance = Boolean(pick(locale, { ja: item.guidanceJa, en: item.guidanceEn }));
          const itemPath = `/services/${service.slug}/items/${item.key}`;
          return (
            <li key={item.id}>
              <article
                aria-labelledby={`item-${item.key}`}
                data-item-row
                tabIndex={-1}
                className="relative -mx-2 grid scroll-mt-4 scroll-mb-4 items-center gap-x-4 rounded px-2 py-0.5 outline-none focus:bg-blue-50 focus:ring-2 focus:ring-blue-600 md:grid-cols-[minmax(0,1fr)_auto]"
              >
                <h3 id={`item-${item.key}`} className="text-sm font-medium md:col-span-2 md:pr-36">
                  {text}
                </h3>
                <div className="min-w-0 md:col-start-1">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs">
                    {answer ? (
                      <AnswerBadges
                        review={answer.review}
                        status={answer.status}
                        naState={answer.naState}
                        naExpired={Boolean(
                          answer.naExpiresOn && dayOf(answer.naExpiresOn) < assessment.today,
                        )}
                        staleCount={answer.staleCount}
                      />
                    ) : (
                      <StatusLabel />
                    )}
                    {!canAnswer && answer && <StatusLabel status={answer.status} />}
                    <Link
                      href={itemPath}
                      aria-label={`${t("assessment.evidenceCount", { count: answer?.evidenceCount ?? 0 })}: ${text}`}
                      className="text-blue-800 underline"
                    >
                      {t("assessment.evidenceCount", { count: answer?.evidenceCount ?? 0 })}
                    </Link>
                    <Link
                      href={`${itemPath}#evidence-heading`}
                      data-key-evidence
                      aria-label={`${t("assessment.addEvidence")}: ${text}`}
                      className="text-blue-800 underline"
                    >
                      {t("assessment.addEvidence")}
                    </Link>
                    {hasGuidance && (
                      <GuidanceDisclosure itemKey={item.key} itemText={text} itemPath={itemPath} />
                    )}
                  </div>
                  {!canAnswer && answer?.note && (
                    <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{answer.note}</p>
                  )}
                </div>
                {canAnswer && (
                  <AnswerForm
                    serviceId={service.id}
                    itemKey={item.key}
                    itemText={text}
                    status={answer?.status}
                    note={answer?.note ?? ""}
                    revision={answer?.revision ?? 0}
                  />
                )}
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
