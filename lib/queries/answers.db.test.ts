import { describe, expect, it } from "vitest";

import { getAnswersAt, listAnswerEvents, saveAnswer } from "@/lib/queries/answers";
import { scoreServiceAt } from "@/lib/queries/assessment";
import { decideOnAnswer } from "@/lib/queries/review";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { createTestAdmin, createTestTeam, setUpTestDatabase, unique } from "@/lib/testing/db";
import { attempt } from "@/lib/write";

const getDb = setUpTestDatabase();

async function newService(traits: string[] = []) {
  const team = await createTestTeam();
  const slug = unique("svc");
  await createService(
    { name: slug, slug, description: "", teamId: team.id, tier: 2, traits },
    await createTestAdmin(),
  );
  return (await getServiceBySlug(slug))!;
}

const answer = (
  serviceId: string,
  itemKey: string,
  status: "MET" | "PARTIAL" | "NOT_MET" | "NOT_APPLICABLE",
  note = status === "NOT_APPLICABLE" ? "Does not apply" : "",
) => ({
  serviceId,
  itemKey,
  status,
  note,
});

describe("saving answers", () => {
  it("stores the answer as self-declared and an immutable event with the actor", async () => {
    const service = await newService();
    const actor = await createTestAdmin();
    const result = await saveAnswer(
      answer(service.id, "connectivity.each-component", "PARTIAL", "DB only"),
      actor,
    );
    expect(result).toEqual({ changed: true });

    const stored = await getDb().answer.findFirstOrThrow({ where: { serviceId: service.id } });
    expect(stored).toMatchObject({
      status: "PARTIAL",
      note: "DB only",
      updatedById: actor.id,
      review: "DECLARED",
      naState: null,
    });

    const events = await listAnswerEvents({ serviceId: service.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "SAVED",
      fromStatus: null,
      toStatus: "PARTIAL",
      note: "DB only",
      links: [],
      actor: { name: actor.name },
      item: { key: "connectivity.each-component" },
    });
  });

  it("puts an N/A answer up for approval, again whenever its reason changes", async () => {
    const service = await newService();
    const actor = await createTestAdmin();
    const itemKey = "other.architecture-diagram";
    await saveAnswer(answer(service.id, itemKey, "NOT_APPLICABLE", "One process, nothing to draw"), actor);
    expect(await getDb().answer.findFirstOrThrow({ where: { serviceId: service.id } })).toMatchObject({
      naState: "PENDING",
    });
    await decideOnAnswer({ serviceId: service.id, itemKey, decision: "APPROVE_NA", comment: "" }, actor, {
      today: "2026-11-27",
    });
    expect(await getDb().answer.findFirstOrThrow({ where: { serviceId: service.id } })).toMatchObject({
      naState: "APPROVED",
    });
    await saveAnswer(answer(service.id, itemKey, "NOT_APPLICABLE", "A different reason"), actor);
    expect(await getDb().answer.findFirstOrThrow({ where: { serviceId: service.id } })).toMatchObject({
      naState: "PENDING",
    });
    await saveAnswer(answer(service.id, itemKey, "MET"), actor);
    expect(await getDb().answer.findFirstOrThrow({ where: { serviceId: service.id } })).toMatchObject({
      naState: null,
      naExpiresOn: null,
    });
  });

  it("records the old and new status on a change, and nothing when nothing changed", async () => {
    const service = await newService();
    const actor = await createTestAdmin();
    await saveAnswer(answer(service.id, "metrics.prefer-metrics", "NOT_MET"), actor);
    expect(await saveAnswer(answer(service.id, "metrics.prefer-metrics", "NOT_MET"), actor)).toEqual({
      changed: false,
    });
    await saveAnswer(answer(service.id, "metrics.prefer-metrics", "MET"), actor);
    await saveAnswer(answer(service.id, "metrics.prefer-metrics", "MET", "now with a note"), actor);

    const events = await listAnswerEvents({ serviceId: service.id });
    expect(events.map((event) => [event.fromStatus, event.toStatus])).toEqual([
      ["MET", "MET"],
      ["NOT_MET", "MET"],
      [null, "NOT_MET"],
    ]);
  });

  it("refuses an unknown item or service and writes nothing", async () => {
    const service = await newService();
    const actor = await createTestAdmin();
    expect(await attempt(() => saveAnswer(answer(service.id, "no.such-item", "MET"), actor))).toEqual({
      ok: false,
      code: "not-found",
      message: { key: "validation.answer.item.invalid" },
    });
    expect(
      await attempt(() =>
        saveAnswer(answer("00000000-0000-4000-8000-000000000000", "metrics.prefer-metrics", "MET"), actor),
      ),
    ).toEqual({ ok: false, code: "not-found", message: { key: "validation.answer.service.invalid" } });
    expect(await getDb().answerEvent.count({ where: { serviceId: service.id } })).toBe(0);
  });
});

