import { describe, expect, it } from "vitest";

import { createService, getServiceBySlug, listServices, updateService } from "@/lib/queries/services";
import { createTestAdmin, createTestTeam, setUpTestDatabase, unique } from "@/lib/testing/db";
import type { ServiceInput } from "@/lib/validations/service";
import { attempt } from "@/lib/write";

const getDb = setUpTestDatabase();

function serviceInput(teamId: string, overrides: Partial<ServiceInput> = {}): ServiceInput {
  const slug = unique("svc");
  return {
    name: `Service ${slug}`,
    slug,
    description: "",
    teamId,
    tier: 2,
    traits: ["SERVES_HTTP"],
    ...overrides,
  };
}

describe("services", () => {
  it("are created with their team, tier and traits", async () => {
    const team = await createTestTeam();
    const input = serviceInput(team.id, { traits: ["SERVES_HTTP", "BEHIND_NGINX"], tier: 1 });
    expect(await createService(input, await createTestAdmin())).toEqual({ slug: input.slug });
    const stored = await getServiceBySlug(input.slug);
    expect(stored).toMatchObject({
      name: input.name,
      tier: 1,
      traits: ["SERVES_HTTP", "BEHIND_NGINX"],
      team: { slug: team.slug },
    });
  });

  it("refuse a duplicate slug as a field error and store nothing", async () => {
    const team = await createTestTeam();
    const first = serviceInput(team.id);
    await createService(first, await createTestAdmin());
    const before = await getDb().service.count();
    expect(
      await attempt(async () =>
        createService({ ...serviceInput(team.id), slug: first.slug }, await createTestAdmin()),
      ),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { slug: [{ key: "validation.service.slug.taken" }] },
    });
    expect(await getDb().service.count()).toBe(before);
  });

  it("refuse an unknown team", async () => {
    const admin = await createTestAdmin();
    const result = await attempt(() =>
      createService(serviceInput("00000000-0000-4000-8000-000000000000"), admin),
    );
    expect(result).toMatchObject({
      code: "invalid",
      fieldErrors: { teamId: [{ key: "validation.service.team.unknown" }] },
    });
  });

  it("take only stored traits; a trait retired since stays on the services that had it", async () => {
    const team = await createTestTeam();
    const admin = await createTestAdmin();
    const before = await getDb().service.count();
    const unknownTrait = {
      ok: false,
      code: "invalid",
      fieldErrors: { traits: [{ key: "validation.service.traits.invalid" }] },
    };
    expect(
      await attempt(() => createService(serviceInput(team.id, { traits: ["FLIES"] }), admin)),
    ).toMatchObject(unknownTrait);
    expect(await getDb().service.count()).toBe(before);

    const key = `RETIRING_${unique("t").slice(2).toUpperCase().replace(/-/g, "_")}`;
    await getDb().trait.create({ data: { key, nameJa: "廃止予定", nameEn: "Retiring", position: 99 } });
    const input = serviceInput(team.id, { traits: [key] });
    await createService(input, admin);
    await getDb().trait.update({ where: { key }, data: { retiredAt: new Date() } });
    const service = (await getServiceBySlug(input.slug))!;
    expect(await updateService(service.id, { ...input, tier: 1 }, admin)).toEqual({ slug: input.slug });
    expect(await attempt(() => createService(serviceInput(team.id, { traits: [key] }), admin))).toMatchObject(
      unknownTrait,
    );
  });

  it("are updated, including a new slug, and an update to a taken slug changes nothing", async () => {
    const team = await createTestTeam();
    const a = serviceInput(team.id);
    const b = serviceInput(team.id);
    await createService(a, await createTestAdmin());
    await createService(b, await createTestAdmin());
    const stored = await getServiceBySlug(a.slug);
    const renamed = unique("renamed");
    expect(
      await updateService(
        stored!.id,
        { ...a, slug: renamed, traits: ["RUNS_BATCH"] },
        await createTestAdmin(),
      ),
    ).toEqual({ slug: renamed });
    expect(await getServiceBySlug(renamed)).toMatchObject({ traits: ["RUNS_BATCH"] });
    const admin = await createTestAdmin();
    expect(
      await attempt(() => updateService(stored!.id, { ...a, name: "changed", slug: b.slug }, admin)),
    ).toMatchObject({ ok: false, fieldErrors: { slug: [{ key: "validation.service.slug.taken" }] } });
    expect(await getServiceBySlug(renamed)).toMatchObject({ name: a.name });
  });

  it("are listed by team", async () => {
    const team = await createTestTeam();
    const other = await createTestTeam();
    await createService(serviceInput(team.id), await createTestAdmin());
    await createService(serviceInput(team.id), await createTestAdmin());
    await createService(serviceInput(other.id), await createTestAdmin());
    const { total, services } = await listServices({ teamSlug: team.slug });
    expect(total).toBe(2);
    expect(services.every((service) => service.team.slug === team.slug)).toBe(true);
  });
});
