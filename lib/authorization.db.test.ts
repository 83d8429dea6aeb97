import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readDefaultChecklistDocument } from "@/lib/checklist/default";
import {
  addCategory,
  addItem,
  moveCategory,
  moveItem,
  retireTrait,
  saveTrait,
  setCategoryRetired,
  setItemRetired,
  updateCategory,
  updateItem,
  type EditResult,
} from "@/lib/checklist/edit";
import type { Principal } from "@/lib/permissions";
import { fiscalQuarter } from "@/lib/quarters";
import { createActionItem, updateActionItem } from "@/lib/queries/action-items";
import { saveAnswer } from "@/lib/queries/answers";
import {
  checklistDocumentAt,
  discardChecklistDraft,
  getChecklistDraft,
  publishChecklistDraft,
  saveChecklistDraft,
} from "@/lib/queries/checklist-versions";
import { addEvidence, removeEvidence, renewEvidence, updateEvidence } from "@/lib/queries/evidence";
import {
  changeIncidentCause,
  createIncidentCause,
  deleteIncident,
  recordIncident,
  updateIncident,
} from "@/lib/queries/incidents";
import { getRetrospectiveNotes, saveRetrospectiveNotes } from "@/lib/queries/retrospective-notes";
import { addComment, decideOnAnswer } from "@/lib/queries/review";
import { createService, getServiceBySlug, updateService } from "@/lib/queries/services";
import { getFiscalStartMonth, setFiscalStartMonth } from "@/lib/queries/settings";
import { addMembership, createTeam, removeMembership, updateTeam } from "@/lib/queries/teams";
import { createUser, setUserActive, setUserRole } from "@/lib/queries/users";
import { reopenQuarter } from "@/lib/read-models/quarter-reopenings";
import { closeQuarter } from "@/lib/read-models/quarter-snapshots";
import { createTestTeam, createTestUser, fingerprint, setUpTestDatabase, unique } from "@/lib/testing/db";
import type { ChecklistDocument } from "@/lib/validations/checklist-document";
import { attempt } from "@/lib/write";

/**
 * Every server action, run as every role and signed out. The writes in lib/queries check the
 * rules of lib/permissions themselves, so each entry runs the write its action performs.
 * Adding a server action without an entry here fails the first test below.
 */
const getDb = setUpTestDatabase();

type Role = "admin" | "sre" | "member" | "otherMember" | "viewer" | "signedOut";
const ROLES: Role[] = ["admin", "sre", "member", "otherMember", "viewer", "signedOut"];

type Fixture = {
  teamId: string;
  otherTeamId: string;
  serviceId: string;
  serviceSlug: string;
  targetUserId: string;
  principals: Record<Role, Principal | null>;
};

type Entry =
  // Changes nothing stored, or is how people get a session: open to everyone, for the reason given.
  | { public: string }
  | {
      allowed: Role[];
      // Puts the target in the state the action changes, before the fingerprint is taken.
      prepare?: (fixture: Fixture) => Promise<unknown>;
      run: (actor: Principal | null, fixture: Fixture) => Promise<unknown>;
    };

