import { describe, expect, it } from "vitest";

import { dateOfDay } from "@/lib/dates";
import { getServiceAnswers, saveAnswer } from "@/lib/queries/answers";
import { listAuditLog } from "@/lib/queries/audit";
import { getChecklist } from "@/lib/queries/checklist";
import {
  listItemComments,
  listNeedsAttention,
  listReviewQueue,
  summariseQueueScope,
  summariseTeams,
} from "@/lib/queries/review";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { staleBefore } from "@/lib/review";
import { scoreAnswers } from "@/lib/scoring";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";
import { submitComment, submitNewEvidence, submitReviewDecision } from "@/lib/testing/item-forms";

const getDb = setUpTestDatabase();
const TODAY = "2026-11-27";
const STALE_BEFORE = staleBefore(TODAY, 90);

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

/** The item's target and its answer's revision, as the item page renders them into the review forms. */
async function asRead(target: { serviceId: string; itemKey: string }) {
  const { revision } = await getDb().answer.findFirstOrThrow({
    where: { serviceId: target.serviceId, item: { key: target.itemKey } },
    select: { revision: true },
  });
  return { ...target, revision: String(revision) };
}

async function teamWithService() {
  const team = await createTestTeam();
  const member = await createTestUser("MEMBER", [team.id]);
  const slug = unique("review");
  await createService(
    { name: slug, slug, description: "", teamId: team.id, tier: 1, traits: ["SERVES_HTTP"] },
    member,
  );
  return { team, member, service: (await getServiceBySlug(slug))! };
}

