import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";

import { submitForm, type FormWrite } from "@/lib/forms/submit";
import type { Principal } from "@/lib/permissions";
import { fiscalQuarter } from "@/lib/quarters";
import { createActionItem, updateActionItem } from "@/lib/queries/action-items";
import { saveAnswer } from "@/lib/queries/answers";
import { addEvidence, updateEvidence } from "@/lib/queries/evidence";
import {
  changeIncidentCause,
  createIncidentCause,
  recordIncident,
  updateIncident,
} from "@/lib/queries/incidents";
import { saveRetrospectiveNotes } from "@/lib/queries/retrospective-notes";
import { addComment, decideOnAnswer } from "@/lib/queries/review";
import { createService, getServiceBySlug, updateService } from "@/lib/queries/services";
import { setFiscalStartMonth } from "@/lib/queries/settings";
import { addMembership, createTeam, updateTeam } from "@/lib/queries/teams";
import { createUser, setUserRole } from "@/lib/queries/users";
import { createTestTeam, createTestUser, fingerprint, setUpTestDatabase, unique } from "@/lib/testing/db";
import { answerSchema } from "@/lib/validations/answer";
import { evidenceEditSchema, newEvidenceSchema } from "@/lib/validations/evidence";
import {
  actionItemEditSchema,
  causeEditSchema,
  incidentEditSchema,
  incidentSchema,
  newActionItemSchema,
  newCauseSchema,
  retrospectiveNotesSchema,
} from "@/lib/validations/retrospective";
import { commentSchema, reviewDecisionSchema } from "@/lib/validations/review";
import { serviceSchema } from "@/lib/validations/service";
import { settingsSchema } from "@/lib/validations/settings";
import {
  membershipSchema,
  newUserSchema,
  roleChangeSchema,
  teamSchema,
  teamUpdateSchema,
} from "@/lib/validations/user";

// The forms' write path driven with hostile form data, as an admin (who may write anything): it
// never throws, and a refused write leaves every table as it was. Each form sends its own fields,
// some true to their kind (real ids, so that writes get as far as the database) and some hostile.

setUpTestDatabase();

type Ids = {
  teamId: string;
  serviceId: string;
  userId: string;
  incidentId: string;
  actionItemId: string;
  causeId: string;
  evidenceId: string;
};
type Form = {
  name: string;
  fields: (ids: Ids) => Record<string, string[]>;
  write: FormWrite<z.ZodType, unknown>;
};

/** A form of the list, typed by its own schema (the list holds forms of every kind). */
function form<S extends z.ZodType, T>(
  name: string,
  fields: (ids: Ids) => Record<string, string[]>,
  write: FormWrite<S, T>,
): Form {
  return { name, fields, write: write as unknown as FormWrite<z.ZodType, unknown> };
}

const TODAY = "2026-11-27";
const QUARTER = fiscalQuarter(2026, 2, 4);
const ITEM = "connectivity.each-component";

// Values of a field: what a form would send (`good`), or anything a client could send instead.
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "<script>alert(1)</script>",
    "-1",
    "1e308",
    "2147483648",
    "NaN",
    "2026-02-30",
  ),
  fc.nat({ max: 200_000 }).map((length) => "x".repeat(length)),
);
const field = (good: string[]) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(good) }, fc.array(hostile, { minLength: 0, maxLength: 3 }));

