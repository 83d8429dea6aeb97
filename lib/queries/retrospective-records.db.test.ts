import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { isOverdue } from "@/lib/action-items";
import { submitForm } from "@/lib/forms/submit";
import en from "@/lib/i18n/messages/en.json";
import { fiscalQuarter } from "@/lib/quarters";
import {
  createActionItem,
  getActionItem,
  listActionItemsFor,
  updateActionItem,
} from "@/lib/queries/action-items";
import {
  changeIncidentCause,
  createIncidentCause,
  deleteIncident,
  listIncidentCauses,
  listIncidents,
  recordIncident,
  updateIncident,
} from "@/lib/queries/incidents";
import { getRetrospectiveNotes, saveRetrospectiveNotes } from "@/lib/queries/retrospective-notes";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { deleteSetting } from "@/lib/queries/settings";
import { loadRetrospective } from "@/lib/retrospective/load";
import { renderMinutes } from "@/lib/retrospective/minutes";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";
import {
  actionItemStatusSchema,
  incidentDeleteSchema,
  incidentEditSchema,
  newActionItemSchema,
} from "@/lib/validations/retrospective";
import { attempt } from "@/lib/write";

const getDb = setUpTestDatabase();
// Far from every other test's dates: FY2041 (April start) Q2 is July to September 2041.
const NOW = new Date("2041-10-20T03:00:00Z");
const TODAY = "2041-10-20";

async function teamWithService() {
  const team = await createTestTeam();
  const member = await createTestUser("MEMBER", [team.id]);
  const slug = unique("incident-svc");
  await createService(
    { name: `Service ${slug}`, slug, description: "", teamId: team.id, tier: 1, traits: [] },
    member,
  );
  const service = (await getServiceBySlug(slug))!;
  await getDb().service.update({
    where: { id: service.id },
    data: { createdAt: new Date("2040-01-01T00:00:00Z") },
  });
  return { team, member, service };
}

const causeId = async (key: string) => (await listIncidentCauses()).find((cause) => cause.key === key)!.id;

