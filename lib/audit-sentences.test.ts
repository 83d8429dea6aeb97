import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, it } from "vitest";

import { describeAudit, referencedKeys, type AuditNames, type Translate } from "@/lib/audit-sentences";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import { AUDIT_KINDS, type AuditEntry, type AuditKind } from "@/lib/queries/audit";

// One entry of each kind, shaped as the code that writes it records it (recordAudit's callers in
// lib/queries, lib/auth and lib/read-models; answer events as listAuditLog reads them).
const service = { name: "Checkout API", slug: "checkout-api", description: "Takes payments", teamId: "t1" };
const incident = {
  occurredOn: "2026-11-03",
  severity: "SEV2",
  summary: "Payments failed for 20 minutes.",
  cause: "change-release",
  services: ["checkout-api", "search"],
};
const action = {
  title: "Alert on latency",
  team: "payments",
  owner: "Dana",
  dueOn: "2026-12-15",
  status: "OPEN",
  service: "checkout-api",
  item: "http.latency",
};
const cause = { key: "change-release", nameEn: "Change or release", nameJa: "変更・リリース", position: 0 };
const person = { name: "Kenji", email: "kenji@example.com", role: "MEMBER", deactivated: false };
const link = {
  kind: "LINK",
  url: "https://grafana.example/d/latency",
  title: "Latency board",
  checkedOn: "2026-11-01",
};

const SAMPLES: Record<AuditKind, { before?: object; after?: object }> = {
  "service.created": {
    after: {
      id: "5d0c2f7e-0000-4000-8000-000000000001",
      ...service,
      tier: 2,
      traits: ["SERVES_HTTP"],
      team: "Payments",
    },
  },
  "service.updated": {
    before: { ...service, tier: 2, traits: [], team: "Payments" },
    after: { ...service, tier: 1, traits: ["SERVES_HTTP", "RUNS_BATCH"], team: "Payments" },
  },
  "answer.saved": {
    before: { status: "NOT_MET" },
    after: { item: "http.latency", status: "MET", note: "p99 alert", review: "DECLARED" },
  },
  "answer.verified": { after: { item: "http.latency", status: "PARTIAL", review: "VERIFIED" } },
  "answer.changes_requested": { after: { item: "http.latency", status: "MET", review: "CHANGES_REQUESTED" } },
  "answer.na_approved": {
    after: { item: "http.latency", status: "NOT_APPLICABLE", naState: "APPROVED", naExpiresOn: "2027-03-31" },
  },
  "answer.na_rejected": { after: { item: "http.latency", status: "NOT_APPLICABLE", naState: "REJECTED" } },
  "answer.lapsed": { after: { item: "http.latency", status: "MET", review: "CHANGED" } },
  "evidence.added": {
    after: {
      item: "http.latency",
      kind: "FILE",
      title: "Dashboard",
      contentType: "image/png",
      bytes: 20480,
      checkedOn: "2026-11-01",
    },
  },
  "evidence.updated": {
    before: { item: "http.latency", ...link },
    after: { item: "http.latency", ...link, title: "Latency board (p99)" },
  },
  "evidence.removed": {
    before: { item: "http.latency", kind: "NOTE", body: "Runbook in the wiki", checkedOn: "2026-11-01" },
  },
  "evidence.renewed": {
    before: { item: "http.latency", checkedOn: "2026-08-01" },
    after: { item: "http.latency", checkedOn: "2026-12-02" },
  },
  "comment.added": { after: { item: "http.latency", body: "Which percentile?" } },
  "settings.updated": { before: { fiscalStartMonth: 1 }, after: { fiscalStartMonth: 4 } },
  "quarter.closed": { after: { fiscalYear: 2026, quarter: 2, services: 12 } },
  "quarter.reopened": {
    before: {
      fiscalYear: 2026,
      quarter: 2,
      services: 12,
      closedAt: "2026-07-03T09:00:00.000Z",
      closedBy: "Aiko",
    },
    after: { fiscalYear: 2026, quarter: 2, reason: "Payments answered late" },
  },
  "checklist.published": {
    before: { version: 3 },
    after: {
      version: 4,
      summary: "Latency items reworded.",
      added: ["http.errors"],
      changed: ["http.latency"],
      retired: ["batch.success"],
      traitsAdded: ["USES_CDN"],
    },
  },
  "incident.recorded": { after: incident },
  "incident.updated": { before: incident, after: { ...incident, severity: "SEV1", cause: "capacity" } },
  "incident.deleted": { before: incident },
  "incident_cause.created": { after: { ...cause, retired: false } },
  "incident_cause.updated": {
    before: { ...cause, retired: false },
    after: { ...cause, position: 1, retired: true },
  },
  "action_item.created": { after: action },
  "action_item.updated": { before: action, after: { ...action, status: "IN_PROGRESS", dueOn: "2027-01-15" } },
  "retrospective_notes.saved": {
    before: { quarterStart: "2026-10-01T00:00:00.000Z", length: 0 },
    after: { quarterStart: "2026-10-01T00:00:00.000Z", length: 420, version: 1 },
  },
  "team.created": { after: { slug: "payments", name: "Payments", description: "" } },
  "team.updated": {
    before: { slug: "payments", name: "Payments", description: "" },
    after: { slug: "payments", name: "Payments & Billing", description: "Checkout and invoices" },
  },
  "membership.added": { after: { team: "Payments", user: "Kenji", email: "kenji@example.com" } },
  "membership.removed": { before: { team: "Payments", user: "Kenji", email: "kenji@example.com" } },
  "user.created": { after: person },
  "user.role_changed": { before: person, after: { ...person, role: "SRE" } },
  "user.deactivated": { before: person, after: { ...person, deactivated: true } },
  "user.reactivated": { before: { ...person, deactivated: true }, after: person },
};