describe("the review queue", () => {
  it("holds unverified met and partial answers, pending N/A and stale evidence, and filters by team, category and service", async () => {
    const { team, member, service } = await teamWithService();
    const other = await teamWithService();
    const reviewer = await createTestUser("SRE");
    const answer = (itemKey: string, status: "MET" | "PARTIAL" | "NOT_MET" | "NOT_APPLICABLE", note = "") =>
      saveAnswer({ serviceId: service.id, itemKey, status, note }, member);
    await answer("connectivity.each-component", "MET");
    await answer("connectivity.over-network", "PARTIAL");
    await answer("connectivity.alert-tested", "NOT_MET");
    await answer("other.architecture-diagram", "NOT_APPLICABLE", "One process");
    await answer("metrics.prefer-metrics", "MET");
    await saveAnswer(
      { serviceId: other.service.id, itemKey: "connectivity.each-component", status: "MET", note: "" },
      other.member,
    );
    await submitReviewDecision(
      form({
        ...(await asRead({ serviceId: service.id, itemKey: "metrics.prefer-metrics" })),
        decision: "ACCEPT",
      }),
      { actor: reviewer, today: TODAY },
    );

    const keys = async (filter: Parameters<typeof listReviewQueue>[0]) =>
      (await listReviewQueue(filter)).entries
        .filter((entry) => entry.service.slug === service.slug)
        .map((entry) => entry.item.key)
        .sort();
    expect(await keys({ teamSlug: team.slug, staleBefore: STALE_BEFORE })).toEqual([
      "connectivity.each-component",
      "connectivity.over-network",
      "other.architecture-diagram",
    ]);
    expect(
      await keys({ serviceSlug: service.slug, categoryKey: "connectivity", staleBefore: STALE_BEFORE }),
    ).toEqual(["connectivity.each-component", "connectivity.over-network"]);
    expect(await listReviewQueue({ teamSlug: team.slug, staleBefore: STALE_BEFORE, page: 2 })).toEqual({
      total: 3,
      entries: [],
    });
    expect(
      (await listReviewQueue({ teamSlug: team.slug, staleBefore: STALE_BEFORE })).entries.some(
        (entry) => entry.service.slug === other.service.slug,
      ),
    ).toBe(false);

    // Verified evidence that goes stale comes back to the queue.
    await submitNewEvidence(
      form({
        serviceId: service.id,
        itemKey: "metrics.prefer-metrics",
        kind: "LINK",
        url: "https://grafana.example/old",
      }),
      { actor: member, today: "2026-01-02" },
    );
    await submitReviewDecision(
      form({
        ...(await asRead({ serviceId: service.id, itemKey: "metrics.prefer-metrics" })),
        decision: "ACCEPT",
      }),
      { actor: reviewer, today: TODAY },
    );
    const stale = (
      await listReviewQueue({ serviceSlug: service.slug, staleBefore: STALE_BEFORE })
    ).entries.find((entry) => entry.item.key === "metrics.prefer-metrics");
    expect(stale).toMatchObject({ review: "VERIFIED", _count: { evidence: 1 } });
  });

  it("lists the newest change first unless sorted oldest first or by service", async () => {
    const { team, member, service } = await teamWithService();
    const slug = `a-${unique("review")}`;
    await createService({ name: slug, slug, description: "", teamId: team.id, tier: 1, traits: [] }, member);
    const first = (await getServiceBySlug(slug))!;
    const at = (minutes: number) => ({ at: new Date(Date.UTC(2026, 10, 20, 9, minutes)) });
    await saveAnswer(
      { serviceId: service.id, itemKey: "metrics.prefer-metrics", status: "MET", note: "" },
      member,
      at(0),
    );
    await saveAnswer(
      { serviceId: first.id, itemKey: "metrics.prefer-metrics", status: "MET", note: "" },
      member,
      at(1),
    );
    await saveAnswer(
      { serviceId: service.id, itemKey: "other.architecture-diagram", status: "PARTIAL", note: "" },
      member,
      at(2),
    );
    const order = async (sort?: "newest" | "oldest" | "service") =>
      (await listReviewQueue({ teamSlug: team.slug, staleBefore: STALE_BEFORE, sort })).entries.map(
        (entry) => `${entry.service.slug === slug ? "first" : "other"} ${entry.item.key}`,
      );
    expect(await order()).toEqual([
      "other other.architecture-diagram",
      "first metrics.prefer-metrics",
      "other metrics.prefer-metrics",
    ]);
    expect(await order("oldest")).toEqual([
      "other metrics.prefer-metrics",
      "first metrics.prefer-metrics",
      "other other.architecture-diagram",
    ]);
    // By service name ("a-…" before "review-…"), and newest first within each.
    expect(await order("service")).toEqual([
      "first metrics.prefer-metrics",
      "other other.architecture-diagram",
      "other metrics.prefer-metrics",
    ]);
  });

  it("says why a queue is empty: no service in the filter, nothing answered yet, or everything settled", async () => {
    const { team, member, service } = await teamWithService();
    const reviewer = await createTestUser("SRE");
    const empty = await createTestTeam();
    expect(await summariseQueueScope({ teamSlug: empty.slug })).toBe("noServices");
    expect(await summariseQueueScope({ serviceSlug: "no-such-service" })).toBe("noServices");
    expect(await summariseQueueScope({ teamSlug: team.slug, categoryKey: "metrics" })).toBe(
      "nothingAnswered",
    );

    // Only unanswered items in the category, answers elsewhere: still nothing answered in this scope.
    await saveAnswer(
      { serviceId: service.id, itemKey: "connectivity.alert-tested", status: "NOT_MET", note: "" },
      member,
    );
    expect(await summariseQueueScope({ teamSlug: team.slug, categoryKey: "metrics" })).toBe(
      "nothingAnswered",
    );
    expect(await summariseQueueScope({ teamSlug: team.slug, categoryKey: "connectivity" })).toBe(
      "allSettled",
    );

    await saveAnswer(
      { serviceId: service.id, itemKey: "metrics.prefer-metrics", status: "MET", note: "" },
      member,
    );
    await submitReviewDecision(
      form({
        ...(await asRead({ serviceId: service.id, itemKey: "metrics.prefer-metrics" })),
        decision: "ACCEPT",
      }),
      { actor: reviewer, today: TODAY },
    );
    expect(
      await listReviewQueue({ teamSlug: team.slug, categoryKey: "metrics", staleBefore: STALE_BEFORE }),
    ).toEqual({ total: 0, entries: [] });
    expect(await summariseQueueScope({ teamSlug: team.slug, categoryKey: "metrics" })).toBe("allSettled");
  });

  it("lets reviewers accept or request changes with a comment; the team sees the request until it answers", async () => {
    const { team, member, service } = await teamWithService();
    const reviewer = await createTestUser("SRE");
    const target = { serviceId: service.id, itemKey: "http.latency" };
    await saveAnswer({ ...target, status: "MET", note: "p95 on the dashboard" }, member);

    const missingComment = await submitReviewDecision(
      form({ ...(await asRead(target)), decision: "REQUEST_CHANGES", comment: "" }),
      { actor: reviewer, today: TODAY },
    );
    expect(!missingComment.ok && missingComment.fieldErrors?.comment?.[0]?.key).toBe(
      "validation.review.comment.required",
    );
    expect(
      await submitReviewDecision(form({ ...(await asRead(target)), decision: "ACCEPT" }), {
        actor: member,
        today: TODAY,
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });

    expect(
      await submitReviewDecision(
        form({ ...(await asRead(target)), decision: "REQUEST_CHANGES", comment: "Add p99" }),
        {
          actor: reviewer,
          today: TODAY,
        },
      ),
    ).toMatchObject({ ok: true });
    const attention = async () =>
      (await listNeedsAttention({ teamIds: [team.id], staleBefore: STALE_BEFORE, today: TODAY })).entries.map(
        (entry) => [entry.item.key, entry.review],
      );
    expect(await attention()).toEqual([["http.latency", "CHANGES_REQUESTED"]]);

    // The team answers in the thread and adds proof: back to the reviewers as declared.
    expect(
      await submitComment(form({ ...target, body: "p99 added" }), { actor: member, today: TODAY }),
    ).toMatchObject({ ok: true });
    await submitNewEvidence(form({ ...target, kind: "LINK", url: "https://grafana.example/p99" }), {
      actor: member,
      today: TODAY,
    });
    expect(await attention()).toEqual([]);
    expect(
      await submitReviewDecision(form({ ...(await asRead(target)), decision: "ACCEPT", comment: "Thanks" }), {
        actor: reviewer,
        today: TODAY,
      }),
    ).toMatchObject({ ok: true });

    const thread = await listItemComments({
      serviceId: service.id,
      itemId: (await getDb().checklistItem.findUniqueOrThrow({ where: { key: "http.latency" } })).id,
    });
    expect(thread.map((comment) => [comment.kind, comment.body])).toEqual([
      ["CHANGES_REQUESTED", "Add p99"],
      ["COMMENT", "p99 added"],
      ["ACCEPTED", "Thanks"],
    ]);
    const kinds = (await listAuditLog({ serviceId: service.id })).map((entry) => entry.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "answer.changes_requested",
        "comment.added",
        "evidence.added",
        "answer.verified",
      ]),
    );

    // The verified score rose with the acceptance.
    const checklist = await getChecklist();
    const score = scoreAnswers(
      checklist,
      service.traits,
      await getServiceAnswers({ serviceId: service.id }),
      TODAY,
    ).overall;
    expect(score.verifiedEarned).toBe(1);
  });

  it("refuses to verify a not-met answer", async () => {
    const { member, service } = await teamWithService();
    const target = { serviceId: service.id, itemKey: "alerting.runbook-link" };
    await saveAnswer({ ...target, status: "NOT_MET", note: "" }, member);
    expect(
      await submitReviewDecision(form({ ...(await asRead(target)), decision: "ACCEPT" }), {
        actor: await createTestUser("ADMIN"),
        today: TODAY,
      }),
    ).toMatchObject({ ok: false, code: "conflict", message: { key: "review.notReviewable" } });
  });
});