const matrix: Record<string, Entry> = {
  setLocaleAction: { public: "sets the language cookie of the person's own browser" },
  signInAction: { public: "creates a session; rate-limited, tested in auth.db.test.ts" },
  signInWithSsoAction: { public: "redirects to the identity provider" },
  signOutAction: { public: "ends the caller's own session" },
  createFirstAdminAction: { public: "needs the one-time setup token; tested in auth.db.test.ts" },
  readGuidanceAction: {
    public: "reads an item's guidance for someone signed in; answers nothing signed out",
  },
  createServiceAction: {
    allowed: ["admin", "member"],
    run: (actor, { teamId }) => {
      const slug = unique("matrix");
      return createService({ name: slug, slug, description: "", teamId, tier: 2, traits: [] }, actor);
    },
  },
  updateServiceAction: {
    allowed: ["admin", "member"],
    run: (actor, { serviceId, serviceSlug, teamId }) =>
      updateService(
        serviceId,
        { name: unique("renamed"), slug: serviceSlug, description: "", teamId, tier: 1, traits: [] },
        actor,
      ),
  },
  saveAnswerAction: {
    allowed: ["admin", "member"],
    run: (actor, { serviceId }) =>
      saveAnswer({ serviceId, itemKey: ITEM, status: "PARTIAL", note: unique("note") }, actor),
  },
  addEvidenceAction: {
    allowed: ["admin", "member"],
    prepare: ensureAnswer,
    run: (actor, { serviceId }) =>
      addEvidence({ serviceId, itemKey: ITEM, kind: "NOTE", body: unique("proof") }, actor, {
        today: TODAY,
      }),
  },
  updateEvidenceAction: {
    allowed: ["admin", "member"],
    prepare: prepareEvidence,
    run: (actor) =>
      updateEvidence({ evidenceId: preparedEvidenceId, kind: "NOTE", body: unique("edited") }, actor),
  },
  removeEvidenceAction: {
    allowed: ["admin", "member"],
    prepare: prepareEvidence,
    run: (actor) => removeEvidence({ evidenceId: preparedEvidenceId }, actor),
  },
  renewEvidenceAction: {
    allowed: ["admin", "member"],
    prepare: prepareEvidence,
    run: (actor) => renewEvidence({ evidenceId: preparedEvidenceId }, actor, { today: TODAY }),
  },
  // Reviewing is for reviewers, never for the team whose answer it is.
  reviewAnswerAction: {
    allowed: ["admin", "sre"],
    prepare: ensureAnswer,
    run: (actor, { serviceId }) =>
      decideOnAnswer(
        { serviceId, itemKey: ITEM, decision: "REQUEST_CHANGES", comment: unique("more proof") },
        actor,
        { today: TODAY },
      ),
  },
  addCommentAction: {
    allowed: ["admin", "sre", "member"],
    run: (actor, { serviceId }) => addComment({ serviceId, itemKey: ITEM, body: unique("comment") }, actor),
  },
  createUserAction: {
    allowed: ["admin"],
    run: (actor) =>
      createUser(
        {
          name: "New person",
          email: `${unique("new")}@example.com`,
          role: "VIEWER",
          password: "correct horse battery",
        },
        actor,
      ),
  },
  changeRoleAction: {
    allowed: ["admin"],
    run: async (actor, { targetUserId }) =>
      setUserRole(targetUserId, (await currentRole(targetUserId)) === "VIEWER" ? "MEMBER" : "VIEWER", actor),
  },
  deactivateUserAction: {
    allowed: ["admin"],
    prepare: ({ targetUserId }) =>
      getDb().user.update({ where: { id: targetUserId }, data: { deactivatedAt: null } }),
    run: (actor, { targetUserId }) => setUserActive(targetUserId, false, actor),
  },
  reactivateUserAction: {
    allowed: ["admin"],
    prepare: ({ targetUserId }) =>
      getDb().user.update({ where: { id: targetUserId }, data: { deactivatedAt: new Date() } }),
    run: (actor, { targetUserId }) => setUserActive(targetUserId, true, actor),
  },
  // Long-ended quarters, a new one for each run, so each allowed run has one to close.
  closeQuarterAction: {
    allowed: ["admin", "sre"],
    run: (actor) => closeQuarter({ fiscalYear: 2021, quarter: nextQuarterToClose() }, actor),
  },
  // A quarter closed beforehand each time, so each allowed run has one to reopen.
  reopenQuarterAction: {
    allowed: ["admin"],
    prepare: async () => {
      if (!(await attempt(() => closeQuarter({ fiscalYear: 2020, quarter: 1 }, matrixAdmin))).ok)
        await getDb().quarterClose.findFirstOrThrow({ where: { fiscalYear: 2020, quarter: 1 } });
    },
    run: (actor) => reopenQuarter({ fiscalYear: 2020, quarter: 1, reason: unique("reopened") }, actor),
  },
  saveSettingsAction: {
    allowed: ["admin"],
    run: async (actor) => setFiscalStartMonth((await getFiscalStartMonth()) === 4 ? 1 : 4, actor),
  },
  // Incidents: reviewers, and the teams whose services they touched.
  recordIncidentAction: {
    allowed: ["admin", "sre", "member"],
    run: (actor, { serviceId }) => recordIncident(incidentInput(serviceId), actor, { today: TODAY }),
  },
  updateIncidentAction: {
    allowed: ["admin", "sre", "member"],
    prepare: prepareIncident,
    run: (actor, { serviceId }) =>
      updateIncident(
        preparedIncidentId,
        { ...incidentInput(serviceId), summary: unique("corrected") },
        actor,
        { today: TODAY },
      ),
  },
  deleteIncidentAction: {
    allowed: ["admin", "sre", "member"],
    prepare: prepareIncident,
    run: (actor) => deleteIncident(preparedIncidentId, actor),
  },
  // Action items: reviewers, and the team that owns them.
  createActionItemAction: {
    allowed: ["admin", "sre", "member"],
    run: (actor, fixture) => createActionItem(actionInput(fixture), QUARTER, actor),
  },
  updateActionItemAction: {
    allowed: ["admin", "sre", "member"],
    prepare: prepareActionItem,
    run: (actor, fixture) =>
      updateActionItem(
        preparedActionItemId,
        { ...actionInput(fixture), title: unique("renamed action"), status: "OPEN" },
        actor,
      ),
  },
  setActionItemStatusAction: {
    allowed: ["admin", "sre", "member"],
    prepare: prepareActionItem,
    run: (actor) => updateActionItem(preparedActionItemId, { status: "DONE" }, actor),
  },
  saveRetrospectiveNotesAction: {
    allowed: ["admin", "sre", "member"],
    run: async (actor, { teamId }) => {
      const version = (await getRetrospectiveNotes({ teamId }, QUARTER))?.version ?? 0;
      return saveRetrospectiveNotes(
        { scope: { teamId }, quarter: QUARTER, body: unique("notes"), version },
        actor,
      );
    },
  },
  // The incident cause list is an organisation setting.
  createCauseAction: {
    allowed: ["admin"],
    run: (actor) => createIncidentCause({ nameEn: unique("Cause"), nameJa: unique("原因") }, actor),
  },
  renameCauseAction: {
    allowed: ["admin"],
    prepare: prepareCause,
    run: (actor) =>
      changeIncidentCause(
        preparedCauseId,
        { names: { nameEn: unique("Renamed"), nameJa: unique("改名") } },
        actor,
      ),
  },
  retireCauseAction: {
    allowed: ["admin"],
    prepare: async () => {
      await prepareCause();
      await getDb().incidentCause.update({ where: { id: preparedCauseId }, data: { retiredAt: null } });
    },
    run: (actor) => changeIncidentCause(preparedCauseId, { retired: true }, actor),
  },
  restoreCauseAction: {
    allowed: ["admin"],
    prepare: async () => {
      await prepareCause();
      await getDb().incidentCause.update({ where: { id: preparedCauseId }, data: { retiredAt: new Date() } });
    },
    run: (actor) => changeIncidentCause(preparedCauseId, { retired: false }, actor),
  },
  moveCauseAction: {
    allowed: ["admin"],
    prepare: prepareCause,
    run: (actor) => changeIncidentCause(preparedCauseId, { move: "up" }, actor),
  },
  // The checklist: drafting, importing, restoring and publishing are the admins'.
  updateDraftItemAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) =>
      updateItem(document, ITEM, {
        ...fieldsOf(document, ITEM),
        text: { ja: "改訂", en: unique("Reworded") },
      }),
    ),
  },
  addDraftItemAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) =>
      addItem(document, "other", `other.matrix-${unique("x").slice(2)}`, {
        text: { ja: "追加", en: "Added" },
        guidance: { ja: "", en: "" },
        weight: 1,
        requires: [],
      }),
    ),
  },
  retireDraftItemAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) => setItemRetired(document, ITEM, true)),
  },
  restoreDraftItemAction: {
    allowed: ["admin"],
    prepare: async () => {
      await ensureDraft();
      await draftRun((document) => setItemRetired(document, ITEM, true))(matrixAdmin);
    },
    run: draftRun((document) => setItemRetired(document, ITEM, false)),
  },
  retireDraftCategoryAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) => setCategoryRetired(document, "batch", true)),
  },
  restoreDraftCategoryAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) => setCategoryRetired(document, "batch", false)),
  },
  moveDraftItemAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) =>
      moveItem(document, ITEM, document.categories[0]!.items[0]!.key === ITEM ? "down" : "up"),
    ),
  },
  updateDraftCategoryAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) => updateCategory(document, "other", { ja: "その他", en: unique("Other") })),
  },
  addDraftCategoryAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) => {
      const key = `matrix-${unique("c").slice(2)}`;
      return addCategory(
        document,
        key,
        { ja: "分類", en: "Category" },
        {
          key: `${key}.first`,
          text: { ja: "最初", en: "First" },
          guidance: { ja: "", en: "" },
          weight: 1,
          requires: [],
        },
      );
    }),
  },
  moveDraftCategoryAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) => moveCategory(document, document.categories[0]!.key, "down")),
  },
  addDraftTraitAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) =>
      saveTrait(
        document,
        {
          key: `MATRIX_${unique("t").slice(2, 8).toUpperCase()}`,
          name: { ja: "特性", en: "Trait" },
          description: { ja: "", en: "" },
        },
        { adding: true },
      ),
    ),
  },
  updateDraftTraitAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: draftRun((document) =>
      saveTrait(
        document,
        { ...document.traits[0]!, description: { ja: "", en: unique("described") } },
        { adding: false },
      ),
    ),
  },
  // Adds a trait nothing needs, then retires it.
  retireDraftTraitAction: {
    allowed: ["admin"],
    prepare: async () => {
      await ensureDraft();
      if ((await getChecklistDraft())!.document.traits.some((trait) => trait.key === MATRIX_TRAIT)) return;
      await draftRun((document) =>
        saveTrait(
          document,
          { key: MATRIX_TRAIT, name: { ja: "一時", en: "Temporary" }, description: { ja: "", en: "" } },
          { adding: true },
        ),
      )(matrixAdmin);
    },
    run: draftRun((document) => retireTrait(document, MATRIX_TRAIT)),
  },
  startDraftAction: {
    allowed: ["admin"],
    prepare: () => getDb().checklistDraft.deleteMany({}),
    run: async (actor) => saveChecklistDraft(await checklistDocumentAt(), 0, actor),
  },
  restoreDefaultChecklistAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: async (actor) =>
      saveChecklistDraft(readDefaultChecklistDocument(), (await getChecklistDraft())!.revision, actor),
  },
  importChecklistAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: async (actor) =>
      saveChecklistDraft(await checklistDocumentAt(), (await getChecklistDraft())!.revision, actor),
  },
  discardDraftAction: {
    allowed: ["admin"],
    prepare: ensureDraft,
    run: (actor) => discardChecklistDraft(actor),
  },
  // Publishes the checklist unchanged: a new version number, nothing else moves.
  publishDraftAction: {
    allowed: ["admin"],
    prepare: freshDraft,
    run: async (actor) =>
      publishChecklistDraft(
        { summary: unique("matrix"), revision: (await getChecklistDraft())!.revision },
        actor,
      ),
  },
  createTeamAction: {
    allowed: ["admin"],
    run: (actor) => createTeam({ name: "Matrix team", slug: unique("team"), description: "" }, actor),
  },
  updateTeamAction: {
    allowed: ["admin"],
    run: (actor, { otherTeamId }) =>
      updateTeam(otherTeamId, { name: unique("Renamed team"), slug: unique("team"), description: "" }, actor),
  },
  addMemberAction: {
    allowed: ["admin"],
    prepare: ({ otherTeamId, targetUserId }) =>
      getDb().teamMembership.deleteMany({ where: { teamId: otherTeamId, userId: targetUserId } }),
    run: (actor, { otherTeamId, targetUserId }) => addMembership(otherTeamId, targetUserId, actor),
  },
  removeMemberAction: {
    allowed: ["admin"],
    prepare: ({ otherTeamId, targetUserId }) =>
      getDb().teamMembership.createMany({
        data: [{ teamId: otherTeamId, userId: targetUserId }],
        skipDuplicates: true,
      }),
    run: (actor, { otherTeamId, targetUserId }) => removeMembership(otherTeamId, targetUserId, actor),
  },
};