describe("incidents", () => {
  it("are recorded by the teams whose services they touched and by reviewers, and refused with a reason otherwise", async () => {
    const { team, member, service } = await teamWithService();
    const other = await teamWithService();
    const viewer = await createTestUser("VIEWER", [team.id]);
    const sre = await createTestUser("SRE");
    const input = {
      occurredOn: "2041-08-03",
      severity: "SEV2" as const,
      summary: "Checkout timed out for 20 minutes",
      causeId: await causeId("capacity"),
      serviceIds: [service.id],
    };

    await expect(recordIncident(input, viewer, { today: TODAY })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(recordIncident(input, other.member, { today: TODAY })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(
      await attempt(() => recordIncident({ ...input, occurredOn: "2041-10-21" }, member, { today: TODAY })),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { occurredOn: [{ key: "validation.incident.occurredOn.future" }] },
    });
    expect(
      await attempt(() =>
        recordIncident(
          { ...input, serviceIds: [service.id, "00000000-0000-4000-8000-000000000000"] },
          member,
          { today: TODAY },
        ),
      ),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { serviceIds: [{ key: "validation.incident.services.required" }] },
    });
    expect(await listIncidents({ from: "2041-07-01", to: "2041-10-01", serviceIds: [service.id] })).toEqual(
      [],
    );

    await recordIncident(input, member, { today: TODAY });
    // A reviewer records one across two teams' services.
    await recordIncident({ ...input, serviceIds: [service.id, other.service.id], severity: "SEV1" }, sre, {
      today: TODAY,
    });
    const incidents = await listIncidents({ from: "2041-07-01", to: "2041-10-01", serviceIds: [service.id] });
    expect(
      incidents.map((incident) => [incident.severity, incident.services.length, incident.recordedBy.name]),
    ).toEqual([
      ["SEV2", 1, member.name],
      ["SEV1", 2, sre.name],
    ]);
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { kind: "incident.recorded", entityId: incidents[0]!.id },
    });
    expect(audit.serviceId).toBe(service.id);
    expect(audit.after).toMatchObject({
      occurredOn: "2041-08-03",
      severity: "SEV2",
      cause: "capacity",
      services: [service.slug],
    });

    // The other team may not take over this team's incident by adding its own service.
    await expect(
      updateIncident(
        incidents[0]!.id,
        { ...input, serviceIds: [service.id, other.service.id] },
        other.member,
        { today: TODAY },
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await updateIncident(
      incidents[0]!.id,
      { ...input, summary: "Checkout timed out for 25 minutes" },
      member,
      {
        today: TODAY,
      },
    );
    expect((await getDb().incident.findUniqueOrThrow({ where: { id: incidents[0]!.id } })).summary).toBe(
      "Checkout timed out for 25 minutes",
    );
    expect(await deleteIncident(incidents[0]!.id, member)).toEqual({ id: incidents[0]!.id });
    expect(await getDb().incidentService.count({ where: { incidentId: incidents[0]!.id } })).toBe(0);
    expect(
      await getDb().auditEvent.count({ where: { kind: "incident.deleted", entityId: incidents[0]!.id } }),
    ).toBe(1);
  });

  it("are counted by cause against the previous quarter in the team's retrospective and its minutes", async () => {
    await deleteSetting("fiscal.start_month");
    const { team, member, service } = await teamWithService();
    const record = async (occurredOn: string, cause: string, summary = "Something broke") =>
      recordIncident(
        { occurredOn, severity: "SEV3", summary, causeId: await causeId(cause), serviceIds: [service.id] },
        member,
        { today: TODAY },
      );
    // FY2041 Q1 (April to June) and Q2 (July to September).
    await record("2041-05-10", "change-release");
    await record("2041-06-30", "change-release");
    await record("2041-07-01", "change-release", "Deploy | broke *checkout*");
    await record("2041-09-30", "monitoring-gap");
    await record("2041-10-01", "capacity");

    const retro = await loadRetrospective({ quarter: "2041-Q2", team }, NOW);
    expect(retro.incidents.map((incident) => incident.cause.key)).toEqual([
      "change-release",
      "monitoring-gap",
    ]);
    const byCause = Object.fromEntries(
      retro.incidentsByCause.map((row) => [row.cause.key, [row.count, row.previous, row.delta]]),
    );
    expect(byCause["change-release"]).toEqual([1, 2, -1]);
    expect(byCause["monitoring-gap"]).toEqual([1, 0, 1]);
    expect(byCause["capacity"]).toEqual([0, 0, 0]);
    // Every default cause is listed, in order (other tests may add causes of their own).
    const defaults = [
      "change-release",
      "capacity",
      "dependency",
      "configuration",
      "infrastructure",
      "monitoring-gap",
      "unknown",
    ];
    expect(
      retro.incidentsByCause.map((row) => row.cause.key).filter((key) => defaults.includes(key)),
    ).toEqual(defaults);

    const t = createTranslator({ locale: "en", messages: en });
    const minutes = renderMinutes(retro, {
      t: t as never,
      locale: "en",
      scope: team.name,
      formatDate: (date) => date.toISOString().slice(0, 10),
    });
    expect(minutes).toContain("## Incidents: 2");
    expect(minutes).toContain("| Date | Severity | Services | Cause | Summary |");
    // People's text cannot break the table or turn into markup.
    expect(minutes).toContain("| 2041-07-01 | SEV3 (minor) |");
    expect(minutes).toContain("Deploy \\| broke \\*checkout\\* |");
    expect(minutes).toContain("| Change or release | 1 | 2 | -1 |");
    expect(minutes).toContain("| Monitoring gap | 1 | 0 | +1 |");
  });
});