const NAMES: AuditNames = {
  items: {
    "http.latency": { en: "Latency is measured and alerted on", ja: "レイテンシを計測しアラートしている" },
    "http.errors": { en: "Error rate is alerted on", ja: "エラー率をアラートしている" },
    "batch.success": { en: "Batch failures alert", ja: "バッチの失敗をアラートしている" },
  },
  traits: {
    SERVES_HTTP: { en: "Serves HTTP", ja: "HTTP を提供" },
    RUNS_BATCH: { en: "Runs batch jobs", ja: "バッチを実行" },
    USES_CDN: { en: "Uses a CDN", ja: "CDN を使用" },
  },
  causes: {
    "change-release": { en: "Change or release", ja: "変更・リリース" },
    capacity: { en: "Capacity", ja: "容量" },
  },
  services: { "checkout-api": "Checkout API", search: "Search" },
  teams: { payments: "Payments" },
};

// Codes and keys that must never reach a reader: enum values, item/cause/trait keys, slugs where a
// name exists, and field names as written in the JSON.
const RAW = [
  /\b[A-Z]+_[A-Z_]+\b/,
  /\b(?:MET|PARTIAL|DECLARED|VERIFIED|CHANGED|APPROVED|REJECTED|LINK|NOTE|FILE|OPEN|MEMBER|SRE)\b(?!\s*(?:レビュアー|reviewer))/,
  /\b[a-z]+[A-Z][A-Za-z]*\b/,
  /http\.latency|http\.errors|batch\.success|change-release/,
  /undefined|NaN|\[object Object\]|[{}]|audit\.|fields\.|[0-9a-f]{8}-[0-9a-f]{4}/,
];

function entry(kind: AuditKind, sample = SAMPLES[kind]): AuditEntry {
  return {
    id: kind,
    kind,
    createdAt: new Date("2026-12-02T03:00:00Z"),
    actorName: "Alice",
    serviceSlug: "checkout-api",
    serviceName: "Checkout API",
    before: sample.before ?? null,
    after: sample.after ?? null,
  };
}

