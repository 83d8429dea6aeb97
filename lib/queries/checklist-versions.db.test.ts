import { beforeEach, describe, expect, it } from "vitest";

import { readDefaultChecklistDocument } from "@/lib/checklist/default";
import { keepRetired } from "@/lib/checklist/edit";
import { saveAnswer } from "@/lib/queries/answers";
import { scoreServiceAt } from "@/lib/queries/assessment";
import { getChecklist } from "@/lib/queries/checklist";
import {
  checklistDocumentAt,
  getChecklistDraft,
  getChecklistVersion,
  latestVersionChanges,
  listChecklistVersions,
  listRetiredItemKeys,
  publishChecklistDraft,
  saveChecklistDraft,
} from "@/lib/queries/checklist-versions";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";
import { checklistDocument, type ChecklistDocument } from "@/lib/validations/checklist-document";
import { attempt } from "@/lib/write";

const getDb = setUpTestDatabase();

// Publications happen far in the future, so that every other test keeps scoring against the
// checklist as seeded: what a version changes counts only from its moment on.
const PUBLISHED = new Date("2090-04-01T00:00:00Z");
const BEFORE = new Date("2090-03-31T00:00:00Z");
const AFTER = new Date("2090-04-02T00:00:00Z");

async function draftOf(change: (document: ChecklistDocument) => void, at?: Date) {
  const document = structuredClone(await checklistDocumentAt(at));
  change(document);
  return checklistDocument.parse(document);
}