describe("action items", () => {
  it("carry over while open, show as overdue when late, and record when they closed", async () => {
    const { team, member } = await teamWithService();
    const q1 = fiscalQuarter(2041, 1, 4);
    const q2 = fiscalQuarter(2041, 2, 4);
    const add = (title: string, dueOn: string, quarter = q1) =>
      createActionItem({ title, teamId: team.id, ownerId: member.id, dueOn }, quarter, member);
    await add("Alert on queue depth", "2041-08-15");
    const doneEarly = await add("Write the runbook", "2041-06-15");
    const doneLater = await add("Add a dashboard", "2041-09-01");
    await add("Review SLOs", "2041-12-01", q2);
    await updateActionItem(doneEarly.id, { status: "DONE" }, member, {
      at: new Date("2041-06-20T00:00:00Z"),
    });
    await updateActionItem(doneLater.id, { status: "DONE" }, member, {
      at: new Date("2041-08-20T00:00:00Z"),
    });

    const q2Items = await listActionItemsFor({
      quarter: q2,
      from: new Date("2041-06-30T15:00:00Z"),
      teamId: team.id,
    });
    expect(q2Items.map((action) => [action.title, action.carriedOver])).toEqual([
      ["Alert on queue depth", true],
      ["Add a dashboard", true],
      ["Review SLOs", false],
    ]);
    const overdue = q2Items.filter((action) => isOverdue(action, TODAY)).map((action) => action.title);
    expect(overdue).toEqual(["Alert on queue depth"]);

    // Reopening clears when it closed; it is carried again.
    await updateActionItem(doneLater.id, { status: "IN_PROGRESS" }, member);
    expect((await getActionItem(doneLater.id))?.closedAt).toBeNull();
    expect(
      (
        await getDb().auditEvent.findMany({
          where: { entityId: doneLater.id },
          orderBy: { createdAt: "asc" },
          select: { kind: true },
        })
      ).map((event) => event.kind),
    ).toEqual(["action_item.created", "action_item.updated", "action_item.updated"]);
  });

  it("belong to a team, an active owner, and a service when they name an item", async () => {
    const { team, member, service } = await teamWithService();
    const other = await teamWithService();
    const q = fiscalQuarter(2041, 2, 4);
    const input = {
      title: "Alert on error rate",
      teamId: team.id,
      ownerId: member.id,
      dueOn: "2041-11-30",
      serviceId: service.id,
      itemKey: "alerting.runbook-link",
    };

    await expect(createActionItem(input, q, other.member)).rejects.toMatchObject({ code: "forbidden" });
    const deactivated = await createTestUser("MEMBER", [team.id]);
    await getDb().user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } });
    expect(
      await attempt(() => createActionItem({ ...input, ownerId: deactivated.id }, q, member)),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { ownerId: [{ key: "validation.action.owner.required" }] },
    });
    expect(
      await attempt(() => createActionItem({ ...input, itemKey: "no.such-item" }, q, member)),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { itemKey: [{ key: "validation.action.item.invalid" }] },
    });
    const parsed = newActionItemSchema.safeParse({ ...input, serviceId: "", quarter: "2041-Q2" });
    expect(
      parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]),
    ).toEqual([["serviceId", "validation.action.service.neededForItem"]]);
    expect(await getDb().actionItem.count({ where: { teamId: team.id } })).toBe(0);

    const created = await createActionItem(input, q, member);
    // Handing it to another team needs a place in both.
    await expect(
      updateActionItem(created.id, { ...input, teamId: other.team.id, status: "OPEN" }, member),
    ).rejects.toMatchObject({ code: "forbidden" });
    const stored = await getActionItem(created.id);
    expect([stored?.service?.id, stored?.item?.key, stored?.team.id]).toEqual([
      service.id,
      "alerting.runbook-link",
      team.id,
    ]);
  });
});

