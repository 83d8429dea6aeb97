import { describe, expect, it } from "vitest";

import type { UserRole } from "@/lib/generated/prisma/enums";
import { authorize, can, type Principal } from "@/lib/permissions";

const A = "team-a";
const B = "team-b";

function person(id: string, role: UserRole, teamIds: readonly string[]): Principal {
  return { id, name: id, role, teamIds };
}

// An SRE in a team and a viewer in a team are here because belongsTo treats their roles differently:
// the SRE acts as a member of the team, the viewer never does.
const principals = {
  out: null,
  admin: person("admin", "ADMIN", []),
  sre: person("sre", "SRE", []),
  sreA: person("sre-a", "SRE", [A]),
  memA: person("member-a", "MEMBER", [A]),
  memB: person("member-b", "MEMBER", [B]),
  memAB: person("member-ab", "MEMBER", [A, B]),
  viewer: person("viewer", "VIEWER", []),
  viewerA: person("viewer-a", "VIEWER", [A]),
} satisfies Record<string, Principal | null>;

type Who = keyof typeof principals;

const label: Record<Who, string> = {
  out: "signed-out visitor",
  admin: "admin",
  sre: "SRE reviewer",
  sreA: "SRE reviewer in A",
  memA: "member of A",
  memB: "member of B",
  memAB: "member of A and B",
  viewer: "viewer",
  viewerA: "viewer in A",
};

type RuleName = keyof typeof can;
type SubjectOf<K extends RuleName> = Parameters<(typeof can)[K]> extends [unknown, infer S] ? S : undefined;
type BareRule = { [K in RuleName]: SubjectOf<K> extends undefined ? K : never }[RuleName];
type SubjectRule = Exclude<RuleName, BareRule>;

// Every principal must be spelled out, so that a row cannot silently leave one untested.
type Expected = Record<Who, boolean>;
type Row<S> = { what: string; subject: S; expected: Expected };

// Short names keep each row of expectations on one line, readable as a column.
const T = true;
const F = false;

