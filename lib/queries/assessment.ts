import { cache } from "react";

import { comparisonMoments, COMPARISONS, existedAt, todayIn, type Comparison } from "@/lib/dates";
import { env } from "@/lib/env";
import { getAnswer, getAnswersAt, getServiceAnswers, listAnswerEvents } from "@/lib/queries/answers";
import { getChecklist } from "@/lib/queries/checklist";
import { listAnswerEvidence } from "@/lib/queries/evidence";
import { listItemComments } from "@/lib/queries/review";
import { getServiceBySlug } from "@/lib/queries/services";
import { delta } from "@/lib/read-models/rollups";
import { isStale } from "@/lib/review";
import { scoreAnswers, type ScoreSummary, type Trait } from "@/lib/scoring";

// The assessment page shows the latest few changes; the service's history page shows the rest.
export const RECENT_HISTORY = 5;

/** Everything the assessment page shows, read in parallel. */
export async function loadAssessment(slug: string) {
  const service = await getServiceBySlug(slug);
  if (!service) return null;
  const today = todayIn(env.TENKEN_TIME_ZONE);
  const [checklist, answers, events] = await Promise.all([
    getChecklist(),
    getServiceAnswers({ serviceId: service.id }),
    listAnswerEvents({ serviceId: service.id, take: RECENT_HISTORY }),
  ]);
  const answersByItem = new Map(
    answers.map(({ evidence, ...answer }) => [
      answer.itemId,
      {
        ...answer,
        evidenceCount: evidence.length,
        staleCount: evidence.filter((piece) =>
          isStale(piece.checkedOn, env.TENKEN_EVIDENCE_STALE_DAYS, today),
        ).length,
      },
    ]),
  );
  const score = scoreAnswers(checklist, service.traits, answers, today);
  const staleEvidence = [...answersByItem.values()].reduce((total, answer) => total + answer.staleCount, 0);
  const moments = comparisonMoments(new Date());
  const past = await Promise.all(
    COMPARISONS.map((comparison) =>
      existedAt(service.createdAt, moments[comparison])
        ? scoreServiceAt({ serviceId: service.id, traits: service.traits, at: moments[comparison] })
        : null,
    ),
  );
  const deltasOf = (pick: (summary: ScoreSummary) => number | null) =>
    Object.fromEntries(
      COMPARISONS.map((comparison, index) => [
        comparison,
        delta(pick(score.overall), past[index] && pick(past[index].overall)),
      ]),
    ) as Record<Comparison, number | null>;
  const categoryDeltas = (key: string) =>
    Object.fromEntries(
      COMPARISONS.map((comparison, index) => [
        comparison,
        delta(score.categories[key]?.percent, past[index]?.categories[key]?.percent),
      ]),
    ) as Record<Comparison, number | null>;
  const comparisons = {
    declared: deltasOf((summary) => summary.percent),
    verified: deltasOf((summary) => summary.verifiedPercent),
    categories: Object.fromEntries(checklist.map((category) => [category.key, categoryDeltas(category.key)])),
  };
  return { service, checklist, answersByItem, events, score, comparisons, staleEvidence, today };
}

/**
 * A service's score as it stood at `at`, recomputed from answer events and the checklist
 * versions then in force. Traits are the service's current ones.
 */
export async function scoreServiceAt({
  serviceId,
  traits,
  at,
}: {
  serviceId: string;
  traits: readonly Trait[];
  at: Date;
}) {
  const [checklist, answers] = await Promise.all([getChecklist({ at }), getAnswersAt({ serviceId, at })]);
  return scoreAnswers(checklist, traits, answers, todayIn(env.TENKEN_TIME_ZONE, at));
}

/**
 * One item of one service: its answer, evidence and conversation. Read by the item page and its
 * metadata in the same request: once, through React's per-request cache.
 */
export const loadItemReview = cache(async (slug: string, itemKey: string) => {
  const service = await getServiceBySlug(slug);
  if (!service) return null;
  const checklist = await getChecklist();
  const category = checklist.find((candidate) => candidate.items.some((item) => item.key === itemKey));
  const item = category?.items.find((candidate) => candidate.key === itemKey);
  if (!category || !item) return null;
  const target = { serviceId: service.id, itemId: item.id };
  const [answer, evidence, comments] = await Promise.all([
    getAnswer(target),
    listAnswerEvidence(target),
    listItemComments(target),
  ]);
  return { service, category, item, answer, evidence, comments, today: todayIn(env.TENKEN_TIME_ZONE) };
});

export type ItemReview = NonNullable<Awaited<ReturnType<typeof loadItemReview>>>;

export type Assessment = NonNullable<Awaited<ReturnType<typeof loadAssessment>>>;