describe("a save from a page read before someone else's change", () => {
  // What a refused save must leave as it was: the row, its services and the audit log.
  const incidentState = async (id: string) => ({
    incident: await getDb().incident.findUnique({ where: { id } }),
    services: await getDb().incidentService.findMany({
      where: { incidentId: id },
      orderBy: { serviceId: "asc" },
    }),
    audit: await getDb().auditEvent.count({ where: { entityType: "incident", entityId: id } }),
  });
  const actionItemState = async (id: string) => ({
    action: await getDb().actionItem.findUnique({ where: { id } }),
    audit: await getDb().auditEvent.count({ where: { entityType: "action_item", entityId: id } }),
  });
  const changedBy = (name: string) => ({
    ok: false,
    code: "conflict",
    message: { key: "validation.revision.conflict", values: { name, time: expect.any(String) } },
  });

  async function incidentOfTwo() {
    const { team, member, service } = await teamWithService();
    const colleague = await createTestUser("MEMBER", [team.id]);
    const input = {
      occurredOn: "2041-08-03",
      severity: "SEV2" as const,
      summary: "Checkout timed out",
      causeId: await causeId("capacity"),
      serviceIds: [service.id],
    };
    const { id } = await recordIncident(input, member, { today: TODAY });
    const { revision } = await getDb().incident.findUniqueOrThrow({ where: { id } });
    return { member, colleague, service, input, id, revision };
  }

  async function actionItemOfTwo() {
    const { team, member } = await teamWithService();
    const colleague = await createTestUser("MEMBER", [team.id]);
    const input = { title: "Alert on queue depth", teamId: team.id, ownerId: member.id, dueOn: "2041-11-30" };
    const { id } = await createActionItem(input, fiscalQuarter(2041, 2, 4), member);
    const { revision } = await getDb().actionItem.findUniqueOrThrow({ where: { id } });
    return { member, colleague, input, id, revision };
  }

  it("is refused for an incident, naming who changed it; the input is kept and nothing is written", async () => {
    const { member, colleague, service, input, id, revision } = await incidentOfTwo();
    // Both opened the incident's page; the colleague saved first.
    expect(
      await attempt(() =>
        updateIncident(id, { ...input, summary: "Timed out", revision }, colleague, { today: TODAY }),
      ),
    ).toEqual({ ok: true, data: { id } });
    const before = await incidentState(id);
    expect(before.incident?.revision).toBe(revision + 1);

    // The member's form, sent as the browser sends it.
    const data = new FormData();
    for (const [name, value] of Object.entries({ ...input, incidentId: id, summary: "Mine", revision }))
      data.append(name, String(value));
    data.set("serviceIds", service.id);
    const { state } = await submitForm(data, member, {
      schema: incidentEditSchema,
      arrays: ["serviceIds"],
      run: ({ incidentId, ...edit }, actor) => updateIncident(incidentId, edit, actor, { today: TODAY }),
    });
    expect(state).toMatchObject(changedBy(colleague.name));
    expect(state).toMatchObject({ values: { summary: "Mine", revision: String(revision) } });
    expect(await incidentState(id)).toEqual(before);

    // Saving again from the page read anew replaces the colleague's change knowingly.
    expect(
      await attempt(() =>
        updateIncident(id, { ...input, summary: "Mine", revision: revision + 1 }, member, { today: TODAY }),
      ),
    ).toEqual({ ok: true, data: { id } });
    expect((await incidentState(id)).incident?.summary).toBe("Mine");

    // A form without its revision cannot be told from a stale page.
    const { revision: _, ...withoutRevision } = { ...input, incidentId: id, revision };
    expect(incidentEditSchema.safeParse(withoutRevision).error?.issues).toMatchObject([
      { path: ["revision"], message: "validation.revision.missing" },
    ]);
  });

  it("refuses deleting an incident changed since, and deletes it once read anew", async () => {
    const { member, colleague, input, id, revision } = await incidentOfTwo();
    await updateIncident(id, { ...input, severity: "SEV1", revision }, colleague, { today: TODAY });
    const before = await incidentState(id);

    expect(await attempt(() => deleteIncident(id, member, { revision }))).toEqual(changedBy(colleague.name));
    expect(await incidentState(id)).toEqual(before);
    expect(
      incidentDeleteSchema.safeParse({ incidentId: id, back: "/retrospectives" }).error?.issues,
    ).toMatchObject([{ path: ["revision"], message: "validation.revision.missing" }]);

    expect(await attempt(() => deleteIncident(id, member, { revision: revision + 1 }))).toEqual({
      ok: true,
      data: { id },
    });
    expect(await getDb().incident.count({ where: { id } })).toBe(0);
    // Gone is gone: a page still showing it is told so.
    expect(await attempt(() => deleteIncident(id, colleague, { revision: revision + 1 }))).toMatchObject({
      ok: false,
      code: "not-found",
    });
  });

  it("is refused for an action item's edit and status alike, and nothing is written", async () => {
    const { member, colleague, input, id, revision } = await actionItemOfTwo();
    await updateActionItem(id, { status: "IN_PROGRESS", revision }, colleague);
    const before = await actionItemState(id);
    expect(before.action?.revision).toBe(revision + 1);

    expect(
      await attempt(() =>
        updateActionItem(id, { ...input, title: "Mine", status: "OPEN", revision }, member),
      ),
    ).toEqual(changedBy(colleague.name));
    expect(await attempt(() => updateActionItem(id, { status: "DONE", revision }, member))).toEqual(
      changedBy(colleague.name),
    );
    expect(await actionItemState(id)).toEqual(before);
    expect(
      actionItemStatusSchema.safeParse({ actionItemId: id, status: "DONE" }).error?.issues,
    ).toMatchObject([{ path: ["revision"], message: "validation.revision.missing" }]);

    expect(
      await attempt(() => updateActionItem(id, { status: "DONE", revision: revision + 1 }, member)),
    ).toEqual({
      ok: true,
      data: { id },
    });
    expect((await actionItemState(id)).action?.status).toBe("DONE");
  });

  it("is not refused for a save of an action item that changed nothing", async () => {
    const { member, colleague, id, revision } = await actionItemOfTwo();
    // Nothing changes, so nothing is logged, and a page read before it is not stale.
    await updateActionItem(id, { status: "OPEN", revision }, colleague);
    expect(await actionItemState(id)).toMatchObject({ action: { revision }, audit: 1 });
    expect(await attempt(() => updateActionItem(id, { status: "DONE", revision }, member))).toEqual({
      ok: true,
      data: { id },
    });
  });

  it("of two at once, the same incident at the same revision: one is saved and the other refused", async () => {
    const { member, colleague, input, id } = await incidentOfTwo();
    for (let round = 0; round < 20; round++) {
      const { revision } = await getDb().incident.findUniqueOrThrow({ where: { id } });
      const audit = await getDb().auditEvent.count({ where: { entityType: "incident", entityId: id } });
      const save = (actor: typeof member, summary: string) =>
        attempt(() => updateIncident(id, { ...input, summary, revision }, actor, { today: TODAY }));
      const results = await Promise.all([
        save(member, `member ${round}`),
        save(colleague, `colleague ${round}`),
      ]);
      const winner = results[0].ok ? member : colleague;
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toEqual(changedBy(winner.name));
      const stored = await incidentState(id);
      expect([
        stored.incident?.summary,
        stored.incident?.revision,
        stored.audit,
        stored.services.length,
      ]).toEqual([`${winner === member ? "member" : "colleague"} ${round}`, revision + 1, audit + 1, 1]);
    }
  });

  it("of two at once, the same action item at the same revision: one is saved and the other refused", async () => {
    const { member, colleague, input, id } = await actionItemOfTwo();
    for (let round = 0; round < 20; round++) {
      const { revision } = await getDb().actionItem.findUniqueOrThrow({ where: { id } });
      const audit = await getDb().auditEvent.count({ where: { entityType: "action_item", entityId: id } });
      const results = await Promise.all([
        attempt(() =>
          updateActionItem(
            id,
            { ...input, title: `member ${round}`, status: "IN_PROGRESS", revision },
            member,
          ),
        ),
        attempt(() => updateActionItem(id, { status: round % 2 ? "OPEN" : "DONE", revision }, colleague)),
      ]);
      const winner = results[0].ok ? member : colleague;
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toEqual(changedBy(winner.name));
      const stored = await actionItemState(id);
      expect([stored.action?.revision, stored.audit]).toEqual([revision + 1, audit + 1]);
    }
  });
});

