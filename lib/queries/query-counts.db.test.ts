import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getConnection } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { saveAnswer } from "@/lib/queries/answers";
import { loadAssessment } from "@/lib/queries/assessment";
import { listReviewQueue } from "@/lib/queries/review";
import { createService, getServiceBySlug, listServices } from "@/lib/queries/services";
import { loadOverview } from "@/lib/read-models/overview";
import { loadTrend } from "@/lib/read-models/trends";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";

setUpTestDatabase();

// Every database operation the pages' loaders make, counted on the real client: a page that reads
// per service (N+1) makes more of them as a team grows.
let operations = 0;
let original: PrismaClient;
beforeAll(() => {
  const connection = getConnection();
  original = connection.prisma;
  connection.prisma = original.$extends({
    query: {
      $allOperations({ args, query }) {
        operations++;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
});
afterAll(() => {
  getConnection().prisma = original;
});

async function countOperations(load: () => Promise<unknown>) {
  operations = 0;
  await load();
  return operations;
}

async function addServices(team: { id: string }, count: number) {
  const member = await createTestUser("MEMBER", [team.id]);
  const slugs = [];
  for (let index = 0; index < count; index++) {
    const slug = unique("counted");
    await createService(
      { name: slug, slug, description: "", teamId: team.id, tier: 1, traits: ["SERVES_HTTP"] },
      member,
    );
    const service = (await getServiceBySlug(slug))!;
    await saveAnswer(
      { serviceId: service.id, itemKey: "connectivity.each-component", status: "MET", note: "" },
      member,
    );
    await saveAnswer({ serviceId: service.id, itemKey: "http.latency", status: "PARTIAL", note: "" }, member);
    slugs.push(slug);
  }
  return slugs;
}

describe("the pages' loaders", () => {
  it("read as many times for a team of a few services as for a team of many", async () => {
    const team = await createTestTeam();
    const [first] = await addServices(team, 2);
    const loaders = {
      overview: () => loadOverview({ teamSlug: team.slug }),
      trend: () => loadTrend({ teamId: team.id }),
      services: () => listServices({ teamSlug: team.slug }),
      queue: () => listReviewQueue({ teamSlug: team.slug, staleBefore: "2026-01-01" }),
      assessment: () => loadAssessment(first!),
    };
    // The overview and the trend keep what they read (lib/read-models/score-cache.ts) and then read only the
    // services changed since: each count follows a change, and a first load fills the caches.
    const counted = async (load: () => Promise<unknown>) => {
      await addServices(team, 1);
      return countOperations(load);
    };
    const before: Record<string, number> = {};
    for (const [name, load] of Object.entries(loaders)) {
      await load();
      before[name] = await counted(load);
    }
    await addServices(team, 6);
    for (const [name, load] of Object.entries(loaders)) expect(await counted(load), name).toBe(before[name]);
    expect(before.overview).toBeGreaterThan(0);
  });
});