const forms: Form[] = [
  form(
    "answer",
    ({ serviceId }) => ({ serviceId: [serviceId], itemKey: [ITEM], status: ["MET"], note: ["n"] }),
    { schema: answerSchema, run: saveAnswer },
  ),
  form(
    "new service",
    ({ teamId }) => ({
      name: ["S"],
      slug: [unique("fz")],
      description: [""],
      teamId: [teamId],
      tier: ["2"],
      traits: ["SERVES_HTTP"],
    }),
    { schema: serviceSchema, arrays: ["traits"], run: createService },
  ),
  form(
    "service edit",
    ({ teamId }) => ({
      name: ["S"],
      slug: [unique("fz")],
      description: [""],
      teamId: [teamId],
      tier: ["1"],
      traits: [],
    }),
    {
      schema: serviceSchema,
      arrays: ["traits"],
      run: (input, actor) => updateService(fuzzIds.serviceId, input, actor),
    },
  ),
  form(
    "new evidence",
    ({ serviceId }) => ({
      serviceId: [serviceId],
      itemKey: [ITEM],
      kind: ["NOTE"],
      body: ["proof"],
      url: ["https://e.example"],
      title: [""],
    }),
    {
      schema: newEvidenceSchema(1024 * 1024),
      run: (input, actor) => addEvidence(input, actor, { today: TODAY }),
    },
  ),
  form(
    "evidence edit",
    ({ evidenceId }) => ({ evidenceId: [evidenceId], kind: ["NOTE"], body: ["edited"], revision: ["1"] }),
    { schema: evidenceEditSchema, run: updateEvidence },
  ),
  form(
    "review decision",
    ({ serviceId }) => ({
      serviceId: [serviceId],
      itemKey: [ITEM],
      decision: ["REQUEST_CHANGES"],
      comment: ["more"],
      expiresOn: [""],
      revision: ["1"],
    }),
    {
      schema: reviewDecisionSchema,
      run: (input, actor) => decideOnAnswer(input, actor, { today: TODAY }),
    },
  ),
  form("comment", ({ serviceId }) => ({ serviceId: [serviceId], itemKey: [ITEM], body: ["hello"] }), {
    schema: commentSchema,
    run: addComment,
  }),
  form(
    "new user",
    () => ({
      name: ["N"],
      email: [`${unique("fz")}@example.com`],
      role: ["VIEWER"],
      password: ["correct horse battery"],
    }),
    { schema: newUserSchema, run: createUser },
  ),
  form("role", ({ userId }) => ({ userId: [userId], role: ["MEMBER"] }), {
    schema: roleChangeSchema,
    run: (input, actor) => setUserRole(input.userId, input.role, actor),
  }),
  form("new team", () => ({ name: ["T"], slug: [unique("fz")], description: [""] }), {
    schema: teamSchema,
    run: createTeam,
  }),
  form(
    "team edit",
    ({ teamId }) => ({ teamId: [teamId], name: ["T"], slug: [unique("fz")], description: [""] }),
    {
      schema: teamUpdateSchema,
      run: ({ teamId, ...input }, actor) => updateTeam(teamId, input, actor),
    },
  ),
  form("membership", ({ teamId, userId }) => ({ teamId: [teamId], userId: [userId] }), {
    schema: membershipSchema,
    run: (input, actor) => addMembership(input.teamId, input.userId, actor),
  }),
  form("settings", () => ({ fiscalStartMonth: ["4"] }), {
    schema: settingsSchema,
    run: (input, actor) => setFiscalStartMonth(input.fiscalStartMonth, actor),
  }),
  form("new cause", () => ({ nameEn: [unique("Cause")], nameJa: [unique("原因")] }), {
    schema: newCauseSchema,
    run: createIncidentCause,
  }),
  form(
    "cause edit",
    ({ causeId }) => ({ causeId: [causeId], nameEn: [unique("Cause")], nameJa: [unique("原因")] }),
    {
      schema: causeEditSchema,
      run: ({ causeId, ...names }, actor) => changeIncidentCause(causeId, { names }, actor),
    },
  ),
  form(
    "incident",
    ({ serviceId, causeId }) => ({
      occurredOn: ["2026-08-01"],
      severity: ["SEV3"],
      summary: ["s"],
      causeId: [causeId],
      serviceIds: [serviceId],
    }),
    {
      schema: incidentSchema,
      arrays: ["serviceIds"],
      run: (input, actor) => recordIncident(input, actor, { today: TODAY }),
    },
  ),
  form(
    "incident edit",
    ({ serviceId, causeId, incidentId }) => ({
      incidentId: [incidentId],
      // As first read: once one save has taken it, the others are refused as stale.
      revision: ["1"],
      occurredOn: ["2026-08-01"],
      severity: ["SEV2"],
      summary: ["s"],
      causeId: [causeId],
      serviceIds: [serviceId],
    }),
    {
      schema: incidentEditSchema,
      arrays: ["serviceIds"],
      run: ({ incidentId, ...input }, actor) => updateIncident(incidentId, input, actor, { today: TODAY }),
    },
  ),
  form(
    "action item",
    ({ teamId, userId, serviceId }) => ({
      title: ["a"],
      teamId: [teamId],
      ownerId: [userId],
      dueOn: ["2026-12-01"],
      serviceId: [serviceId],
      itemKey: [ITEM],
      quarter: ["2026-Q2"],
    }),
    {
      schema: newActionItemSchema,
      run: ({ quarter: _, ...input }, actor) => createActionItem(input, QUARTER, actor),
    },
  ),
  form(
    "action item edit",
    ({ teamId, userId, actionItemId }) => ({
      actionItemId: [actionItemId],
      revision: ["1"],
      title: ["a"],
      teamId: [teamId],
      ownerId: [userId],
      dueOn: ["2026-12-01"],
      serviceId: [""],
      itemKey: [""],
      status: ["OPEN"],
    }),
    {
      schema: actionItemEditSchema,
      run: ({ actionItemId, ...input }, actor) => updateActionItem(actionItemId, input, actor),
    },
  ),
  form("notes", () => ({ quarter: ["2026-Q2"], team: [""], body: ["notes"], version: ["0"] }), {
    schema: retrospectiveNotesSchema,
    run: ({ body, version }, actor) =>
      saveRetrospectiveNotes({ scope: { teamId: null }, quarter: QUARTER, body, version }, actor),
  }),
];