describe("scores at a past moment", () => {
  it("are recomputed from the events as they stood then", async () => {
    const service = await newService(["SERVES_HTTP"]);
    const actor = await createTestAdmin();
    const day = (n: number) => new Date(Date.UTC(2030, 0, n, 12));
    // Far in the future relative to the seeded checklist, so every item is in force.
    await saveAnswer(answer(service.id, "connectivity.each-component", "NOT_MET"), actor, { at: day(1) });
    await saveAnswer(answer(service.id, "connectivity.over-network", "MET"), actor, { at: day(2) });
    await saveAnswer(answer(service.id, "connectivity.each-component", "MET"), actor, { at: day(3) });
    await saveAnswer(answer(service.id, "connectivity.alert-tested", "NOT_APPLICABLE"), actor, {
      at: day(4),
    });

    const answersOnDay2 = await getAnswersAt({ serviceId: service.id, at: day(2) });
    expect([...answersOnDay2.values()].map((stored) => stored.status).sort()).toEqual(["MET", "NOT_MET"]);

    const before = await scoreServiceAt({
      serviceId: service.id,
      traits: service.traits,
      at: new Date(Date.UTC(2029, 11, 31)),
    });
    const onDay2 = await scoreServiceAt({ serviceId: service.id, traits: service.traits, at: day(2) });
    const onDay4 = await scoreServiceAt({ serviceId: service.id, traits: service.traits, at: day(4) });

    expect(before.overall).toMatchObject({ answered: 0, earned: 0 });
    expect(onDay2.categories.connectivity).toMatchObject({
      answered: 2,
      earned: 1,
      possible: 3,
      percent: 33.3,
    });
    // The N/A waits for approval on day 4, so it counts as not met until the reviewer approves it.
    expect(onDay4.categories.connectivity).toMatchObject({
      answered: 3,
      earned: 2,
      possible: 3,
      notApplicable: 0,
      naUnapproved: 1,
    });
    await decideOnAnswer(
      { serviceId: service.id, itemKey: "connectivity.alert-tested", decision: "APPROVE_NA", comment: "" },
      actor,
      { today: "2030-01-05", at: day(5) },
    );
    await decideOnAnswer(
      { serviceId: service.id, itemKey: "connectivity.each-component", decision: "ACCEPT", comment: "" },
      actor,
      { today: "2030-01-06", at: day(6) },
    );
    const onDay5 = await scoreServiceAt({ serviceId: service.id, traits: service.traits, at: day(5) });
    const onDay6 = await scoreServiceAt({ serviceId: service.id, traits: service.traits, at: day(6) });
    expect(onDay5.categories.connectivity).toMatchObject({
      earned: 2,
      possible: 2,
      percent: 100,
      notApplicable: 1,
      verifiedPercent: 0,
    });
    expect(onDay6.categories.connectivity).toMatchObject({
      percent: 100,
      verifiedEarned: 1,
      verifiedPercent: 50,
    });
    // Day 4 is still what it was: later decisions do not rewrite the past.
    expect(
      (await scoreServiceAt({ serviceId: service.id, traits: service.traits, at: day(4) })).categories
        .connectivity,
    ).toMatchObject({ possible: 3, naUnapproved: 1 });
    // HTTP items apply to this service; batch items do not.
    expect(onDay4.categories.http?.applicable).toBeGreaterThan(0);
    expect(onDay4.categories.batch).toMatchObject({ applicable: 0, percent: null });
  });
});