const ITEM = "connectivity.each-component";
const MATRIX_TRAIT = "MATRIX_TEMPORARY";
const TODAY = "2026-11-27";
let preparedEvidenceId = "";
let quartersClosed = 0;
let matrixAdmin: Principal | null = null;

async function freshDraft() {
  await getDb().checklistDraft.deleteMany({});
  await ensureDraft();
}

async function ensureDraft() {
  if (!(await getChecklistDraft())) await saveChecklistDraft(await checklistDocumentAt(), 0, matrixAdmin);
}

function fieldsOf(document: ChecklistDocument, key: string) {
  const { text, guidance, weight, requires } = document.categories
    .flatMap((category) => category.items)
    .find((item) => item.key === key)!;
  return { text, guidance, weight, requires };
}

/** Runs one edit of the draft as an action does: read it, change it, save it at its revision. */
function draftRun(edit: (document: ChecklistDocument) => EditResult) {
  return async (actor: Principal | null) => {
    const draft = (await getChecklistDraft())!;
    const edited = edit(draft.document);
    if (!edited.ok) throw new Error(`matrix edit failed: ${edited.message.key}`);
    return saveChecklistDraft(edited.data, draft.revision, actor);
  };
}
const nextQuarterToClose = () => ((quartersClosed++ % 4) + 1) as 1 | 2 | 3 | 4;
let preparedIncidentId = "";
let preparedActionItemId = "";
let preparedCauseId = "";
const QUARTER = fiscalQuarter(2026, 2, 4);

