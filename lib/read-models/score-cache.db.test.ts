import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { saveAnswer } from "@/lib/queries/answers";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { loadOverview } from "@/lib/read-models/overview";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";

setUpTestDatabase();

// The overview keeps what it read and scored between views (lib/read-models/score-cache.ts). These tests use
// the real clock, so that the past days it compares with are settled and cached, and change the
// data behind the app's back to show that the cache follows.

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const ITEM = "connectivity.each-component";

async function oneService() {
  const team = await createTestTeam();
  const member = await createTestUser("MEMBER", [team.id]);
  const slug = unique("cached");
  await createService({ name: slug, slug, description: "", teamId: team.id, tier: 1, traits: [] }, member);
  const service = (await getServiceBySlug(slug))!;
  // Registered long ago, so that the past it is compared with includes it.
  await getDb().service.update({ where: { id: service.id }, data: { createdAt: ago(365) } });
  return { team, member, service };
}

const connectivity = async (teamSlug: string) =>
  (await loadOverview({ teamSlug })).rows[0]!.categories.connectivity!;

describe("cached overview scores", () => {
  it("follow every write to the answers, through the app or not", async () => {
    const { team, member, service } = await oneService();
    expect(await connectivity(team.slug)).toMatchObject({ earned: 0, answered: 0 });

    await saveAnswer({ serviceId: service.id, itemKey: ITEM, status: "MET", note: "" }, member);
    expect(await connectivity(team.slug)).toMatchObject({ earned: 1, answered: 1 });

    // Written straight to the table, as a repair script would: the trigger on answers still tells.
    await getDb().$executeRaw`UPDATE answers SET status = 'PARTIAL' WHERE service_id = ${service.id}::uuid`;
    expect(await connectivity(team.slug)).toMatchObject({ earned: 0.5, answered: 1 });

    await getDb().$executeRaw`DELETE FROM answers WHERE service_id = ${service.id}::uuid`;
    expect(await connectivity(team.slug)).toMatchObject({ earned: 0, answered: 0 });
  });

  it("follow traits and today's date", async () => {
    const { team, member, service } = await oneService();
    await saveAnswer({ serviceId: service.id, itemKey: ITEM, status: "MET", note: "" }, member);
    const before = (await loadOverview({ teamSlug: team.slug })).rows[0]!;
    await getDb().service.update({ where: { id: service.id }, data: { traits: ["RUNS_BATCH"] } });
    const after = (await loadOverview({ teamSlug: team.slug })).rows[0]!;
    // A batch service has batch items to answer: more is applicable, the same is earned.
    expect(after.overall.applicable).toBeGreaterThan(before.overall.applicable);
    expect(after.overall.earned).toBe(before.overall.earned);
  });

  it("compare with the past as the events tell it, even when the history is rewritten", async () => {
    const { team, member, service } = await oneService();
    await saveAnswer({ serviceId: service.id, itemKey: ITEM, status: "MET", note: "" }, member, {
      at: ago(120),
    });
    const first = await loadOverview({ teamSlug: team.slug });
    expect(first.teams[0]!.deltas).toEqual({ day: 0, week: 0, quarter: 0 });

    // Imported history: the item was not met from ten days ago until two days ago. The answers
    // table (the present) does not change; a week ago does.
    const versionId = (
      await getDb().checklistItemVersion.findFirstOrThrow({
        where: { item: { key: ITEM } },
        orderBy: { version: "desc" },
        select: { id: true },
      })
    ).id;
    const itemId = (
      await getDb().checklistItem.findUniqueOrThrow({ where: { key: ITEM }, select: { id: true } })
    ).id;
    for (const [from, to, at] of [
      ["MET", "NOT_MET", ago(10)],
      ["NOT_MET", "MET", ago(2)],
    ] as const) {
      await getDb().answerEvent.create({
        data: {
          serviceId: service.id,
          itemId,
          itemVersionId: versionId,
          fromStatus: from,
          toStatus: to,
          note: "",
          links: [],
          action: "SAVED",
          review: "DECLARED",
          actorId: member.id,
          createdAt: at,
        },
      });
    }
    const second = await loadOverview({ teamSlug: team.slug });
    expect(second.rows[0]!.categories.connectivity).toMatchObject({ earned: 1 });
    expect(second.teams[0]!.deltas.day).toBe(0);
    expect(second.teams[0]!.deltas.week).toBeGreaterThan(0);
    expect(second.teams[0]!.deltas.quarter).toBe(0);
  });
});
