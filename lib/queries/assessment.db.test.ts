import { describe, expect, it } from "vitest";

import { existedAt } from "@/lib/dates";
import { saveAnswer } from "@/lib/queries/answers";
import { loadAssessment } from "@/lib/queries/assessment";
import { createService } from "@/lib/queries/services";
import { loadOverview } from "@/lib/read-models/overview";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";

const getDb = setUpTestDatabase();
const DAY = 86_400_000;

describe("a service's changes in score", () => {
  it("are shown only against moments when the service existed, on its page as on the overview", async () => {
    const team = await createTestTeam();
    const member = await createTestUser("MEMBER", [team.id]);
    const slug = unique("young");
    await createService({ name: slug, slug, description: "", teamId: team.id, tier: 1, traits: [] }, member);
    const service = await getDb().service.findUniqueOrThrow({ where: { slug } });
    for (const itemKey of ["connectivity.each-component", "connectivity.over-network"])
      await saveAnswer({ serviceId: service.id, itemKey, status: "MET", note: "" }, member);

    // Created minutes ago: nothing to compare with, where it used to say "+100 pts" against nothing.
    const fresh = (await loadAssessment(slug))!;
    expect(fresh.score.overall.percent).toBeGreaterThan(0);
    const nothing = { day: null, week: null, quarter: null };
    expect(fresh.comparisons.declared).toEqual(nothing);
    expect(fresh.comparisons.verified).toEqual(nothing);
    expect(fresh.comparisons.categories.connectivity).toEqual(nothing);
    const row = async () =>
      (await loadOverview({ teamSlug: team.slug })).rows.find((entry) => entry.slug === slug)!;
    expect((await row()).past).toEqual([null, null, null]);

    // Two days old: compared with yesterday (when it had no answers), not with a week or a quarter ago.
    await getDb().service.update({
      where: { id: service.id },
      data: { createdAt: new Date(Date.now() - 2 * DAY) },
    });
    const older = (await loadAssessment(slug))!;
    expect(older.comparisons.declared).toEqual({
      day: older.score.overall.percent,
      week: null,
      quarter: null,
    });
    expect(older.comparisons.categories.connectivity!.day).toBeGreaterThan(0);
    expect(older.comparisons.categories.connectivity!.week).toBeNull();
    const past = (await row()).past;
    expect(past[0]).toMatchObject({ percent: 0 });
    expect(past.slice(1)).toEqual([null, null]);
  });

  it("counts a service as existing from the instant it was created", () => {
    const created = new Date("2026-12-01T09:00:00Z");
    expect(existedAt(created, new Date("2026-12-01T08:59:59.999Z"))).toBe(false);
    expect(existedAt(created, created)).toBe(true);
    expect(existedAt(created, new Date("2026-12-02T09:00:00Z"))).toBe(true);
  });
});
