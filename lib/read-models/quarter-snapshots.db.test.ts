import { describe, expect, it } from "vitest";

import { env } from "@/lib/env";
import type { Principal } from "@/lib/permissions";
import { fiscalQuarter, quarterEndInstant } from "@/lib/quarters";
import { saveAnswer } from "@/lib/queries/answers";
import { scoreServiceAt } from "@/lib/queries/assessment";
import { listAuditLog } from "@/lib/queries/audit";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { deleteSetting, setFiscalStartMonth } from "@/lib/queries/settings";
import { reopenQuarter } from "@/lib/read-models/quarter-reopenings";
import { closeQuarter, listQuarterSnapshots, previewQuarterClose } from "@/lib/read-models/quarter-snapshots";
import { loadTrend } from "@/lib/read-models/trends";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";
import { quarterReopenSchema } from "@/lib/validations/trends";
import { attempt } from "@/lib/write";

const getDb = setUpTestDatabase();

const NOW = new Date("2033-02-10T03:00:00Z"); // FY2032 Q4 with an April start
const DAY = 86_400_000;

async function serviceWithHistory() {
  await deleteSetting("fiscal.start_month");
  const team = await createTestTeam();
  const member = await createTestUser("MEMBER", [team.id]);
  const slug = unique("quarters");
  await createService({ name: slug, slug, description: "", teamId: team.id, tier: 2, traits: [] }, member);
  const service = (await getServiceBySlug(slug))!;
  // Answers have to predate the quarters: the service was created today, so move it back in time.
  await getDb().service.update({
    where: { id: service.id },
    data: { createdAt: new Date("2031-01-01T00:00:00Z") },
  });
  return { team, member, service };
}

describe("closing a quarter", () => {
  it("freezes every service's score at the quarter's end; later answers and checklist edits do not move it", async () => {
    const { team, member, service } = await serviceWithHistory();
    const admin = await createTestUser("ADMIN");
    const q3 = fiscalQuarter(2032, 3, 4); // October to December 2032
    const end = quarterEndInstant(q3, env.TENKEN_TIME_ZONE);
    const answer = (itemKey: string, status: "MET" | "NOT_MET", at: Date) =>
      saveAnswer({ serviceId: service.id, itemKey, status, note: "" }, member, { at });
    await answer("connectivity.each-component", "MET", new Date(end.getTime() - 30 * DAY));
    await answer("connectivity.over-network", "NOT_MET", new Date(end.getTime() - 1000));
    // After the quarter's end: not part of it.
    await answer("connectivity.over-network", "MET", new Date(end.getTime() + 1000));

    const close3 = (actor: Principal) =>
      attempt(() => closeQuarter({ fiscalYear: 2032, quarter: 3 }, actor, { now: NOW }));
    expect(await attempt(() => closeQuarter({ fiscalYear: 2032, quarter: 4 }, admin, { now: NOW }))).toEqual({
      ok: false,
      code: "conflict",
      message: { key: "trends.not-ended" },
    });
    expect(await close3(member)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await close3(admin)).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    expect(await close3(admin)).toEqual({
      ok: false,
      code: "conflict",
      message: { key: "trends.already-closed" },
    });

    const close = await getDb().quarterClose.findFirstOrThrow({ where: { fiscalYear: 2032, quarter: 3 } });
    const [snapshot] = await listQuarterSnapshots({ closeIds: [close.id], serviceId: service.id });
    const atEnd = await scoreServiceAt({ serviceId: service.id, traits: service.traits, at: end });
    expect(snapshot).toMatchObject({ percent: atEnd.overall.percent, teamSlug: team.slug });
    expect((snapshot!.categories as Record<string, { percent: number }>).connectivity!.percent).toBe(33.3);
    expect((await listAuditLog({ kind: "quarter.closed", take: 1 }))[0]).toMatchObject({
      after: { fiscalYear: 2032, quarter: 3 },
    });

    // Later: answers change, a correction is back-dated into the quarter, the service gains a
    // trait (batch items now apply to it), and the checklist is edited (the item now weighs 5).
    await answer("connectivity.each-component", "NOT_MET", new Date(NOW.getTime() - DAY));
    await answer("connectivity.each-component", "NOT_MET", new Date(end.getTime() - 10 * DAY));
    await getDb().service.update({ where: { id: service.id }, data: { traits: ["RUNS_BATCH"] } });
    // Recomputed now, the quarter's end would read differently: only the snapshot keeps it.
    const recomputed = await scoreServiceAt({ serviceId: service.id, traits: ["RUNS_BATCH"], at: end });
    expect(recomputed.overall.percent).not.toBe(snapshot!.percent);
    const item = await getDb().checklistItem.findUniqueOrThrow({
      where: { key: "connectivity.over-network" },
      include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    });
    const { id: _id, itemId: _itemId, version, effectiveFrom: _from, ...wording } = item.versions[0]!;
    await getDb().checklistItemVersion.create({
      data: {
        ...wording,
        itemId: item.id,
        version: version + 1,
        weight: 5,
        effectiveFrom: new Date(NOW.getTime() - DAY),
      },
    });
    try {
      const [after] = await listQuarterSnapshots({ closeIds: [close.id], serviceId: service.id });
      expect(after).toEqual(snapshot);

      const trend = await loadTrend({ serviceId: service.id }, NOW);
      const closed = trend.points.find((point) => point.quarter.start === q3.start)!;
      expect(closed).toMatchObject({ closed: true, current: false, overall: { average: snapshot!.percent } });
      const open = trend.points.at(-1)!;
      expect(open).toMatchObject({ closed: false, current: true });
      expect(trend.closable.some((quarter) => quarter.start === q3.start)).toBe(false);
    } finally {
      await getDb().checklistItemVersion.deleteMany({ where: { itemId: item.id, version: version + 1 } });
    }
  });

  it("names quarters by the fiscal start month when closing", async () => {
    await serviceWithHistory();
    const admin = await createTestUser("ADMIN");
    await closeQuarter({ fiscalYear: 2030, quarter: 1 }, admin, { now: NOW });
    const close = await getDb().quarterClose.findFirstOrThrow({ where: { fiscalYear: 2030, quarter: 1 } });
    expect(close).toMatchObject({
      fiscalStartMonth: 4,
      startsOn: new Date("2030-04-01T00:00:00Z"),
      endsOn: new Date("2030-07-01T00:00:00Z"),
    });

    // A year starting in February: its quarters end in April, July, October and January.
    await setFiscalStartMonth(2, admin);
    try {
      const quarter = fiscalQuarter(2030, 4, 2);
      await closeQuarter({ fiscalYear: 2030, quarter: 4 }, admin, { now: NOW });
      const february = await getDb().quarterClose.findFirstOrThrow({
        where: { fiscalYear: 2030, quarter: 4, fiscalStartMonth: 2 },
      });
      expect(february).toMatchObject({
        startsOn: new Date(`${quarter.start}T00:00:00Z`),
        endsOn: new Date(`${quarter.end}T00:00:00Z`),
      });
      expect([quarter.start, quarter.end]).toEqual(["2030-11-01", "2031-02-01"]);
    } finally {
      await deleteSetting("fiscal.start_month");
    }
  });
});

