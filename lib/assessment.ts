import type { AnswerStatus } from "@/lib/generated/prisma/enums";
import { getAnswerStatusesAt, getServiceAnswers, listAnswerEvents } from "@/lib/queries/answers";
import { getChecklist, type ChecklistCategoryView } from "@/lib/queries/checklist";
import { getServiceBySlug } from "@/lib/queries/services";
import { scoreService, type ScoredItem, type Trait } from "@/lib/scoring";

export function scoredItems(checklist: readonly ChecklistCategoryView[]): ScoredItem[] {
  return checklist.flatMap((category) =>
    category.items.map((item) => ({ key: item.id, categoryKey: category.key, weight: item.weight, requiredTraits: item.requiredTraits })),
  );
}

/** Scores one service from its answers keyed by item id. */
export function scoreAnswers(checklist: readonly ChecklistCategoryView[], traits: readonly Trait[], statuses: ReadonlyMap<string, AnswerStatus>) {
  return scoreService(scoredItems(checklist), traits, statuses);
}

/** Everything the assessment page shows, read in parallel. */
export async function loadAssessment(slug: string) {
  const service = await getServiceBySlug(slug);
  if (!service) return null;
  const [checklist, answers, events] = await Promise.all([
    getChecklist(),
    getServiceAnswers({ serviceId: service.id }),
    listAnswerEvents({ serviceId: service.id }),
  ]);
  const answersByItem = new Map(answers.map((answer) => [answer.itemId, answer]));
  const score = scoreAnswers(checklist, service.traits, new Map(answers.map((answer) => [answer.itemId, answer.status])));
  return { service, checklist, answersByItem, events, score };
}

/**
 * A service's score as it stood at `at`, recomputed from answer events and the checklist
 * versions then in force. Traits are the service's current ones.
 */
export async function scoreServiceAt({ serviceId, traits, at }: { serviceId: string; traits: readonly Trait[]; at: Date }) {
  const [checklist, statuses] = await Promise.all([getChecklist({ at }), getAnswerStatusesAt({ serviceId, at })]);
  return scoreAnswers(checklist, traits, statuses);
}

export type Assessment = NonNullable<Awaited<ReturnType<typeof loadAssessment>>>;