function incidentInput(serviceId: string) {
  return {
    occurredOn: "2026-08-01",
    severity: "SEV3" as const,
    summary: unique("incident"),
    causeId: defaultCauseId,
    serviceIds: [serviceId],
  };
}
let defaultCauseId = "";

async function prepareIncident({ serviceId, principals }: Fixture) {
  preparedIncidentId = (await recordIncident(incidentInput(serviceId), principals.admin, { today: TODAY }))
    .id;
}

function actionInput({ teamId, principals }: Fixture) {
  return { title: unique("action"), teamId, ownerId: principals.member!.id, dueOn: "2026-12-01" };
}

async function prepareActionItem(fixture: Fixture) {
  preparedActionItemId = (await createActionItem(actionInput(fixture), QUARTER, fixture.principals.admin)).id;
}

// The last cause in the list, so that moving it up always changes the order.
async function prepareCause() {
  if (!preparedCauseId) {
    const admin = await createTestUser("ADMIN");
    preparedCauseId = (
      await createIncidentCause({ nameEn: unique("Prepared cause"), nameJa: unique("準備") }, admin)
    ).id;
  }
  await getDb().incidentCause.update({ where: { id: preparedCauseId }, data: { position: 10_000 } });
}

async function ensureAnswer({ serviceId, principals }: Fixture) {
  await saveAnswer({ serviceId, itemKey: ITEM, status: "PARTIAL", note: "prepared" }, principals.admin);
}