describe("a decision on an answer the team changed after the reviewer read it", () => {
  it("is refused naming who changed it and when, records nothing, and goes through once read again", async () => {
    const { team, member, service } = await teamWithService();
    const colleague = await createTestUser("MEMBER", [team.id]);
    const reviewer = await createTestUser("SRE");
    const target = { serviceId: service.id, itemKey: "http.latency" };
    await saveAnswer({ ...target, status: "MET", note: "p95 on the dashboard" }, member);
    // The reviewer opens the item; meanwhile the team changes its answer.
    const opened = await asRead(target);
    await saveAnswer(
      { ...target, status: "PARTIAL", note: "p95 on some routes", revision: Number(opened.revision) },
      colleague,
    );
    const answer = () => getDb().answer.findFirstOrThrow({ where: { serviceId: service.id } });
    const stored = await answer();
    const events = () => getDb().answerEvent.count({ where: { serviceId: service.id } });
    const recorded = await events();

    const decisions: Record<string, string>[] = [
      { decision: "ACCEPT" },
      { decision: "REQUEST_CHANGES", comment: "Add p99" },
    ];
    for (const decision of decisions)
      expect(
        await submitReviewDecision(form({ ...opened, ...decision }), { actor: reviewer, today: TODAY }),
      ).toMatchObject({
        ok: false,
        code: "conflict",
        message: {
          key: "validation.revision.conflict",
          values: { name: colleague.name, time: expect.any(String) },
        },
        values: { decision: decision.decision },
      });
    expect(await answer()).toEqual(stored);
    expect(await events()).toBe(recorded);
    expect(await getDb().answerComment.count({ where: { serviceId: service.id } })).toBe(0);

    // Read again, the reviewer decides on what is stored now; a decision leaves the revision as it is.
    expect(
      await submitReviewDecision(form({ ...(await asRead(target)), decision: "ACCEPT" }), {
        actor: reviewer,
        today: TODAY,
      }),
    ).toMatchObject({ ok: true });
    expect(await answer()).toMatchObject({ review: "VERIFIED", revision: stored.revision });
    expect(await events()).toBe(recorded + 1);
  });
});

