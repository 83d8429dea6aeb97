import type { Locale } from "@/lib/i18n/config";
import type { AuditEntry, AuditKind } from "@/lib/queries/audit";

/**
 * The audit log in people's words. Entries keep what was written as it was (keys, codes, slugs:
 * stable across renames, and what exports give); this turns one into a sentence and a list of
 * changed fields with names and values in the page's language.
 */

export type Bilingual = { ja: string; en: string };

/** Names of what entries refer to by key, read once for a page of entries (getAuditNames). */
export type AuditNames = {
  items: Record<string, Bilingual>;
  traits: Record<string, Bilingual>;
  causes: Record<string, Bilingual>;
  services: Record<string, string>;
  teams: Record<string, string>;
};

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type AuditContext = { t: Translate; locale: Locale; timeZone: string; names: AuditNames };

export type AuditDetail = { field: string; label: string; before?: string; after?: string };

export type AuditSentence = { sentence: string; details: AuditDetail[] };

type Values = Record<string, unknown>;

/** The keys an entry names, so that their names can be read before rendering it. */
export function referencedKeys(entries: Pick<AuditEntry, "kind" | "before" | "after">[]) {
  const keys = { items: new Set<string>(), traits: new Set<string>(), causes: new Set<string>() };
  const slugs = { services: new Set<string>(), teams: new Set<string>() };
  for (const entry of entries) {
    for (const side of [entry.before, entry.after] as Values[]) {
      if (!side) continue;
      for (const field of ["item", "added", "changed", "retired"])
        for (const key of strings(side[field])) keys.items.add(key);
      for (const field of ["traits", "traitsAdded"])
        for (const key of strings(side[field])) keys.traits.add(key);
      for (const key of strings(side.cause)) keys.causes.add(key);
      for (const field of ["service", "services"])
        for (const slug of strings(side[field])) slugs.services.add(slug);
      if (entry.kind.startsWith("action_item.")) for (const slug of strings(side.team)) slugs.teams.add(slug);
    }
  }
  return {
    items: [...keys.items],
    traits: [...keys.traits],
    causes: [...keys.causes],
    services: [...slugs.services],
    teams: [...slugs.teams],
  };
}

const strings = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.filter((v) => typeof v === "string")
      : [];

// What the sentence already says, so the details do not repeat it; and what is for machines only
// (a team's id beside its name, a cause's stable key, how a person signed up).
const IN_SENTENCE: Partial<Record<AuditKind, string[]>> = {
  "answer.saved": ["item", "status"],
  "answer.verified": ["item", "status"],
  "answer.changes_requested": ["item", "status"],
  "answer.na_approved": ["item", "status"],
  "answer.na_rejected": ["item", "status"],
  "answer.lapsed": ["item", "status"],
  "evidence.added": ["item"],
  "evidence.updated": ["item"],
  "evidence.removed": ["item"],
  "evidence.renewed": ["item", "checkedOn"],
  "comment.added": ["item"],
  "settings.updated": ["fiscalStartMonth"],
  "incident.recorded": ["occurredOn", "summary"],
  "incident.deleted": ["occurredOn", "summary"],
  "quarter.closed": ["fiscalYear", "quarter", "services"],
  "quarter.reopened": ["fiscalYear", "quarter", "services", "closedAt", "closedBy", "reason"],
  "checklist.published": ["version", "summary"],
  "membership.added": ["team", "user", "email"],
  "membership.removed": ["team", "user", "email"],
  "user.created": ["name", "role", "deactivated"],
  "user.role_changed": ["name", "role"],
  "user.deactivated": ["name", "deactivated"],
  "user.reactivated": ["name", "deactivated"],
  "retrospective_notes.saved": ["quarterStart", "length", "version"],
};
const FOR_MACHINES = new Set(["id", "teamId", "key", "via"]);

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

function changedFields(kind: AuditKind, before: Values, after: Values) {
  const hidden = new Set([...(IN_SENTENCE[kind] ?? []), ...FOR_MACHINES]);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) =>
      !hidden.has(field) &&
      JSON.stringify(before[field]) !== JSON.stringify(after[field]) &&
      // Something created empty says nothing.
      (field in before || !isEmpty(after[field])),
  );
}

function formatDay(value: unknown, { locale, timeZone }: AuditContext) {
  if (typeof value !== "string" || !value) return "";
  // A day ("2026-12-15") is a calendar date; anything longer is a moment, shown where tenken runs.
  const day = value.length === 10;
  const date = new Date(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: day ? "UTC" : timeZone }).format(
    date,
  );
}

const monthName = (month: unknown, locale: Locale) =>
  typeof month === "number"
    ? new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, month - 1, 1))
    : "";

function itemText(key: unknown, ctx: AuditContext) {
  if (typeof key !== "string") return "";
  const names = ctx.names.items[key];
  return names ? names[ctx.locale] : key;
}

function list(values: string[], ctx: AuditContext) {
  return values.length ? values.join(ctx.locale === "ja" ? "、" : ", ") : "—";
}