describe("retrospective notes", () => {
  it("refuse a save from a stale page and keep both texts", async () => {
    const { team, member } = await teamWithService();
    const colleague = await createTestUser("MEMBER", [team.id]);
    const viewer = await createTestUser("VIEWER", [team.id]);
    const quarter = fiscalQuarter(2041, 2, 4);
    const scope = { teamId: team.id };

    await expect(
      saveRetrospectiveNotes({ scope, quarter, body: "mine", version: 0 }, viewer),
    ).rejects.toMatchObject({ code: "forbidden" });
    // The organisation's notes are the reviewers'.
    await expect(
      saveRetrospectiveNotes({ scope: { teamId: null }, quarter, body: "mine", version: 0 }, member),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(
      await saveRetrospectiveNotes(
        { scope, quarter, body: "## Decisions\n- keep the pager", version: 0 },
        member,
      ),
    ).toEqual({ version: 1 });
    // The colleague's text stays on their page (the form sends it back); the stored text is untouched.
    const refused = await attempt(() =>
      saveRetrospectiveNotes({ scope, quarter, body: "my version", version: 0 }, colleague),
    );
    expect(refused).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { body: [{ key: "validation.notes.conflict" }] },
    });
    expect((await getRetrospectiveNotes(scope, quarter))?.body).toBe("## Decisions\n- keep the pager");
    expect(
      await saveRetrospectiveNotes(
        { scope, quarter, body: "## Decisions\n- keep the pager\n- and the runbook", version: 1 },
        colleague,
      ),
    ).toEqual({ version: 2 });
    const stored = await getRetrospectiveNotes(scope, quarter);
    expect([stored?.body, stored?.version, stored?.updatedBy.name]).toEqual([
      "## Decisions\n- keep the pager\n- and the runbook",
      2,
      colleague.name,
    ]);
    // Another quarter's notes are another document.
    expect(await getRetrospectiveNotes(scope, fiscalQuarter(2041, 1, 4))).toBeNull();
  });
});

