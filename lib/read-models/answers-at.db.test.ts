import { describe, expect, it } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import { saveAnswer } from "@/lib/queries/answers";
import { addEvidence } from "@/lib/queries/evidence";
import { decideOnAnswer } from "@/lib/queries/review";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { getServiceAnswersAt, listOverviewServices } from "@/lib/read-models/packed-answers";
import { loadAnswersAt } from "@/lib/read-models/score-cache";
import type { ScoredAnswer } from "@/lib/scoring";
import { createTestAdmin, createTestTeam, setUpTestDatabase, unique } from "@/lib/testing/db";

const getDb = setUpTestDatabase();

// Far from the other tests' data, so that their answers never fall between these moments.
const T0 = Date.parse("2036-03-01T00:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0 + hours * HOUR);

/** The definition: each pair's latest event at or before `moment`, read from its whole history. */
async function answersFromHistory(serviceIds: string[], moment: Date) {
  const rows = await getDb().$queryRaw<
    {
      service_id: string;
      item_id: string;
      to_status: ScoredAnswer["status"];
      review: string | null;
      na_state: ScoredAnswer["naState"];
      na_expires_on: string | null;
    }[]
  >`
    SELECT DISTINCT ON (service_id, item_id) service_id::text, item_id::text, to_status::text, review::text, na_state::text, na_expires_on::text
    FROM answer_events WHERE created_at <= ${moment} AND service_id = ANY(${serviceIds}::uuid[])
    ORDER BY service_id, item_id, created_at DESC, id DESC`;
  const answers = new Map<string, Map<string, ScoredAnswer>>(serviceIds.map((id) => [id, new Map()]));
  for (const row of rows) {
    answers.get(row.service_id)!.set(row.item_id, {
      status: row.to_status,
      verified: row.review === "VERIFIED",
      ...(row.review ? { naState: row.na_state, naExpiresOn: row.na_expires_on } : {}),
    });
  }
  return answers;
}

async function serviceWithHistory() {
  const team = await createTestTeam();
  const admin = await createTestAdmin();
  const slugs = [unique("history"), unique("history")];
  for (const slug of slugs)
    await createService(
      { name: slug, slug, description: "", teamId: team.id, tier: 1, traits: ["SERVES_HTTP"] },
      admin,
    );
  const [first, second] = (await Promise.all(slugs.map((slug) => getServiceBySlug(slug)))) as [
    NonNullable<Awaited<ReturnType<typeof getServiceBySlug>>>,
    NonNullable<Awaited<ReturnType<typeof getServiceBySlug>>>,
  ];
  const save = (
    serviceId: string,
    itemKey: string,
    status: "MET" | "PARTIAL" | "NOT_MET" | "NOT_APPLICABLE",
    hours: number,
    note = "",
  ) =>
    saveAnswer(
      { serviceId, itemKey, status, note: status === "NOT_APPLICABLE" && !note ? "Does not apply" : note },
      admin,
      { at: at(hours) },
    );
  const decide = (
    serviceId: string,
    itemKey: string,
    decision: "ACCEPT" | "REQUEST_CHANGES" | "APPROVE_NA" | "REJECT_NA",
    hours: number,
    expiresOn?: string,
  ) =>
    decideOnAnswer(
      { serviceId, itemKey, decision, comment: "", ...(expiresOn ? { expiresOn } : {}) } as Parameters<
        typeof decideOnAnswer
      >[0],
      admin,
      { today: "2036-01-01", at: at(hours) },
    );

  // Climbs, gets verified, changes after verification, loses its verification to new evidence.
  await save(first.id, "connectivity.each-component", "NOT_MET", 0);
  await save(first.id, "connectivity.each-component", "PARTIAL", 10);
  await decide(first.id, "connectivity.each-component", "ACCEPT", 20);
  await save(first.id, "connectivity.each-component", "MET", 30);
  await decide(first.id, "connectivity.each-component", "ACCEPT", 40);
  await addEvidence(
    {
      serviceId: first.id,
      itemKey: "connectivity.each-component",
      kind: "LINK",
      url: "https://example.com/proof",
      title: "",
    },
    admin,
    { today: "2036-03-03", at: at(50) },
  );
  // N/A: waits, is approved with an expiry (past by hour 100's day), is declared again, rejected.
  await save(first.id, "other.architecture-diagram", "NOT_APPLICABLE", 5);
  await decide(first.id, "other.architecture-diagram", "APPROVE_NA", 15, "2036-03-02");
  await save(first.id, "other.architecture-diagram", "NOT_APPLICABLE", 45, "Another reason");
  await decide(first.id, "other.architecture-diagram", "REJECT_NA", 55);
  // Changes requested, then answered; two saves in the same instant (the later one counts).
  await save(first.id, "http.latency", "PARTIAL", 12);
  await decide(first.id, "http.latency", "REQUEST_CHANGES", 22);
  await save(first.id, "http.latency", "MET", 32);
  await save(first.id, "http.latency", "NOT_MET", 32);
  // Answered only late; and an N/A approved for good, then given up.
  await save(second.id, "metrics.prefer-metrics", "MET", 60);
  await save(second.id, "logs.delivery-reliability", "NOT_APPLICABLE", 3);
  await decide(second.id, "logs.delivery-reliability", "APPROVE_NA", 4);
  await save(second.id, "logs.delivery-reliability", "PARTIAL", 35);
  return { team, services: [first, second] };
}

// Before anything, on an event, between events, in the tie, after everything.
const MOMENTS = [-1, 0, 5, 10, 14.5, 15, 20, 22, 32, 33, 40, 45, 50, 54, 55, 59, 60, 200].map(at);

describe("answers at past moments", () => {
  it("from the current answers minus what changed since, equal the latest events at or before each moment", async () => {
    const { services } = await serviceWithHistory();
    const serviceIds = services.map((service) => service.id);
    for (const moment of MOMENTS) {
      const expected = await answersFromHistory(serviceIds, moment);
      const actual = await getServiceAnswersAt({ serviceIds, at: moment });
      for (const id of serviceIds)
        expect(Object.fromEntries(actual.get(id)!), moment.toISOString()).toEqual(
          Object.fromEntries(expected.get(id)!),
        );
    }
    // As the overview's cache reads them: the answers at the start of the moment's day, plus those written since.
    for (const moment of MOMENTS) {
      const expected = await answersFromHistory(serviceIds, moment);
      const cached = await loadAnswersAt(moment);
      for (const id of serviceIds)
        expect(Object.fromEntries(cached.get(id) ?? []), `cached ${moment.toISOString()}`).toEqual(
          Object.fromEntries(expected.get(id)!),
        );
    }
    // Several moments in one read, in any order, and the whole organisation's read agree too.
    const shuffled = [...MOMENTS].reverse();
    const listed = await listOverviewServices({ serviceIds }, { moments: shuffled });
    const everyone = await getServiceAnswersAt({ at: at(33) });
    for (const id of serviceIds) {
      expect(Object.fromEntries(everyone.get(id)!)).toEqual(
        Object.fromEntries((await answersFromHistory(serviceIds, at(33))).get(id)!),
      );
      for (const [index, moment] of shuffled.entries()) {
        expect(
          Object.fromEntries(listed.find((service) => service.id === id)!.answersAt[index]!),
          moment.toISOString(),
        ).toEqual(Object.fromEntries((await answersFromHistory(serviceIds, moment)).get(id)!));
      }
    }
  });

  it("score an answer whose latest event predates review as it scored then", async () => {
    const team = await createTestTeam();
    const admin = await createTestAdmin();
    const slug = unique("legacy");
    await createService({ name: slug, slug, description: "", teamId: team.id, tier: 1, traits: [] }, admin);
    const service = (await getServiceBySlug(slug))!;
    const item = await getDb().checklistItem.findUniqueOrThrow({
      where: { key: "other.dependency-impact" },
      include: { versions: { take: 1, orderBy: { version: "desc" } } },
    });
    // As the review migration left it: the answer waits for approval, its event has no review data.
    await getDb().answer.create({
      data: {
        serviceId: service.id,
        itemId: item.id,
        status: "NOT_APPLICABLE",
        note: "Old",
        updatedAt: at(1),
        updatedById: admin.id,
        naState: "PENDING",
      },
    });
    await getDb()
      .$executeRaw(Prisma.sql`INSERT INTO answer_events (service_id, item_id, item_version_id, to_status, note, actor_id, created_at)
      VALUES (${service.id}::uuid, ${item.id}::uuid, ${item.versions[0]!.id}::uuid, 'NOT_APPLICABLE', 'Old', ${admin.id}::uuid, ${at(1)})`);
    for (const moment of [at(0), at(2), at(100)]) {
      const expected = (await answersFromHistory([service.id], moment)).get(service.id)!;
      expect(
        Object.fromEntries(
          (await getServiceAnswersAt({ serviceIds: [service.id], at: moment })).get(service.id)!,
        ),
      ).toEqual(Object.fromEntries(expected));
      expect(Object.fromEntries((await loadAnswersAt(moment)).get(service.id) ?? [])).toEqual(
        Object.fromEntries(expected),
      );
      const [listed] = await listOverviewServices({ serviceIds: [service.id] }, { moments: [moment] });
      expect(Object.fromEntries(listed!.answersAt[0]!)).toEqual(
        Object.fromEntries([...expected].map(([itemId, answer]) => [itemId, { ...answer }])),
      );
    }
  });
});