let fuzzIds: Ids;
let admin: Principal;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  const team = await createTestTeam();
  const member = await createTestUser("MEMBER", [team.id]);
  const slug = unique("fuzz");
  await createService({ name: slug, slug, description: "", teamId: team.id, tier: 2, traits: [] }, admin);
  const service = (await getServiceBySlug(slug))!;
  await saveAnswer({ serviceId: service.id, itemKey: ITEM, status: "MET", note: "" }, admin);
  const evidence = await addEvidence(
    { serviceId: service.id, itemKey: ITEM, kind: "NOTE", body: "first" },
    admin,
    { today: TODAY },
  );
  const cause = await createIncidentCause({ nameEn: unique("Fuzz"), nameJa: unique("ファズ") }, admin);
  const incident = await recordIncident(
    {
      occurredOn: "2026-08-01",
      severity: "SEV3",
      summary: "fuzz",
      causeId: cause.id,
      serviceIds: [service.id],
    },
    admin,
    { today: TODAY },
  );
  const action = await createActionItem(
    { title: "fuzz", teamId: team.id, ownerId: member.id, dueOn: "2026-12-01" },
    QUARTER,
    admin,
  );
  fuzzIds = {
    teamId: team.id,
    serviceId: service.id,
    userId: member.id,
    incidentId: incident.id,
    actionItemId: action.id,
    causeId: cause.id,
    evidenceId: evidence.id,
  };
});

describe("the forms' write path under hostile input", () => {
  for (const form of forms) {
    it(`${form.name}: never throws, and a refusal writes nothing`, async () => {
      const sample = fc.record(
        Object.fromEntries(Object.entries(form.fields(fuzzIds)).map(([name, good]) => [name, field(good)])),
      );
      await fc.assert(
        fc.asyncProperty(sample, async (values) => {
          const data = new FormData();
          for (const [name, list] of Object.entries(values))
            for (const value of list) data.append(name, value);
          const before = await fingerprint();
          const { state } = await submitForm(data, admin, form.write);
          if (!state.ok) expect(await fingerprint()).toBe(before);
        }),
        { numRuns: 40 },
      );
    });
  }
});