async function prepareEvidence(fixture: Fixture) {
  await ensureAnswer(fixture);
  const body = unique("prepared proof");
  await addEvidence(
    { serviceId: fixture.serviceId, itemKey: ITEM, kind: "NOTE", body },
    fixture.principals.admin,
    { today: "2026-01-05" },
  );
  preparedEvidenceId = (await getDb().evidence.findFirstOrThrow({ where: { body }, select: { id: true } }))
    .id;
}

async function currentRole(userId: string) {
  return (await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } })).role;
}

function serverActionNames(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return serverActionNames(full);
    if (!/\.tsx?$/.test(entry)) return [];
    const source = readFileSync(full, "utf8");
    if (!/^["']use server["'];?/m.test(source)) return [];
    return [...source.matchAll(/^export\s+async\s+function\s+(\w+)/gm)].map((match) => match[1]!);
  });
}

let fixture: Fixture;

// The draft the checklist entries work on is the installation's one draft: not left for others.
afterAll(async () => {
  await getDb().checklistDraft.deleteMany({});
});

beforeAll(async () => {
  const [team, otherTeam] = [await createTestTeam(), await createTestTeam()];
  const principals: Record<Role, Principal | null> = {
    admin: await createTestUser("ADMIN"),
    sre: await createTestUser("SRE"),
    member: await createTestUser("MEMBER", [team.id]),
    otherMember: await createTestUser("MEMBER", [otherTeam.id]),
    // Belonging to a team gives a viewer nothing to change.
    viewer: await createTestUser("VIEWER", [team.id]),
    signedOut: null,
  };
  const serviceSlug = unique("matrix-svc");
  await createService(
    { name: serviceSlug, slug: serviceSlug, description: "", teamId: team.id, tier: 2, traits: [] },
    principals.admin,
  );
  const target = await createTestUser("VIEWER");
  matrixAdmin = principals.admin;
  defaultCauseId = (
    await getDb().incidentCause.findUniqueOrThrow({ where: { key: "configuration" }, select: { id: true } })
  ).id;
  fixture = {
    teamId: team.id,
    otherTeamId: otherTeam.id,
    serviceId: (await getServiceBySlug(serviceSlug))!.id,
    serviceSlug,
    targetUserId: target.id,
    principals,
  };
});