describe("reopening a quarter", () => {
  it("shows what closing freezes, lets only an admin reopen with a reason, and closes again", async () => {
    const { service } = await serviceWithHistory();
    const [admin, sre] = [await createTestUser("ADMIN"), await createTestUser("SRE")];
    const q2 = { fiscalYear: 2031, quarter: 2 } as const;
    // A quarter of its own: a run before this one may have left it closed.
    const leftover = await getDb().quarterClose.findMany({ where: q2, select: { id: true } });
    await getDb().quarterSnapshot.deleteMany({ where: { closeId: { in: leftover.map(({ id }) => id) } } });
    await getDb().quarterClose.deleteMany({ where: q2 });
    await saveAnswer(
      { serviceId: service.id, itemKey: "connectivity.each-component", status: "MET", note: "" },
      admin,
      { at: new Date("2031-08-01T00:00:00Z") },
    );

    const preview = await previewQuarterClose(q2, sre, { now: NOW });
    expect(preview.quarter).toMatchObject({ start: "2031-07-01", end: "2031-10-01" });
    expect(preview.teams.reduce((total, team) => total + team.services, 0)).toBe(preview.services);
    expect(
      await attempt(() => previewQuarterClose({ fiscalYear: 2032, quarter: 4 }, sre, { now: NOW })),
    ).toMatchObject({
      ok: false,
      message: { key: "trends.not-ended" },
    });
    const { id } = await closeQuarter(q2, sre, { now: NOW });
    expect(await getDb().quarterSnapshot.count({ where: { closeId: id } })).toBe(preview.services);
    const frozen = await getDb().quarterSnapshot.aggregate({
      where: { closeId: id },
      _avg: { percent: true },
    });
    expect(preview.declared?.average).toBeCloseTo(frozen._avg.percent ?? NaN, 0);

    const reopen = (actor: Principal, reason = "A back-dated correction belongs in the quarter") =>
      attempt(() => reopenQuarter({ ...q2, reason }, actor, { now: NOW }));
    expect(await reopen(sre)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await getDb().quarterClose.count({ where: q2 })).toBe(1);
    expect(await reopen(admin)).toMatchObject({ ok: true });
    expect(await reopen(admin)).toEqual({
      ok: false,
      code: "conflict",
      message: { key: "trends.not-closed" },
    });
    expect(await getDb().quarterClose.count({ where: q2 })).toBe(0);
    expect(await getDb().quarterSnapshot.count({ where: { closeId: id } })).toBe(0);
    expect((await listAuditLog({ kind: "quarter.reopened", take: 1 }))[0]).toMatchObject({
      before: { fiscalYear: 2031, quarter: 2, services: preview.services },
      after: { fiscalYear: 2031, quarter: 2, reason: "A back-dated correction belongs in the quarter" },
    });

    const pointOf = async () =>
      (await loadTrend({}, NOW)).points.find((point) => point.quarter.start === "2031-07-01")!;
    expect(await pointOf()).toMatchObject({
      closed: false,
      reopened: {
        reason: "A back-dated correction belongs in the quarter",
        reopenedBy: { name: admin.name },
      },
    });
    expect((await loadTrend({}, NOW)).closable.some((quarter) => quarter.start === "2031-07-01")).toBe(true);

    // Closed again: frozen anew, and still marked as once reopened.
    expect(await attempt(() => closeQuarter(q2, admin, { now: NOW }))).toMatchObject({ ok: true });
    expect(await pointOf()).toMatchObject({ closed: true, reopened: { reopenedBy: { name: admin.name } } });
  });

  it("needs a reason, in words", () => {
    const refused = quarterReopenSchema.safeParse({ quarter: "2031-Q2", reason: "   " });
    expect(refused.success ? [] : refused.error.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["reason"], "validation.quarter.reasonRequired"],
    ]);
    expect(quarterReopenSchema.parse({ quarter: "2031-Q2", reason: "Late correction" })).toEqual({
      fiscalYear: 2031,
      quarter: 2,
      reason: "Late correction",
    });
  });
});