describe("not applicable as data", () => {
  it("counts as not met until approved, holds until its expiry day, then counts again", async () => {
    const { team, member, service } = await teamWithService();
    const reviewer = await createTestUser("SRE");
    const target = { serviceId: service.id, itemKey: "other.architecture-diagram" };
    await saveAnswer({ ...target, status: "NOT_APPLICABLE", note: "A single cron job" }, member);
    const checklist = await getChecklist();
    const score = async (today: string) =>
      scoreAnswers(checklist, service.traits, await getServiceAnswers({ serviceId: service.id }), today)
        .categories.other;

    expect(await score(TODAY)).toMatchObject({
      naUnapproved: 1,
      notApplicable: 0,
      possible: expect.any(Number),
    });
    const past = await submitReviewDecision(
      form({ ...(await asRead(target)), decision: "APPROVE_NA", expiresOn: "2026-11-01" }),
      { actor: reviewer, today: TODAY },
    );
    expect(!past.ok && past.fieldErrors?.expiresOn?.[0]?.key).toBe("validation.review.expiresOn.past");
    expect(
      await submitReviewDecision(
        form({ ...(await asRead(target)), decision: "APPROVE_NA", expiresOn: "2026-12-31" }),
        {
          actor: reviewer,
          today: TODAY,
        },
      ),
    ).toMatchObject({ ok: true });
    expect(await getDb().answer.findFirstOrThrow({ where: { serviceId: service.id } })).toMatchObject({
      naState: "APPROVED",
      naExpiresOn: dateOfDay("2026-12-31"),
    });

    expect(await score("2026-12-31")).toMatchObject({ notApplicable: 1, naUnapproved: 0 });
    expect(await score("2027-01-01")).toMatchObject({ notApplicable: 0, naUnapproved: 1 });
    expect(
      (
        await listNeedsAttention({ teamIds: [team.id], staleBefore: STALE_BEFORE, today: "2027-01-01" })
      ).entries.map((entry) => entry.item.key),
    ).toEqual(["other.architecture-diagram"]);

    const [summary] = (await summariseTeams({ staleBefore: STALE_BEFORE, today: TODAY })).filter(
      (row) => row.slug === team.slug,
    );
    expect(summary).toMatchObject({ services: 1, not_applicable: 1, answers: 1, needs_attention: 0 });
  });

  it("can be rejected with a reason, which the team then sees", async () => {
    const { team, member, service } = await teamWithService();
    const target = { serviceId: service.id, itemKey: "other.architecture-diagram" };
    await saveAnswer({ ...target, status: "NOT_APPLICABLE", note: "Too small" }, member);
    expect(
      await submitReviewDecision(
        form({ ...(await asRead(target)), decision: "REJECT_NA", comment: "Even small services need one" }),
        { actor: await createTestUser("SRE"), today: TODAY },
      ),
    ).toMatchObject({ ok: true });
    expect(
      (await listNeedsAttention({ teamIds: [team.id], staleBefore: STALE_BEFORE, today: TODAY })).entries.map(
        (entry) => entry.naState,
      ),
    ).toEqual(["REJECTED"]);
    expect(await listAuditLog({ serviceId: service.id, kind: "answer.na_rejected" })).toHaveLength(1);
  });
});
