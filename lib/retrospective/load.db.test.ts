import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import { saveAnswer } from "@/lib/queries/answers";
import { addEvidence, removeEvidence, renewEvidence } from "@/lib/queries/evidence";
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

    // Evidence checked on 1 July went stale before the quarter and stayed stale across its start;
    // checked on 1 August, it went stale during it (after 90 days).
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
    expect(
      retro.staleEvidence.map((stretch) => [stretch.title, stretch.stale_from, stretch.ended_on]),
    ).toEqual([
      ["Early runbook", "2033-09-29", null],
      ["Later runbook", "2033-10-30", null],
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
    expect(minutes).toContain("## N/A declared, withdrawn or decided: 2 events");
    expect(minutes).toContain("(declared N/A; the answer before was Unanswered;");
    expect(minutes).toContain("N/A approved");
    expect(minutes).toContain("## Evidence stale during the quarter: 2 times");
    expect(minutes).toContain("(Early runbook: stale from 2033-09-29, still stale)");
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

  it("lists evidence stale at any time in the quarter, with when it went stale and how that ended", async () => {
    await deleteSetting("fiscal.start_month");
    const team = await createTestTeam();
    const member = await createTestUser("MEMBER", [team.id]);
    const slug = unique("retro-stale");
    await createService({ name: slug, slug, description: "", teamId: team.id, tier: 2, traits: [] }, member);
    const service = (await getServiceBySlug(slug))!;
    await getDb().service.update({
      where: { id: service.id },
      data: { createdAt: new Date("2033-01-01T00:00:00Z") },
    });
    const itemKey = "alerting.runbook-link";
    await saveAnswer({ serviceId: service.id, itemKey, status: "MET", note: "" }, member, { at: at(4, 1) });
    const evidence = (title: string, day: string) =>
      addEvidence(
        { serviceId: service.id, itemKey, kind: "LINK", url: `https://wiki.example.com/${title}`, title },
        member,
        { today: day, at: new Date(`${day}T03:00:00Z`) },
      );
    const renew = (evidenceId: string, day: string) =>
      renewEvidence({ evidenceId }, member, { today: day, at: new Date(`${day}T03:00:00Z`) });

    // Stale on 13 October (checked 15 July, 90 days before), renewed ten days later.
    const within = await evidence("within", "2033-07-15");
    await renew(within.id, "2033-10-23");
    // Stale since 30 August, across the quarter's start, renewed on 10 October.
    const across = await evidence("across", "2033-06-01");
    await renew(across.id, "2033-10-10");
    // Stale from 30 July and renewed on 15 September, before the quarter; renewed again on
    // 20 November before it could go stale again: it was never stale during the quarter.
    const before = await evidence("before", "2033-05-01");
    await renew(before.id, "2033-09-15");
    await renew(before.id, "2033-11-20");
    // Stale since 29 September, removed on 5 October.
    const removed = await evidence("removed", "2033-07-01");
    await removeEvidence({ evidenceId: removed.id }, member, { at: new Date("2033-10-05T03:00:00Z") });
    // Checked during the quarter: not stale before its end.
    await evidence("fresh", "2033-11-01");

    const retro = await loadRetrospective({ quarter: "2033-Q3", team }, NOW);
    expect(
      retro.staleEvidence.map((stretch) => [
        stretch.title,
        stretch.stale_from,
        stretch.ended_on,
        stretch.ended_by,
        stretch.ended_by_name,
      ]),
    ).toEqual([
      ["across", "2033-08-30", "2033-10-10", "RENEWED", member.name],
      ["removed", "2033-09-29", "2033-10-05", "REMOVED", member.name],
      ["within", "2033-10-13", "2033-10-23", "RENEWED", member.name],
    ]);
    // The quarter before lists what was stale in it, however it ended and when.
    const previous = await loadRetrospective({ quarter: "2033-Q2", team }, NOW);
    expect(previous.staleEvidence.map((stretch) => [stretch.title, stretch.ended_on])).toEqual([
      ["before", "2033-09-15"],
      ["across", "2033-10-10"],
      ["removed", "2033-10-05"],
    ]);

    const minutes = (locale: "en" | "ja", messages: typeof en) =>
      renderMinutes(retro, {
        t: createTranslator({ locale, messages }) as never,
        locale,
        scope: team.name,
        formatDate: (date) => date.toISOString().slice(0, 10),
      });
    const english = minutes("en", en);
    expect(english).toContain("## Evidence stale during the quarter: 3 times");
    expect(english).toContain(
      `(within: stale from 2033-10-13, marked still valid on 2033-10-23 by ${member.name.replace(/-/g, "\\-")}, after 10 days)`,
    );
    expect(english).toContain("(removed: stale from 2033-09-29, removed on 2033-10-05 by");
    expect(english).not.toContain("(before:");
    const japanese = minutes("ja", ja as typeof en);
    expect(japanese).toContain("## 四半期中の期限切れの証跡: 3 回");
    expect(japanese).toContain("(within: 2033-10-13 から期限切れ、2033-10-23 に");
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
