import { existedAt, startOfDayIn, todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import type { ChecklistCategoryView } from "@/lib/queries/checklist";
import {
  getAnswerHistoryRevision,
  listAnswersWrittenIn,
  listCurrentAnswers,
  listOverviewServices,
  listScopeServices,
  type OverviewFilter,
  type ScopeService,
} from "@/lib/read-models/packed-answers";
import type { ServiceScores } from "@/lib/read-models/rollups";
import { itemState, scoredItems, scoreService, type ItemState, type ScoredAnswer } from "@/lib/scoring";

// Scoring thousands of services means reading tens of thousands of answers; most of them have not
// changed since the last page view. This process keeps what it read and scored, and every view
// asks the database what changed since: each service's answers revision (bumped by a trigger on
// answers) and the answer history revision (bumped by a trigger when events are written into the
// past, changed or deleted). Scores are still computed from the answers, never stored.

type Answers = ReadonlyMap<string, ScoredAnswer>;
const NO_ANSWERS: Answers = new Map();

// Checklists by a short number, so that thousands of cache keys do not each carry the whole list.
const checklistNumbers = new Map<string, number>();

/** The same number for the same items in the same versions and categories: the same checklist scores the same. */
function checklistNumber(checklist: readonly ChecklistCategoryView[]) {
  const fingerprint = checklist
    .flatMap((category) => category.items.map((item) => `${category.key}/${item.versionId}`))
    .join();
  let number = checklistNumbers.get(fingerprint);
  if (number === undefined) checklistNumbers.set(fingerprint, (number = checklistNumbers.size));
  return number;
}

const currentAnswers = new Map<string, { revision: number; answers: Answers }>();
const currentScores = new Map<string, { key: string; scores: ServiceScores; states: ItemState[] }>();

/** The answers as they stand of every service in scope, reading only those that changed since last asked. */
async function answersOf(services: readonly ScopeService[]): Promise<Answers[]> {
  const stale = services.filter((service) => currentAnswers.get(service.id)?.revision !== service.revision);
  for (const [id, entry] of await listCurrentAnswers(stale.map((service) => service.id)))
    currentAnswers.set(id, entry);
  // A service deleted between the two reads has no answers left.
  return services.map((service) => currentAnswers.get(service.id)?.answers ?? NO_ANSWERS);
}

// `states`: each item's state, in the order of the checklist scored against.
export type CurrentService = ScopeService &
  ServiceScores & { answers: Answers; states?: readonly ItemState[] };

/** Every service in scope with its answers and scores as they stand, by name. */
export async function loadCurrentScores(
  filter: OverviewFilter,
  checklist: readonly ChecklistCategoryView[],
  today: string,
): Promise<CurrentService[]> {
  const services = await listScopeServices(filter);
  const answers = await answersOf(services);
  const items = scoredItems(checklist);
  const fingerprint = `${checklistNumber(checklist)}|${today}`;
  return services.map((service, index) => {
    const serviceAnswers = answers[index]!;
    // The revision the answers were read at, which may be newer than the service row read first.
    const key = `${currentAnswers.get(service.id)?.revision}|${service.traits.join()}|${fingerprint}`;
    let cached = currentScores.get(service.id);
    if (cached?.key !== key) {
      const states = items.map((item) =>
        itemState(item, service.traits, serviceAnswers.get(item.key), today),
      );
      cached = { key, scores: scoreService(items, service.traits, serviceAnswers, { today }), states };
      currentScores.set(service.id, cached);
    }
    return { ...service, answers: serviceAnswers, states: cached.states, ...cached.scores };
  });
}

// Answers at the start of a past day, for every service: they change only when the history is
// rewritten. A moment of that day is its start plus the answers written since.
type DayStart = {
  historyRevision: number;
  answers: Promise<Map<string, Answers>>;
  scores: Map<string, { traits: string; checklist: number; since: string; score: PastScore }>;
};
const dayStarts = new Map<string, DayStart>();
const DAY_STARTS_KEPT = 8;
// A day start is cached only once nothing can still be written before it at the time of writing
// (the history trigger counts an event more than ten minutes old as written into the past).
const SETTLED_MS = 60 * 60_000;

async function answersAtDayStart(at: Date, historyRevision: number): Promise<DayStart> {
  const id = at.toISOString();
  const cached = dayStarts.get(id);
  if (cached?.historyRevision === historyRevision) return cached;
  const answers = listOverviewServices({}, { moments: [at] }).then(
    (services) => new Map(services.map((service) => [service.id, service.answersAt[0]!])),
  );
  const entry: DayStart = { historyRevision, answers, scores: new Map() };
  if (at.getTime() > Date.now() - SETTLED_MS) return entry;
  dayStarts.delete(id);
  dayStarts.set(id, entry);
  // Forget the entry used least recently (a Map keeps insertion order).
  if (dayStarts.size > DAY_STARTS_KEPT) dayStarts.delete(dayStarts.keys().next().value!);
  answers.catch(() => dayStarts.get(id) === entry && dayStarts.delete(id));
  return entry;
}

/** Past moments as the start of their day (in the installation's zone) and what was written since. */
async function pastMoments(moments: readonly Date[]) {
  const historyRevision = await getAnswerHistoryRevision();
  const days = moments.map((at) => todayIn(env.TENKEN_TIME_ZONE, at));
  const starts = days.map((day) => startOfDayIn(day, env.TENKEN_TIME_ZONE));
  const [written, ...anchors] = await Promise.all([
    listAnswersWrittenIn(moments.map((at, index) => ({ from: starts[index]!, to: at }))),
    ...starts.map((start) => answersAtDayStart(start, historyRevision)),
  ]);
  const startAnswers = await Promise.all(anchors.map((anchor) => anchor.answers));
  return moments.map((at, index) => ({
    at,
    day: days[index]!,
    anchor: anchors[index]!,
    atStart: startAnswers[index]!,
    written: written[index]!,
  }));
}

/** Every service's answers at a past moment (a service without any then has none in the map). */
export async function loadAnswersAt(moment: Date): Promise<ReadonlyMap<string, Answers>> {
  const [past] = await pastMoments([moment]);
  const { atStart, written } = past!;
  if (written.size === 0) return atStart;
  const answers = new Map(atStart);
  for (const [serviceId, since] of written)
    answers.set(serviceId, new Map([...(atStart.get(serviceId) ?? []), ...since.answers]));
  return answers;
}

/** A service's declared percentages at a past moment: overall and per category. */
export type PastScore = { percent: number | null; categories: Record<string, number | null> };

function pastScoreOf(
  items: ReturnType<typeof scoredItems>,
  traits: readonly string[],
  answers: Answers,
  today: string,
): PastScore {
  const { overall, categories } = scoreService(items, traits, answers, { today });
  return {
    percent: overall.percent,
    categories: Object.fromEntries(
      Object.entries(categories).map(([key, summary]) => [key, summary.percent]),
    ),
  };
}

/**
 * Each service's declared scores at each past moment, recomputed from the answer events and the
 * checklist then in force: `scores[k][i]` is services[i]'s at moments[k], null for a service that
 * did not exist yet. Past scores use the services' current traits.
 */
export async function loadPastScores(
  services: readonly ScopeService[],
  moments: readonly Date[],
  checklists: readonly (readonly ChecklistCategoryView[])[],
): Promise<(PastScore | null)[][]> {
  const past = await pastMoments(moments);
  const traits = services.map((service) => service.traits.join());
  return past.map(({ at, day, anchor, atStart, written }, index) => {
    const items = scoredItems(checklists[index]!);
    const checklist = checklistNumber(checklists[index]!);
    return services.map((service, serviceIndex) => {
      if (!existedAt(service.createdAt, at)) return null;
      const before: Answers = atStart.get(service.id) ?? NO_ANSWERS;
      // What was written since the day's start, as read this time ("" for nothing): the same text
      // scores the same, so a moment moving through the day rescores only the services it reaches.
      const since = written.get(service.id);
      let cached = anchor.scores.get(service.id);
      if (
        !cached ||
        cached.traits !== traits[serviceIndex] ||
        cached.checklist !== checklist ||
        cached.since !== (since?.packed ?? "")
      ) {
        const answers = since ? new Map([...before, ...since.answers]) : before;
        cached = {
          traits: traits[serviceIndex]!,
          checklist,
          since: since?.packed ?? "",
          score: pastScoreOf(items, service.traits, answers, day),
        };
        anchor.scores.set(service.id, cached);
      }
      return cached.score;
    });
  });
}

/** Every service in scope that existed at a past moment, with its answers and scores then, by name. */
export async function loadScoresAt(
  filter: OverviewFilter,
  moment: Date,
  checklist: readonly ChecklistCategoryView[],
): Promise<CurrentService[]> {
  const [services, answers] = await Promise.all([listScopeServices(filter), loadAnswersAt(moment)]);
  const items = scoredItems(checklist);
  const today = todayIn(env.TENKEN_TIME_ZONE, moment);
  return services
    .filter((service) => existedAt(service.createdAt, moment))
    .map((service) => {
      const serviceAnswers = answers.get(service.id) ?? NO_ANSWERS;
      return {
        ...service,
        answers: serviceAnswers,
        ...scoreService(items, service.traits, serviceAnswers, { today }),
      };
    });
}