/** A stored value in words: states by their names, keys by what they name, days as dates. */
export function formatValue(kind: AuditKind, field: string, value: unknown, ctx: AuditContext): string {
  const { t, names, locale } = ctx;
  if (value === null || value === undefined || value === "") return "—";
  switch (field) {
    case "status":
      return kind.startsWith("action_item.") ? t(`retrospective.statuses.${value}`) : t(`status.${value}`);
    case "review":
      return t(`review.state.${value}`);
    case "naState":
      return t(`review.na.${value}`);
    case "role":
      return t(`roles.${value}`);
    case "severity":
      return t(`retrospective.severities.${value}`);
    case "tier":
      return t("tier.label", { tier: Number(value) });
    case "kind":
      return t(`evidence.kinds.${value}`);
    case "naExpiresOn":
    case "dueOn":
    case "occurredOn":
    case "checkedOn":
    case "quarterStart":
    case "closedAt":
      return formatDay(value, ctx);
    case "fiscalStartMonth":
      return monthName(value, locale);
    case "bytes":
      return t("audit.values.kilobytes", { size: Math.max(1, Math.round(Number(value) / 1024)) });
    case "item":
      return itemText(value, ctx);
    case "added":
    case "changed":
    case "retired":
      if (typeof value === "boolean") return t(`audit.values.${value ? "yes" : "no"}`);
      return list(
        strings(value).map((key) => itemText(key, ctx)),
        ctx,
      );
    case "traits":
    case "traitsAdded":
      return list(
        strings(value).map((key) => names.traits[key]?.[locale] ?? key),
        ctx,
      );
    case "cause":
      return typeof value === "string" ? (names.causes[value]?.[locale] ?? value) : "—";
    case "service":
      return typeof value === "string" ? (names.services[value] ?? value) : "—";
    case "services":
      return list(
        strings(value).map((slug) => names.services[slug] ?? slug),
        ctx,
      );
    case "team":
      return kind.startsWith("action_item.") && typeof value === "string"
        ? (names.teams[value] ?? value)
        : String(value);
    case "position":
      return String(Number(value) + 1);
  }
  if (typeof value === "boolean") return t(`audit.values.${value ? "yes" : "no"}`);
  if (Array.isArray(value)) return list(value.map(String), ctx);
  return String(value);
}

function sentenceValues(entry: AuditEntry, ctx: AuditContext): Record<string, string | number> {
  const before = (entry.before ?? {}) as Values;
  const after = (entry.after ?? {}) as Values;
  const latest = { ...before, ...after };
  const format = (field: string, value: unknown) => formatValue(entry.kind, field, value, ctx);
  const evidence = latest.title || latest.url || format("kind", latest.kind);
  return {
    actor: entry.actorName,
    item: format("item", latest.item),
    from: format(pickField(entry.kind), before[pickField(entry.kind)]),
    to: format(pickField(entry.kind), after[pickField(entry.kind)]),
    name: String(latest.name ?? latest.title ?? latest.user ?? ""),
    team: String(latest.team ?? ""),
    evidence: String(evidence),
    summary: String(latest.summary ?? ""),
    day: format("occurredOn", latest.occurredOn),
    cause: String((ctx.locale === "ja" ? latest.nameJa : latest.nameEn) ?? ""),
    quarter: ctx.t("quarter.name", { year: Number(latest.fiscalYear), quarter: Number(latest.quarter) }),
    count: Number(latest.services ?? latest.length ?? 0),
    version: Number(latest.version ?? 0),
    start: format("quarterStart", latest.quarterStart),
    role: format("role", latest.role),
    closedOn: format("closedAt", latest.closedAt),
    closedBy: String(latest.closedBy ?? ""),
    reason: String(latest.reason ?? ""),
  };
}

// The field whose before and after the sentence names ("from Met to Not met").
function pickField(kind: AuditKind) {
  if (kind === "settings.updated") return "fiscalStartMonth";
  if (kind === "evidence.renewed") return "checkedOn";
  if (kind === "user.role_changed") return "role";
  return "status";
}

function sentenceKey(entry: AuditEntry): string {
  const [entity, action] = entry.kind.split(".") as [string, string];
  const before = (entry.before ?? {}) as Values;
  const after = (entry.after ?? {}) as Values;
  if (entry.kind === "answer.saved") {
    if (!before.status) return "audit.sentence.answer.answered";
    return before.status === after.status ? "audit.sentence.answer.updated" : "audit.sentence.answer.changed";
  }
  if (entry.kind === "user.created" && after.via === "sso") return "audit.sentence.user.createdBySso";
  if (entry.kind === "comment.added") return "audit.sentence.comment.added";
  return `audit.sentence.${entity}.${action}`;
}

/** One entry of the audit log as a sentence, with what changed listed beneath it. */
export function describeAudit(entry: AuditEntry, ctx: AuditContext): AuditSentence {
  const before = (entry.before ?? {}) as Values;
  const after = (entry.after ?? {}) as Values;
  const details = changedFields(entry.kind, before, after).map((field) => ({
    field,
    label: ctx.t(`audit.fields.${field}`),
    ...(field in before && entry.before
      ? { before: formatValue(entry.kind, field, before[field], ctx) }
      : {}),
    ...(field in after && entry.after ? { after: formatValue(entry.kind, field, after[field], ctx) } : {}),
  }));
  return { sentence: ctx.t(sentenceKey(entry), sentenceValues(entry, ctx)), details };
}
