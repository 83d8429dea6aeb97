import { describe, expect, it } from "vitest";

import { listAnswersDisagreeingWithHistory, saveAnswer } from "@/lib/queries/answers";
import { decideOnAnswer } from "@/lib/queries/review";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";
import type { AnswerInput } from "@/lib/validations/answer";
import { attempt } from "@/lib/write";

const getDb = setUpTestDatabase();

const ITEMS = [
  "connectivity.each-component",
  "connectivity.over-network",
  "metrics.prefer-metrics",
  "logs.delivery-reliability",
  "alerting.runbook-link",
  "alerting.severity-levels",
];
const STATUSES: AnswerInput["status"][] = [
  "MET",
  "PARTIAL",
  "NOT_MET",
  "MET",
  "PARTIAL",
  "NOT_MET",
  "MET",
  "PARTIAL",
];

describe("the answer history", () => {
  it("is in commit order: whatever saves race, each answer's latest event is what it says now", async () => {
    const team = await createTestTeam();
    const members = await Promise.all(STATUSES.map(() => createTestUser("MEMBER", [team.id])));
    const reviewer = await createTestUser("SRE");
    const slug = unique("race");
    await createService(
      { name: slug, slug, description: "", teamId: team.id, tier: 1, traits: [] },
      members[0]!,
    );
    const service = (await getServiceBySlug(slug))!;

    // Every member saves a different answer to every item at once, while a reviewer verifies them.
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        ITEMS.flatMap((itemKey) => [
          ...STATUSES.map((status, index) =>
            saveAnswer(
              { serviceId: service.id, itemKey, status, note: `round ${round} by ${index}` },
              members[index]!,
            ),
          ),
          attempt(() =>
            decideOnAnswer({ serviceId: service.id, itemKey, decision: "ACCEPT", comment: "" }, reviewer, {
              today: "2026-11-27",
            }),
          ),
        ]),
      );
    }

    expect(await getDb().answer.count({ where: { serviceId: service.id } })).toBe(ITEMS.length);
    expect(await listAnswersDisagreeingWithHistory({ serviceIds: [service.id] })).toEqual([]);
    // Events of one answer are stamped in the order they were written.
    const events = await getDb().answerEvent.findMany({
      where: { serviceId: service.id },
      orderBy: { id: "asc" },
      select: { itemId: true, createdAt: true },
    });
    const timesByItem = new Map<string, number[]>();
    for (const event of events)
      timesByItem.set(event.itemId, [...(timesByItem.get(event.itemId) ?? []), event.createdAt.getTime()]);
    for (const times of timesByItem.values()) expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("agrees with every answer in the database, whoever wrote it", async () => {
    expect(await listAnswersDisagreeingWithHistory()).toEqual([]);
  });
});