function render(kind: AuditKind, locale: "en" | "ja", sample = SAMPLES[kind]) {
  const missing: string[] = [];
  const translate = createTranslator({
    locale,
    messages: (locale === "en" ? en : ja) as AbstractIntlMessages,
    onError: (error) => missing.push(error.message),
  });
  // The page's translator takes any key (the messages are not typed there); this one is typed.
  const t: Translate = (key, values) => translate(key as never, values as never);
  const { sentence, details } = describeAudit(entry(kind, sample), {
    t,
    locale,
    timeZone: "Asia/Tokyo",
    names: NAMES,
  });
  const text = [sentence, ...details.map((d) => `${d.label}: ${d.before ?? ""} → ${d.after ?? ""}`)].join(
    "\n",
  );
  return { sentence, details, text, missing };
}

describe.each(["en", "ja"] as const)("the audit log in %s", (locale) => {
  it.each([...AUDIT_KINDS])("says %s in a sentence, with no raw code or key", (kind) => {
    const { text, missing } = render(kind, locale);
    expect(missing).toEqual([]);
    expect(text).toContain("Alice");
    for (const pattern of RAW) expect(text).not.toMatch(pattern);
  });
});

describe("audit sentences", () => {
  it("name the item in the page's language and the states in words", () => {
    expect(render("answer.saved", "en").sentence).toBe(
      "Alice changed the answer to “Latency is measured and alerted on” from Not met to Met.",
    );
    expect(render("answer.saved", "ja").sentence).toBe(
      "Alice が「レイテンシを計測しアラートしている」の回答を未対応から対応済みに変更しました。",
    );
    expect(render("answer.saved", "en").details).toEqual([
      { field: "note", label: "Note", after: "p99 alert" },
      { field: "review", label: "Review", after: "Self-declared" },
    ]);
  });

  it("leave out what was created empty and what is only for machines", () => {
    const first = { after: { item: "http.latency", status: "PARTIAL", note: "", review: "DECLARED" } };
    expect(render("answer.saved", "ja", first)).toMatchObject({
      sentence: "Alice が「レイテンシを計測しアラートしている」に回答しました: 一部対応。",
      details: [{ field: "review", label: "レビュー", after: "自己申告" }],
    });
    expect(render("service.created", "en").details.map((detail) => detail.field)).toEqual([
      "name",
      "slug",
      "description",
      "tier",
      "traits",
      "team",
    ]);
  });

  it("give causes, tiers, traits and due dates in words", () => {
    const incidentDetails = render("incident.updated", "en").details;
    expect(incidentDetails).toContainEqual({
      field: "cause",
      label: "Cause",
      before: "Change or release",
      after: "Capacity",
    });
    expect(render("service.updated", "ja").details).toEqual([
      { field: "tier", label: "ティア", before: "ティア 2", after: "ティア 1" },
      { field: "traits", label: "特性", before: "—", after: "HTTP を提供、バッチを実行" },
    ]);
    expect(render("action_item.created", "en").details).toContainEqual({
      field: "team",
      label: "Team",
      after: "Payments",
    });
    expect(render("action_item.updated", "en").details).toContainEqual({
      field: "dueOn",
      label: "Due on",
      before: "Dec 15, 2026",
      after: "Jan 15, 2027",
    });
  });

  it("ask for the names of every key the entries name", () => {
    const keys = referencedKeys(AUDIT_KINDS.map((kind) => entry(kind)));
    expect(keys.items.sort()).toEqual(["batch.success", "http.errors", "http.latency"]);
    expect(keys.causes.sort()).toEqual(["capacity", "change-release"]);
    expect(keys.traits.sort()).toEqual(["RUNS_BATCH", "SERVES_HTTP", "USES_CDN"]);
    expect(keys.services.sort()).toEqual(["checkout-api", "search"]);
    expect(keys.teams).toEqual(["payments"]);
  });
});
