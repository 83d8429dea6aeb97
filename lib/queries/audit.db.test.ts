import { describe, expect, it } from "vitest";

import type { Principal } from "@/lib/permissions";
import { saveAnswer } from "@/lib/queries/answers";
import { getAuditNames, listAuditLog } from "@/lib/queries/audit";
import { createService, getServiceBySlug, updateService } from "@/lib/queries/services";
import { createTestAdmin, createTestTeam, setUpTestDatabase, unique } from "@/lib/testing/db";
import type { ServiceInput } from "@/lib/validations/service";
import { attempt } from "@/lib/write";

const getDb = setUpTestDatabase();

async function newService(actor: Principal, overrides: Partial<ServiceInput> = {}) {
  const team = await createTestTeam();
  const slug = unique("audited");
  const input: ServiceInput = {
    name: `Audited ${slug}`,
    slug,
    description: "",
    teamId: team.id,
    tier: 2,
    traits: [],
    ...overrides,
  };
  await createService(input, actor);
  return { team, input, service: (await getServiceBySlug(slug))! };
}

describe("the audit log", () => {
  it("records service changes with actor and before/after, alongside answer changes, newest first", async () => {
    const actor = await createTestAdmin();
    const { team, input, service } = await newService(actor);
    await updateService(service.id, { ...input, tier: 1, traits: ["RUNS_BATCH"] }, actor);
    await saveAnswer(
      { serviceId: service.id, itemKey: "batch.success", status: "MET", note: "alerting on exit code" },
      actor,
    );

    const log = await listAuditLog({ serviceId: service.id });
    expect(log.map((entry) => entry.kind)).toEqual(["answer.saved", "service.updated", "service.created"]);
    expect(log.every((entry) => entry.actorName === actor.name && entry.serviceSlug === input.slug)).toBe(
      true,
    );
    expect(log[0]).toMatchObject({
      before: null,
      after: { item: "batch.success", status: "MET", note: "alerting on exit code", review: "DECLARED" },
    });
    expect(log[1]).toMatchObject({
      before: { tier: 2, traits: [], team: team.name },
      after: { tier: 1, traits: ["RUNS_BATCH"], team: team.name },
    });
    expect(log[2]).toMatchObject({ before: null, after: { name: input.name, slug: input.slug, tier: 2 } });
  });

  it("records nothing when the change is refused", async () => {
    const actor = await createTestAdmin();
    const { input: taken } = await newService(actor);
    const { input, service } = await newService(actor);
    const before = await getDb().auditEvent.count();
    expect(
      await attempt(() => updateService(service.id, { ...input, slug: taken.slug }, actor)),
    ).toMatchObject({
      ok: false,
      fieldErrors: { slug: [{ key: "validation.service.slug.taken" }] },
    });
    expect(await getDb().auditEvent.count()).toBe(before);
  });

  it("filters by team, kind and time", async () => {
    const actor = await createTestAdmin();
    const { team, input, service } = await newService(actor);
    const other = await newService(actor);
    await saveAnswer(
      { serviceId: service.id, itemKey: "logs.delivery-reliability", status: "PARTIAL", note: "" },
      actor,
    );
    const afterFirstAnswer = new Date();
    await updateService(service.id, { ...input, description: "now described" }, actor);

    const teamLog = await listAuditLog({ teamId: team.id });
    expect(teamLog.map((entry) => entry.serviceSlug)).toEqual([input.slug, input.slug, input.slug]);
    expect(teamLog.some((entry) => entry.serviceSlug === other.input.slug)).toBe(false);

    expect(
      (await listAuditLog({ teamId: team.id, kind: "answer.saved" })).map((entry) => entry.kind),
    ).toEqual(["answer.saved"]);
    expect(
      (await listAuditLog({ teamId: team.id, kind: "service.updated" })).map((entry) => entry.after),
    ).toEqual([expect.objectContaining({ description: "now described" })]);
    expect(
      (await listAuditLog({ teamId: team.id, from: afterFirstAnswer })).map((entry) => entry.kind),
    ).toEqual(["service.updated"]);
    expect(await listAuditLog({ teamId: team.id, to: new Date(0) })).toEqual([]);
    expect((await listAuditLog({ actorId: actor.id, take: 2 })).length).toBe(2);
  });

  it("reads the names of the items and traits its entries refer to by key, in both languages", async () => {
    const actor = await createTestAdmin();
    const { input, service } = await newService(actor);
    await updateService(service.id, { ...input, traits: ["RUNS_BATCH"] }, actor);
    await saveAnswer({ serviceId: service.id, itemKey: "batch.success", status: "MET", note: "" }, actor);

    const names = await getAuditNames(await listAuditLog({ serviceId: service.id }));
    expect(Object.keys(names.items)).toEqual(["batch.success"]);
    expect(names.items["batch.success"]).toEqual({ ja: expect.any(String), en: expect.any(String) });
    expect(names.items["batch.success"]!.en).not.toBe("batch.success");
    expect(Object.keys(names.traits)).toEqual(["RUNS_BATCH"]);
  });
});
