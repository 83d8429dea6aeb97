import { isOverdue } from "@/lib/action-items";
import { dayOf } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { quarterName, quarterOf } from "@/lib/quarters";
import type { Change, PeriodEvent } from "@/lib/retrospective/changes";
import type { Retrospective } from "@/lib/retrospective/load";
import { evidenceName, naChangeText, staleStretchText } from "@/lib/retrospective/wording";

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Event = PeriodEvent & { service_name: string; text_en: string; text_ja: string };

// Markdown minutes of a retrospective, ready to paste into a wiki. Text from people (service
// names, items) is escaped so that it cannot turn into Markdown links or markup.
const escape = (text: string) => text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, "\\$1");
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : `${value}%`;

export function renderMinutes(
  retro: Retrospective,
  {
    t,
    locale,
    scope,
    formatDate,
  }: { t: Translate; locale: Locale; scope: string; formatDate: (date: Date) => string },
) {
  const item = (event: Event) => escape(locale === "ja" ? event.text_ja : event.text_en);
  const line = (change: Change<Event>, key: string) =>
    `- ${escape(change.event.service_name)}: ${item(change.event)} (${t(key, { before: change.before ? t(`status.${change.before}`) : t("status.unanswered"), after: t(`status.${change.after}`) })}; ${escape(change.event.actorName)}, ${formatDate(change.event.createdAt)})`;
  const section = (title: string, lines: string[]) => [
    `## ${title}`,
    "",
    ...(lines.length ? lines : [`- ${t("retrospective.none")}`]),
    "",
  ];
  const { changes } = retro;
  const causeName = (cause: { nameEn: string; nameJa: string }) =>
    escape(locale === "ja" ? cause.nameJa : cause.nameEn);
  const cell = (text: string) => escape(text.replace(/\s+/g, " ").trim());
  const table = (header: string[], rows: string[][]) => [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
  const raisedIn = (start: Date) => quarterName(t, quarterOf(dayOf(start), retro.startMonth));
  return [
    `# ${escape(t("retrospective.minutesTitle", { quarter: quarterName(t, retro.quarter), scope }))}`,
    "",
    `${t("retrospective.period", { start: retro.quarter.start, end: retro.lastDay })}${retro.open ? ` ${t("retrospective.openNote")}` : ""}`,
    "",
    ...section(t("retrospective.scoresTitle"), [
      `- ${t("retrospective.scoreLine", { score: percent(retro.score?.overall?.average), verified: percent(retro.score?.verified?.average), previous: percent(retro.previousScore?.overall?.average) })}`,
    ]),
    ...section(
      t("retrospective.incidentsTitle", { count: retro.incidents.length }),
      retro.incidents.length
        ? table(
            [
              t("retrospective.occurredOn"),
              t("retrospective.severity"),
              t("retrospective.services"),
              t("retrospective.cause"),
              t("retrospective.summary"),
            ],
            retro.incidents.map((incident) => [
              dayOf(incident.occurredOn),
              t(`retrospective.severities.${incident.severity}`),
              incident.services.map((entry) => cell(entry.service.name)).join(", "),
              causeName(incident.cause),
              cell(incident.summary),
            ]),
          )
        : [],
    ),
    ...section(
      t("retrospective.byCauseTitle"),
      table(
        [
          t("retrospective.cause"),
          quarterName(t, retro.quarter),
          quarterName(t, retro.previousQuarter),
          t("retrospective.change"),
        ],
        retro.incidentsByCause.map((row) => [
          causeName(row.cause),
          String(row.count),
          String(row.previous),
          row.delta > 0 ? `+${row.delta}` : String(row.delta),
        ]),
      ),
    ),
    ...section(
      t("retrospective.actionsTitle", { count: retro.actionItems.length }),
      retro.actionItems.map((action) => {
        const details = [
          escape(action.owner.name),
          `${t("retrospective.dueOn")} ${dayOf(action.dueOn)}`,
          t(`retrospective.statuses.${action.status}`) +
            (isOverdue(action, retro.today) ? ` (${t("retrospective.overdue")})` : ""),
          ...(action.service
            ? [
                `${t("retrospective.improves")}: ${escape(action.service.name)}${action.item ? ` / ${escape(itemText(retro, action.item.key, locale))}` : ""}`,
              ]
            : []),
          ...(action.carriedOver
            ? [t("retrospective.carriedOver", { quarter: raisedIn(action.raisedForStartsOn) })]
            : []),
        ];
        return `- [${action.status === "DONE" ? "x" : " "}] ${escape(action.title)} (${details.join("; ")})`;
      }),
    ),
    ...section(
      t("retrospective.newlyMet", { count: changes.newlyMet.length }),
      changes.newlyMet.map((change) => line(change as Change<Event>, "retrospective.fromTo")),
    ),
    ...section(
      t("retrospective.regressed", { count: changes.regressed.length }),
      changes.regressed.map((change) => line(change as Change<Event>, "retrospective.fromTo")),
    ),
    ...section(
      t("retrospective.naChanges", { count: changes.naChanges.length }),
      changes.naChanges.map(
        (change) =>
          `- ${escape(change.event.service_name)}: ${item(change.event as Event)} (${naChangeText(t, change)}; ${escape(change.event.actorName)}, ${formatDate(change.event.createdAt)})`,
      ),
    ),
    ...section(
      t("retrospective.staleTitle", { count: retro.staleEvidence.length }),
      retro.staleEvidence.map(
        (stretch) =>
          `- ${escape(stretch.service_name)}: ${escape(locale === "ja" ? stretch.text_ja : stretch.text_en)} (${escape(evidenceName(t, stretch))}: ${staleStretchText(t, { ...stretch, ended_by_name: escape(stretch.ended_by_name ?? "") }, (day) => day)})`,
      ),
    ),
    // The notes are the meeting's own Markdown, written for these minutes: kept as written.
    `## ${t("retrospective.notesTitle")}`,
    "",
    retro.notes?.body.trim() || t("retrospective.notesEmpty"),
    "",
  ].join("\n");
}

function itemText(retro: Retrospective, key: string, locale: Locale) {
  const item = retro.checklist
    .flatMap((category) => category.items)
    .find((candidate) => candidate.key === key);
  return item ? (locale === "ja" ? item.textJa : item.textEn) : key;
}

/** One row per service: its scores at the quarter's end (or now, for the open quarter), for spreadsheets. */
export function renderScoresCsv(
  rows: {
    service: string;
    team: string;
    tier: number;
    percent: number | null;
    verifiedPercent: number | null;
    categories: Record<string, number | null>;
  }[],
  categoryKeys: string[],
) {
  const cell = (value: string | number | null) => {
    const text = value === null ? "" : String(value);
    // Quoted always; a leading = + - @ is defused so that spreadsheets do not run it as a formula.
    return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  };
  const header = [
    "service",
    "team",
    "tier",
    "score_percent",
    "verified_percent",
    ...categoryKeys.map((key) => `${key}_percent`),
  ];
  return (
    [
      header.map(cell).join(","),
      ...rows.map((row) =>
        [
          row.service,
          row.team,
          row.tier,
          row.percent,
          row.verifiedPercent,
          ...categoryKeys.map((key) => row.categories[key] ?? null),
        ]
          .map(cell)
          .join(","),
      ),
    ].join("\r\n") + "\r\n"
  );
}
