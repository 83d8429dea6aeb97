import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import en from "@/lib/i18n/messages/en.json";
import { saveAnswer } from "@/lib/queries/answers";
import { addEvidence } from "@/lib/queries/evidence";
import { decideOnAnswer } from "@/lib/queries/review";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { deleteSetting } from "@/lib/queries/settings";
import { loadRetrospective } from "@/lib/retrospective/load";
import { renderMinutes, renderScoresCsv } from "@/lib/retrospective/minutes";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";

const getDb = setUpTestDatabase();
const NOW = new Date("2034-02-10T03:00:00Z");
const at = (month: number, day: number) => new Date(Date.UTC(2033, month - 1, day, 3));

describe("a quarter's retrospective", () => {
  it("lists what changed with who and when, and exports Markdown minutes and CSV scores", async () => {
    await deleteSetting("fiscal.start_month");
    const team = await createTestTeam();
    const member = await createTestUser("MEMBER", [team.id]);
    const reviewer = await createTestUser("SRE");
    const slug = unique("retro");
    await createService(
      { name: `Retro *${slug}*`, slug, description: "", teamId: team.id, tier: 1, traits: [] },
      member,
    );
    const service = (await getServiceBySlug(slug))!;
    await getDb().service.update({
      where: { id: service.id },
      data: { createdAt: new Date("2033-01-01T00:00:00Z") },
    });
    const answer = (
      itemKey: string,
      status: "MET" | "PARTIAL" | "NOT_MET" | "NOT_APPLICABLE",
      when: Date,
      note = "",
    ) => saveAnswer({ serviceId: service.id, itemKey, status, note }, member, { at: when });

    // Before FY2033 Q3 (October to December 2033).
    await answer("connectivity.each-component", "NOT_MET", at(9, 1));
    await answer("alerting.runbook-link", "MET", at(9, 2));
    // During it.
    await answer("connectivity.each-component", "MET", at(10, 5));
    await answer("alerting.runbook-link", "PARTIAL", at(11, 6));
    await answer("other.architecture-diagram", "NOT_APPLICABLE", at(11, 7), "A single job");
    await decideOnAnswer(
      { serviceId: service.id, itemKey: "other.architecture-diagram", decision: "APPROVE_NA", comment: "" },
      reviewer,
      { today: "2033-11-08", at: at(11, 8) },
    );
    // After it: not part of it.
    await answer("metrics.prefer-metrics", "MET", new Date(Date.UTC(2034, 0, 5)));

    // Evidence checked on 1 July went stale before the quarter; on 1 August, during it (after 90 days).
    await addEvidence(
      {
        serviceId: service.id,
        itemKey: "alerting.runbook-link",
        kind: "LINK",
        url: "https://wiki.example.com/early",
        title: "Early runbook",
      },
      member,
      { today: "2033-07-01", at: at(7, 1) },
    );
    await addEvidence(
      {
        serviceId: service.id,
        itemKey: "alerting.runbook-link",
        kind: "LINK",
        url: "https://wiki.example.com/later",
        title: "Later runbook",
      },
      member,
      { today: "2033-08-01", at: at(8, 1) },
    );

    const retro = await loadRetrospective({ quarter: "2033-Q3", team }, NOW);
    expect(retro.staleEvidence.map((evidence) => [evidence.title, evidence.checked_on])).toEqual([
      ["Later runbook", "2033-08-01"],
    ]);
    expect(retro.quarter).toMatchObject({
      fiscalYear: 2033,
      quarter: 3,
      start: "2033-10-01",
      end: "2034-01-01",
    });
    expect(
      retro.changes.newlyMet.map((change) => [change.event.item_key, change.before, change.event.actorName]),
    ).toEqual([["connectivity.each-component", "NOT_MET", member.name]]);
    expect(
      retro.changes.regressed.map((change) => [change.event.item_key, change.before, change.after]),
    ).toEqual([["alerting.runbook-link", "MET", "PARTIAL"]]);
    expect(
      retro.changes.naChanges.map((change) => [
        change.event.item_key,
        change.event.action,
        change.event.actorName,
      ]),
    ).toEqual([
      ["other.architecture-diagram", "SAVED", member.name],
      ["other.architecture-diagram", "NA_APPROVED", reviewer.name],
    ]);

    const t = createTranslator({ locale: "en", messages: en });
    const minutes = renderMinutes(retro, {
      t: t as never,
      locale: "en",
      scope: team.name,
      formatDate: (date) => date.toISOString().slice(0, 10),
    });
    expect(minutes).toContain(`# Retrospective FY2033 Q3: ${team.name.replace(/-/g, "\\-")}`);
    expect(minutes).toContain("## Newly met: 1 item");
    // Names from people are escaped, so that they cannot become Markdown markup.
    expect(minutes).toContain(
      `- Retro \\*${slug.replace(/-/g, "\\-")}\\*: Every component has its own connectivity check (Not met → Met;`,
    );
    expect(minutes).toContain("## Regressions: 1 item");
    expect(minutes).toContain("N/A approved");
    expect(minutes).not.toContain("prefer-metrics");

    const csv = renderScoresCsv(
      retro.serviceScores,
      retro.checklist.map((category) => category.key),
    );
    const [header, row] = csv.split("\r\n");
    expect(header).toContain(
      '"service","team","tier","score_percent","verified_percent","connectivity_percent"',
    );
    expect(row).toContain(`"Retro *${slug}*","${team.name}","1"`);
  });

  it("keeps spreadsheet formulas inert in CSV", () => {
    const csv = renderScoresCsv(
      [
        {
          service: '=HYPERLINK("http://evil")',
          team: "+team",
          tier: 1,
          percent: 50,
          verifiedPercent: null,
          categories: {},
        },
      ],
      [],
    );
    expect(csv.split("\r\n")[1]).toBe('"\'=HYPERLINK(""http://evil"")","\'+team","1","50",""');
  });
});