const bareRules: Record<BareRule, Expected> = {
  readOrganisation: { out: F, admin: T, sre: T, sreA: T, memA: T, memB: T, memAB: T, viewer: T, viewerA: T },
  browseAuditLog: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
  manageUsers: { out: F, admin: T, sre: F, sreA: F, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
  manageTeams: { out: F, admin: T, sre: F, sreA: F, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
  manageSettings: { out: F, admin: T, sre: F, sreA: F, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
  manageChecklist: { out: F, admin: T, sre: F, sreA: F, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
  closeQuarters: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
  reopenQuarters: { out: F, admin: T, sre: F, sreA: F, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
  readEvidence: { out: F, admin: T, sre: T, sreA: T, memA: T, memB: T, memAB: T, viewer: T, viewerA: T },
  reviewAnswers: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
  seeReviewQueue: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
};

const subjectRules: { [K in SubjectRule]: readonly Row<SubjectOf<K>>[] } = {
  createService: [
    {
      what: "creating a service in A",
      subject: { teamId: A },
      expected: { out: F, admin: T, sre: F, sreA: T, memA: T, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "creating a service in B",
      subject: { teamId: B },
      expected: { out: F, admin: T, sre: F, sreA: F, memA: F, memB: T, memAB: T, viewer: F, viewerA: F },
    },
  ],
  // Only admins act on services regardless of team: an SRE outside the team is refused.
  editService: [
    {
      what: "editing a service of A",
      subject: { teamId: A, newTeamId: A },
      expected: { out: F, admin: T, sre: F, sreA: T, memA: T, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "moving a service A→B",
      subject: { teamId: A, newTeamId: B },
      expected: { out: F, admin: T, sre: F, sreA: F, memA: F, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "editing a service of B",
      subject: { teamId: B },
      expected: { out: F, admin: T, sre: F, sreA: F, memA: F, memB: T, memAB: T, viewer: F, viewerA: F },
    },
  ],
  answerItems: [
    {
      what: "answering for a service of A",
      subject: { teamId: A },
      expected: { out: F, admin: T, sre: F, sreA: T, memA: T, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "answering for a service of B",
      subject: { teamId: B },
      expected: { out: F, admin: T, sre: F, sreA: F, memA: F, memB: T, memAB: T, viewer: F, viewerA: F },
    },
  ],
  manageEvidence: [
    {
      what: "managing evidence of a service of A",
      subject: { teamId: A },
      expected: { out: F, admin: T, sre: F, sreA: T, memA: T, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "managing evidence of a service of B",
      subject: { teamId: B },
      expected: { out: F, admin: T, sre: F, sreA: F, memA: F, memB: T, memAB: T, viewer: F, viewerA: F },
    },
  ],
  // Unlike answering, commenting is open to every reviewer, in any team.
  commentOnItem: [
    {
      what: "commenting on a service of A",
      subject: { teamId: A },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: T, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "commenting on a service of B",
      subject: { teamId: B },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: T, memAB: T, viewer: F, viewerA: F },
    },
  ],
  recordIncident: [
    {
      what: "recording an incident touching A",
      subject: { teamIds: [A] },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: T, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "recording an incident touching B",
      subject: { teamIds: [B] },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: T, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "recording an incident touching A and B",
      subject: { teamIds: [A, B] },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: T, memB: T, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "recording an incident touching no team",
      subject: { teamIds: [] },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
    },
  ],
  // Changing one needs every team it names: one team must not rewrite another team's incident.
  changeIncident: [
    {
      what: "changing an incident of A",
      subject: { teamIds: [A] },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: T, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "changing an incident of B",
      subject: { teamIds: [B] },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: T, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "changing an incident of A and B",
      subject: { teamIds: [A, B] },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "changing an incident of no team",
      subject: { teamIds: [] },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
    },
  ],
  // Unlike services, every reviewer may hand an action item on, team or no team.
  manageActionItem: [
    {
      what: "managing an action item of A",
      subject: { teamId: A },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: T, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "handing an action item A→B",
      subject: { teamId: A, newTeamId: B },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "managing an action item of B",
      subject: { teamId: B, newTeamId: B },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: T, memAB: T, viewer: F, viewerA: F },
    },
  ],
  writeRetrospectiveNotes: [
    {
      what: "writing team A's meeting notes",
      subject: { teamId: A },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: T, memB: F, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "writing team B's meeting notes",
      subject: { teamId: B },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: T, memAB: T, viewer: F, viewerA: F },
    },
    {
      what: "writing the organisation's meeting notes",
      subject: { teamId: null },
      expected: { out: F, admin: T, sre: T, sreA: T, memA: F, memB: F, memAB: F, viewer: F, viewerA: F },
    },
  ],
};

type Case = { name: string; expected: boolean; allows: () => boolean };

function casesFor(rule: RuleName, what: string | null, expected: Expected, check: (who: Who) => boolean) {
  return (Object.keys(expected) as Who[]).map((who): Case => ({
    name: `${rule}: ${label[who]}${what ? ` ${what}` : ""} is ${expected[who] ? "allowed" : "refused"}`,
    expected: expected[who],
    allows: () => check(who),
  }));
}

function subjectCases<K extends SubjectRule>(rule: K): Case[] {
  // The rules differ in their subject's type; the table ties each rule to its own, so this is sound.
  const check = can[rule] as (principal: Principal | null, subject: SubjectOf<K>) => boolean;
  return subjectRules[rule].flatMap((row) =>
    casesFor(rule, row.what, row.expected, (who) => check(principals[who], row.subject)),
  );
}

const cases: Case[] = [
  ...(Object.keys(bareRules) as BareRule[]).flatMap((rule) =>
    casesFor(rule, null, bareRules[rule], (who) => can[rule](principals[who])),
  ),
  ...(Object.keys(subjectRules) as SubjectRule[]).flatMap((rule) => subjectCases(rule)),
];

describe("can", () => {
  // Vitest runs untyped, so a rule added to `can` without rows would otherwise go untested unnoticed.
  it("has rows in the table for every rule", () => {
    const tabled = [...Object.keys(bareRules), ...Object.keys(subjectRules)];
    expect(tabled.sort()).toEqual(Object.keys(can).sort());
    for (const rows of Object.values(subjectRules)) expect(rows.length).toBeGreaterThan(0);
  });

  // A loop rather than it.each: it.each quotes and truncates "$name" to 40 characters.
  for (const { name, expected, allows } of cases) {
    it(name, () => {
      expect(allows()).toBe(expected);
    });
  }
});

describe("authorize", () => {
  // What the write functions call inside their transactions: a refusal is thrown, so that the
  // transaction rolls back, and it carries the failure code the caller is answered with.
  it("lets an allowed principal through", () => {
    expect(() => authorize("editService", principals.memA, { teamId: A })).not.toThrow();
  });

  it("refuses with 'forbidden' whom the rule refuses, and 'signed-out' when nobody is signed in", () => {
    expect(() => authorize("editService", principals.memB, { teamId: A })).toThrow(
      expect.objectContaining({ code: "forbidden", detail: { key: "errors.forbidden" } }),
    );
    expect(() => authorize("readOrganisation", principals.out)).toThrow(
      expect.objectContaining({ code: "signed-out", detail: { key: "auth.sessionExpired" } }),
    );
  });
});
