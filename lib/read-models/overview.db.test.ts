import { describe, expect, it } from "vitest";

import { saveAnswer } from "@/lib/queries/answers";
import { listAuditLog } from "@/lib/queries/audit";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { deleteSetting, getFiscalStartMonth, setFiscalStartMonth } from "@/lib/queries/settings";
import { loadOverview } from "@/lib/read-models/overview";
import { getServiceAnswersAt } from "@/lib/read-models/packed-answers";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";

setUpTestDatabase();

const DAY = 86_400_000;
const NOW = new Date("2031-06-01T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

async function teamWithServices(count: number) {
  const team = await createTestTeam();
  const member = await createTestUser("MEMBER", [team.id]);
  const services = [];
  for (let index = 0; index < count; index++) {
    const slug = unique("overview");
    await createService({ name: slug, slug, description: "", teamId: team.id, tier: 1, traits: [] }, member);
    services.push((await getServiceBySlug(slug))!);
  }
  return { team, member, services };
}

describe("scores at a date for many services", () => {
  it("are recomputed from the events, and compared with a day, a week and a quarter before", async () => {
    const { team, member, services } = await teamWithServices(2);
    const [first, second] = services as [
      NonNullable<(typeof services)[number]>,
      NonNullable<(typeof services)[number]>,
    ];
    const answer = (serviceId: string, itemKey: string, status: "MET" | "NOT_MET", at: Date) =>
      saveAnswer({ serviceId, itemKey, status, note: "" }, member, { at });
    // A quarter and more ago, both services fail the connectivity check; last week the first fixes it.
    await answer(first.id, "connectivity.each-component", "NOT_MET", ago(120));
    await answer(second.id, "connectivity.each-component", "NOT_MET", ago(120));
    await answer(first.id, "connectivity.each-component", "MET", ago(3));

    const then = await getServiceAnswersAt({ serviceIds: [first.id, second.id], at: ago(7) });
    expect([...then.get(first.id)!.values()].map((stored) => stored.status)).toEqual(["NOT_MET"]);

    const overview = await loadOverview({ teamSlug: team.slug }, NOW);
    expect(overview.rows.map((row) => row.slug).sort()).toEqual([first.slug, second.slug].sort());
    const connectivity = (slug: string) =>
      overview.rows.find((row) => row.slug === slug)!.categories.connectivity!;
    expect(connectivity(first.slug)).toMatchObject({ earned: 1, answered: 1 });
    expect(connectivity(second.slug)).toMatchObject({ earned: 0, answered: 1 });

    const [teamRow] = overview.teams;
    expect(teamRow).toMatchObject({ slug: team.slug, services: 2 });
    expect(teamRow!.rollup.categories.connectivity).toMatchObject({ count: 2, min: 0, max: 33.3 });
    // Three days ago the first service improved: a week ago and a quarter ago the average was lower; a day ago it was the same.
    expect(teamRow!.deltas).toEqual({ day: 0, week: expect.any(Number), quarter: expect.any(Number) });
    expect(teamRow!.deltas.week).toBeGreaterThan(0);
    expect(overview.organisation.deltas).toEqual(teamRow!.deltas);
    // Per category too: connectivity moved in the week, metrics did not.
    expect(teamRow!.categoryDeltas.connectivity).toMatchObject({ day: 0 });
    expect(teamRow!.categoryDeltas.connectivity!.week).toBeGreaterThan(0);
    expect(teamRow!.categoryDeltas.metrics).toEqual({ day: 0, week: 0, quarter: 0 });
    // Each service carries its past scores for its own cells.
    const firstRow = overview.rows.find((row) => row.slug === first.slug)!;
    expect(firstRow.past.map((score) => score?.categories.connectivity)).toEqual([33.3, 0, 0]);

    const weakest = overview.weakest.find((entry) => entry.item.key === "connectivity.each-component");
    expect(weakest).toMatchObject({
      notMet: 1,
      applicable: 2,
      ratePercent: 50,
      services: [{ slug: second.slug }],
    });

    // Where the weakest items lead: only the services failing one item.
    const failing = await loadOverview({ teamSlug: team.slug }, NOW, {
      failing: "connectivity.each-component",
    });
    expect(failing.rows.map((row) => row.slug)).toEqual([second.slug]);
    expect((await loadOverview({ teamSlug: team.slug }, NOW, { failing: "no.such-item" })).rows).toEqual([]);

    // The same overview as it stood a week ago: both services failed then, and both are weakest.
    const weekAgo = await loadOverview({ teamSlug: team.slug }, NOW, { asOf: ago(7) });
    expect(weekAgo.today).toBe(ago(7).toISOString().slice(0, 10));
    expect(weekAgo.rows.find((row) => row.slug === first.slug)!.categories.connectivity).toMatchObject({
      earned: 0,
      answered: 1,
    });
    expect(weekAgo.weakest.find((entry) => entry.item.key === "connectivity.each-component")).toMatchObject({
      notMet: 2,
      applicable: 2,
    });
    // Compared with the week before it, nothing had moved yet.
    expect(weekAgo.teams[0]!.deltas).toEqual({ day: 0, week: 0, quarter: 0 });
  });

  it("filter by tier and trait", async () => {
    const { team } = await teamWithServices(1);
    expect((await loadOverview({ teamSlug: team.slug, tier: 2 }, NOW)).rows).toEqual([]);
    expect((await loadOverview({ teamSlug: team.slug, trait: "RUNS_BATCH" }, NOW)).rows).toEqual([]);
    expect((await loadOverview({ teamSlug: team.slug, tier: 1 }, NOW)).rows).toHaveLength(1);
  });
});

describe("the fiscal year setting", () => {
  it("defaults to April, is changed by admins only, and the change is audited", async () => {
    await deleteSetting("fiscal.start_month");
    expect(await getFiscalStartMonth()).toBe(4);
    await expect(setFiscalStartMonth(1, await createTestUser("SRE"))).rejects.toMatchObject({
      code: "forbidden",
    });
    const admin = await createTestUser("ADMIN");
    await setFiscalStartMonth(1, admin);
    expect(await getFiscalStartMonth()).toBe(1);
    expect((await listAuditLog({ kind: "settings.updated", take: 1 }))[0]).toMatchObject({
      before: { fiscalStartMonth: 4 },
      after: { fiscalStartMonth: 1 },
    });
    await deleteSetting("fiscal.start_month");
  });
});