describe("checklist versions", () => {
  // One draft per installation: start each test without one, whatever ran before.
  beforeEach(async () => {
    await getDb().checklistDraft.deleteMany({});
  });

  it("publish a draft: a new trait and item, a reworded item keeping its answers, a retired one kept in the past", async () => {
    const admin = await createTestUser("ADMIN");
    const team = await createTestTeam();
    const slug = unique("versioned");
    await createService({ name: slug, slug, description: "", teamId: team.id, tier: 1, traits: [] }, admin);
    const service = (await getServiceBySlug(slug))!;
    await saveAnswer(
      { serviceId: service.id, itemKey: "alerting.runbook-link", status: "MET", note: "" },
      admin,
      { at: new Date("2089-01-01T00:00:00Z") },
    );
    await saveAnswer(
      { serviceId: service.id, itemKey: "other.architecture-diagram", status: "MET", note: "" },
      admin,
      { at: new Date("2089-01-01T00:00:00Z") },
    );
    const versionsBefore = await listChecklistVersions();
    const trait = `USES_CDN_${unique("x").slice(2, 6).toUpperCase()}`;
    const itemKey = `other.cdn-${unique("x").slice(2)}`;

    const document = await draftOf((draft) => {
      draft.traits.push({
        key: trait,
        name: { ja: "CDNあり", en: "Uses a CDN" },
        description: { ja: "", en: "" },
      });
      const other = draft.categories.find((category) => category.key === "other")!;
      other.items.find((item) => item.key === "other.architecture-diagram")!.text.en =
        "Current architecture and request-flow diagrams exist";
      other.items.push({
        key: itemKey,
        text: { ja: "CDNのヒット率を監視している", en: "The CDN hit ratio is monitored" },
        guidance: { ja: "", en: "" },
        weight: 1,
        requires: [trait],
      });
      const alerting = draft.categories.find((category) => category.key === "alerting")!;
      Object.assign(
        alerting.items.find((item) => item.key === "alerting.resend")!,
        { retired: true, weight: 0 },
      );
    });
    const saved = await saveChecklistDraft(document, 0, admin);
    expect(
      await publishChecklistDraft(
        { summary: "CDN item; diagrams reworded; resend retired", revision: saved.revision },
        admin,
        { at: PUBLISHED },
      ),
    ).toEqual({ number: versionsBefore[0]!.number + 1 });
    expect(await getChecklistDraft()).toBeNull();

    // From its moment on: the new item, the new wording, the retired item gone.
    const after = (await getChecklist({ at: AFTER })).flatMap((category) => category.items);
    expect(after.find((item) => item.key === itemKey)?.requiredTraits).toEqual([trait]);
    expect(after.find((item) => item.key === "other.architecture-diagram")?.textEn).toBe(
      "Current architecture and request-flow diagrams exist",
    );
    expect(after.some((item) => item.key === "alerting.resend")).toBe(false);
    // Before it, the checklist as it was.
    const before = (await getChecklist({ at: BEFORE })).flatMap((category) => category.items);
    expect(before.some((item) => item.key === itemKey)).toBe(false);
    expect(before.find((item) => item.key === "other.architecture-diagram")?.textEn).toBe(
      "Architecture and request-flow diagrams exist for the service",
    );
    expect(before.some((item) => item.key === "alerting.resend")).toBe(true);

    // The reworded item kept its answer; the score before the publication did not move.
    const answers = await getDb().answer.findMany({
      where: { serviceId: service.id },
      select: { item: { select: { key: true } }, status: true },
    });
    expect(answers.map((answer) => answer.item.key).sort()).toEqual([
      "alerting.runbook-link",
      "other.architecture-diagram",
    ]);
    const scoreBefore = await scoreServiceAt({ serviceId: service.id, traits: [], at: BEFORE });
    const scoreAfter = await scoreServiceAt({ serviceId: service.id, traits: [], at: AFTER });
    // One applicable item fewer afterwards (resend retired; the CDN item needs a trait the service lacks).
    expect(scoreAfter.overall.applicable).toBe(scoreBefore.overall.applicable - 1);

    // The version records the file and the change; every service moved to it.
    const latest = await getChecklistVersion(versionsBefore[0]!.number + 1);
    expect(latest?.summary).toBe("CDN item; diagrams reworded; resend retired");
    expect(
      latest?.document.categories
        .flatMap((category) => category.items)
        .some((item) => item.key === "alerting.resend"),
    ).toBe(false);
    expect(
      (
        await getDb().service.findUniqueOrThrow({
          where: { id: service.id },
          select: { checklistVersionId: true },
        })
      ).checklistVersionId,
    ).toBe(latest?.id);
    const changes = await latestVersionChanges();
    expect(changes?.diff.items.map((change) => [change.kind, change.key])).toEqual([
      ["changed", "other.architecture-diagram"],
      ["added", itemKey],
      ["retired", "alerting.resend"],
    ]);
    expect(changes?.diff.traits.added.map((added) => added.key)).toEqual([trait]);
    expect(await getDb().trait.findUnique({ where: { key: trait }, select: { nameEn: true } })).toEqual({
      nameEn: "Uses a CDN",
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { kind: "checklist.published" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.after).toMatchObject({
      added: [itemKey],
      changed: ["other.architecture-diagram"],
      retired: ["alerting.resend"],
      traitsAdded: [trait],
    });

    // A retired item's key cannot come back to mean something new.
    const again = await draftOf((draft) => {
      draft.categories
        .find((category) => category.key === "alerting")!
        .items.push({
          key: "alerting.resend",
          text: { ja: "再通知", en: "Re-notify" },
          guidance: { ja: "", en: "" },
          weight: 1,
          requires: [],
        });
    }, AFTER);
    // Refused on save already: nothing is stored.
    expect(await attempt(() => saveChecklistDraft(again, 0, admin, { at: AFTER }))).toEqual({
      ok: false,
      code: "invalid",
      message: { key: "validation.checklist.key.retired", values: { key: "alerting.resend" } },
    });
    expect(await getChecklistDraft()).toBeNull();
    // The default checklist, restored, keeps the item retired, so it can be saved and published.
    const restored = keepRetired(readDefaultChecklistDocument(), await listRetiredItemKeys());
    expect(
      restored.categories
        .flatMap((category) => category.items)
        .find((item) => item.key === "alerting.resend"),
    ).toMatchObject({ retired: true, weight: 0 });
    const third = await saveChecklistDraft(restored, 0, admin, { at: AFTER });
    expect(
      await publishChecklistDraft({ summary: "Default restored", revision: third.revision }, admin, {
        at: AFTER,
      }),
    ).toMatchObject({ number: expect.any(Number) });
    expect(
      (await getChecklist({ at: new Date("2090-04-03T00:00:00Z") }))
        .flatMap((category) => category.items)
        .some((item) => item.key === "alerting.resend"),
    ).toBe(false);
  });

  it("refuse a draft saved from an older page, naming who saved last, and leave the stored draft alone", async () => {
    const admin = await createTestUser("ADMIN");
    const other = await createTestUser("ADMIN");
    const sre = await createTestUser("SRE");
    const document = await checklistDocumentAt();
    await expect(saveChecklistDraft(document, 0, sre)).rejects.toMatchObject({ code: "forbidden" });
    const first = await saveChecklistDraft(document, 0, admin);
    expect(first).toEqual({ revision: 1 });
    const renamed = structuredClone(document);
    renamed.title.en = "Our monitoring checklist";
    expect(await saveChecklistDraft(renamed, 1, other)).toEqual({ revision: 2 });
    // The first admin saves from the page they opened at revision 1.
    const refused = await attempt(() => saveChecklistDraft(document, 1, admin));
    expect(refused).toMatchObject({
      ok: false,
      code: "conflict",
      message: { key: "validation.checklist.draft.conflict", values: { name: other.name } },
    });
    expect((await getChecklistDraft())?.document.title.en).toBe("Our monitoring checklist");
    expect(
      await attempt(() => publishChecklistDraft({ summary: "", revision: 1 }, admin, { at: AFTER })),
    ).toMatchObject({ ok: false, code: "conflict", message: { key: "validation.checklist.draft.conflict" } });
    await getDb().checklistDraft.deleteMany({});
  });
});