describe("the cause list", () => {
  it("is edited by admins: added, renamed, reordered and retired, never emptied", async () => {
    const admin = await createTestUser("ADMIN");
    const sre = await createTestUser("SRE");
    const name = unique("Third party");
    await expect(createIncidentCause({ nameEn: name, nameJa: `外部-${name}` }, sre)).rejects.toMatchObject({
      code: "forbidden",
    });
    const created = await createIncidentCause({ nameEn: name, nameJa: `外部-${name}` }, admin);
    expect(
      await attempt(() => createIncidentCause({ nameEn: name.toUpperCase(), nameJa: "別名" }, admin)),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { nameEn: [{ key: "validation.cause.taken" }] },
    });
    expect(
      await attempt(() => createIncidentCause({ nameEn: "Capacity", nameJa: "別名" }, admin)),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { nameEn: [{ key: "validation.cause.taken" }] },
    });

    // In the order the settings page shows, retired causes included.
    const before = (await listIncidentCauses({ includeRetired: true })).map((cause) => cause.id);
    expect(before.at(-1)).toBe(created.id);
    await changeIncidentCause(created.id, { move: "up" }, admin);
    const after = (await listIncidentCauses({ includeRetired: true })).map((cause) => cause.id);
    expect(after.at(-2)).toBe(created.id);
    expect(new Set(after)).toEqual(new Set(before));

    await changeIncidentCause(created.id, { retired: true }, admin);
    expect((await listIncidentCauses()).map((cause) => cause.id)).not.toContain(created.id);
    expect((await listIncidentCauses({ includeRetired: true })).map((cause) => cause.id)).toContain(
      created.id,
    );
    const { member, service } = await teamWithService();
    expect(
      await attempt(() =>
        recordIncident(
          {
            occurredOn: "2041-08-01",
            severity: "SEV4",
            summary: "x",
            causeId: created.id,
            serviceIds: [service.id],
          },
          member,
          { today: TODAY },
        ),
      ),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { causeId: [{ key: "validation.incident.cause.required" }] },
    });
    await changeIncidentCause(created.id, { retired: false }, admin);
    await changeIncidentCause(
      created.id,
      { names: { nameEn: `${name} (vendor)`, nameJa: `外部-${name}` } },
      admin,
    );
    expect((await getDb().incidentCause.findUniqueOrThrow({ where: { id: created.id } })).key).toBe(
      name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    );
  });
});