describe("the authorization matrix", () => {
  it("has an entry for every server action", () => {
    const actions = serverActionNames(path.resolve(import.meta.dirname, "actions")).sort();
    expect(actions.length).toBeGreaterThan(10);
    expect(actions).toEqual(Object.keys(matrix).sort());
  });

  for (const [action, entry] of Object.entries(matrix)) {
    if ("public" in entry) continue;
    for (const role of ROLES) {
      const allowed = entry.allowed.includes(role);
      it(`${action} is ${allowed ? "allowed" : "refused"} ${role === "signedOut" ? "when signed out" : `as ${role}`}`, async () => {
        await entry.prepare?.(fixture);
        const before = await fingerprint();
        // As the one write path answers it (lib/write.ts).
        const result = await attempt(() => entry.run(fixture.principals[role], fixture));
        if (allowed) {
          expect(result).toMatchObject({ ok: true });
          expect(await fingerprint()).not.toBe(before);
        } else {
          expect(result).toMatchObject({
            ok: false,
            code: role === "signedOut" ? "signed-out" : "forbidden",
          });
          expect(await fingerprint()).toBe(before);
        }
      });
    }
  }
});

describe("what a team's retrospective records may name", () => {
  // An incident that names the member's team's service and another team's.
  async function sharedIncident() {
    const slug = unique("other-svc");
    await createService(
      { name: slug, slug, description: "", teamId: fixture.otherTeamId, tier: 2, traits: [] },
      fixture.principals.admin,
    );
    const otherService = (await getServiceBySlug(slug))!;
    const input = { ...incidentInput(fixture.serviceId), serviceIds: [fixture.serviceId, otherService.id] };
    const { id } = await recordIncident(input, fixture.principals.sre, { today: TODAY });
    return { id, input, otherService };
  }

  it("a team changes or deletes an incident only when every service it names is the team's", async () => {
    const { id, input } = await sharedIncident();
    const before = await fingerprint();
    const member = fixture.principals.member;
    // Even keeping its own service and dropping the other team's is a change to the other team's record.
    const change = { ...input, serviceIds: [fixture.serviceId], severity: "SEV4" as const };
    expect(await attempt(() => updateIncident(id, change, member, { today: TODAY }))).toMatchObject({
      code: "forbidden",
    });
    expect(await attempt(() => deleteIncident(id, member))).toMatchObject({ code: "forbidden" });
    expect(await fingerprint()).toBe(before);
    // A reviewer may.
    expect(
      await attempt(() => updateIncident(id, change, fixture.principals.sre, { today: TODAY })),
    ).toMatchObject({
      ok: true,
    });
    // And once every service it names is the team's, so may the team.
    expect(await attempt(() => deleteIncident(id, member))).toMatchObject({ ok: true });
  });

  it("an action item names one of its team's services and one of its members as owner", async () => {
    const { otherService } = await sharedIncident();
    const member = fixture.principals.member;
    const before = await fingerprint();
    expect(
      await attempt(() =>
        createActionItem({ ...actionInput(fixture), serviceId: otherService.id }, QUARTER, member),
      ),
    ).toMatchObject({
      code: "invalid",
      fieldErrors: { serviceId: [{ key: "validation.action.service.otherTeam" }] },
    });
    expect(
      await attempt(() =>
        createActionItem(
          { ...actionInput(fixture), ownerId: fixture.principals.otherMember!.id },
          QUARTER,
          member,
        ),
      ),
    ).toMatchObject({
      code: "invalid",
      fieldErrors: { ownerId: [{ key: "validation.action.owner.notMember" }] },
    });
    expect(await fingerprint()).toBe(before);
  });
});
