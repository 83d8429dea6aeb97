import { describe, expect, it } from "vitest";

import type { Principal } from "@/lib/permissions";
import { getAnswer, saveAnswer } from "@/lib/queries/answers";
import { createService, getServiceBySlug, updateService } from "@/lib/queries/services";
import { updateTeam } from "@/lib/queries/teams";
import { setUserActive, setUserRole } from "@/lib/queries/users";
import type { Result } from "@/lib/result";
import { createTestAdmin, createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";
import { answerSchema } from "@/lib/validations/answer";
import { serviceEditSchema } from "@/lib/validations/service";
import { teamUpdateSchema } from "@/lib/validations/user";
import { write } from "@/lib/write";

const getDb = setUpTestDatabase();

const ROUNDS = 50;

/** Of two saves made at once from the same page, which one was taken: exactly one, the other refused. */
function oneWinner(results: Result<unknown>[], people: Principal[]) {
  const won = results.flatMap((result, index) => (result.ok ? [index] : []));
  expect(won).toHaveLength(1);
  const winner = won[0]!;
  const refused = results[1 - winner]!;
  expect(refused).toMatchObject({
    ok: false,
    code: "conflict",
    message: { key: "validation.revision.conflict", values: { name: people[winner]!.name } },
  });
  return winner;
}

async function teamWithService() {
  const team = await createTestTeam();
  const people = [await createTestUser("MEMBER", [team.id]), await createTestUser("MEMBER", [team.id])];
  const slug = unique("revised");
  await createService(
    { name: slug, slug, description: "", teamId: team.id, tier: 2, traits: [] },
    people[0]!,
  );
  return { team, people, service: (await getServiceBySlug(slug))! };
}

describe("two people saving the same thing at once", () => {
  it(`are one save and one conflict naming the other, for an answer (${ROUNDS} rounds)`, async () => {
    const { people, service } = await teamWithService();
    const itemKey = "connectivity.each-component";
    const events = () =>
      getDb().answerEvent.count({ where: { serviceId: service.id, item: { key: itemKey } } });
    for (let round = 0; round < ROUNDS; round++) {
      const revision =
        (await getAnswer({ serviceId: service.id, itemId: await itemId(itemKey) }))?.revision ?? 0;
      const before = await events();
      // Both read the page at the same revision, then save different answers through the form's schema.
      const sent = people.map((_, index) => ({
        serviceId: service.id,
        itemKey,
        status: index === 0 ? "MET" : "NOT_MET",
        note: `round ${round}, person ${index}`,
        revision: String(revision),
      }));
      const results = await Promise.all(
        people.map((person, index) => write(answerSchema, sent[index], person, saveAnswer)),
      );
      const winner = oneWinner(results, people);
      const stored = await getAnswer({ serviceId: service.id, itemId: await itemId(itemKey) });
      expect(stored).toMatchObject({ note: sent[winner]!.note, revision: revision + 1 });
      expect(await events()).toBe(before + 1);
    }
  });

  it(`are one save and one conflict naming the other, for a service (${ROUNDS} rounds)`, async () => {
    const { team, people, service } = await teamWithService();
    for (let round = 0; round < ROUNDS; round++) {
      const current = await getDb().service.findUniqueOrThrow({ where: { id: service.id } });
      const audits = await getDb().auditEvent.count({ where: { entityId: service.id } });
      const sent = people.map((_, index) => ({
        name: current.name,
        slug: current.slug,
        description: `round ${round}: person ${index}'s description`,
        teamId: team.id,
        tier: String(index + 1),
        revision: String(current.revision),
      }));
      const results = await Promise.all(
        people.map((person, index) =>
          write(serviceEditSchema, sent[index], person, (input, actor) =>
            updateService(service.id, input, actor),
          ),
        ),
      );
      const winner = oneWinner(results, people);
      const stored = await getDb().service.findUniqueOrThrow({ where: { id: service.id } });
      expect(stored).toMatchObject({
        description: sent[winner]!.description,
        tier: winner + 1,
        revision: current.revision + 1,
      });
      expect(await getDb().auditEvent.count({ where: { entityId: service.id } })).toBe(audits + 1);
    }
  });
});

describe("a save from a page read before someone else's change", () => {
  it("is refused for a team, naming who changed it, and writes nothing", async () => {
    const [first, second] = [await createTestAdmin(), await createTestAdmin()];
    const team = await createTestTeam();
    const { revision } = await getDb().team.findUniqueOrThrow({ where: { id: team.id } });
    await updateTeam(team.id, { ...team, description: "first", revision }, first);
    const refused = await write(
      teamUpdateSchema,
      {
        teamId: team.id,
        name: team.name,
        slug: team.slug,
        description: "second",
        revision: String(revision),
      },
      second,
      ({ teamId, ...input }, actor) => updateTeam(teamId, input, actor),
    );
    expect(refused).toMatchObject({
      ok: false,
      code: "conflict",
      message: { key: "validation.revision.conflict", values: { name: first.name } },
    });
    expect(await getDb().team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({
      description: "first",
      revision: revision + 1,
    });
  });

  it("is refused for a person's role and for deactivating them", async () => {
    const [first, second] = [await createTestAdmin(), await createTestAdmin()];
    const person = await createTestUser("MEMBER");
    const { revision } = await getDb().user.findUniqueOrThrow({ where: { id: person.id } });
    await setUserRole(person.id, "SRE", first, { revision });
    const stale = { revision };
    for (const change of [
      () => setUserRole(person.id, "VIEWER", second, stale),
      () => setUserActive(person.id, false, second, stale),
    ])
      await expect(change()).rejects.toMatchObject({
        code: "conflict",
        detail: { key: "validation.revision.conflict", values: { name: first.name } },
      });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      role: "SRE",
      deactivatedAt: null,
      revision: revision + 1,
    });
    // Setting what is already there is no change, and no conflict.
    await setUserRole(person.id, "SRE", second, stale);
  });
});

const itemIds = new Map<string, string>();
async function itemId(key: string) {
  if (!itemIds.has(key))
    itemIds.set(key, (await getDb().checklistItem.findUniqueOrThrow({ where: { key } })).id);
  return itemIds.get(key)!;
}
