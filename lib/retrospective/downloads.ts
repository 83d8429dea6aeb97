import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import type { Locale } from "@/lib/i18n/config";
import { quarterParam } from "@/lib/quarters";
import { listTeams } from "@/lib/queries/teams";
import { loadRetrospective } from "@/lib/retrospective/load";
import { renderMinutes, renderScoresCsv } from "@/lib/retrospective/minutes";
import { retrospectiveQuerySchema } from "@/lib/validations/retrospective";

/** The retrospective a download asks for (by its query string), with its file name stem. */
export async function retrospectiveFor(url: URL) {
  const query = retrospectiveQuerySchema.parse(Object.fromEntries(url.searchParams));
  const [t, format, locale, teams] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale() as Promise<Locale>,
    listTeams(),
  ]);
  const team = query.team ? teams.find((candidate) => candidate.slug === query.team) : undefined;
  const retro = await loadRetrospective({ quarter: query.quarter, team });
  const stem = `tenken-${quarterParam(retro.quarter)}-${team?.slug ?? "organisation"}`;
  return { retro, t, format, locale, team, stem, scope: team?.name ?? t("trends.organisation") };
}

export async function minutesFile(url: URL) {
  const { retro, t, format, locale, stem, scope } = await retrospectiveFor(url);
  const body = renderMinutes(retro, {
    t,
    locale,
    scope,
    formatDate: (date) => format.dateTime(date, { dateStyle: "medium" }),
  });
  return { body, name: `${stem}-minutes.md` };
}

export async function scoresFile(url: URL) {
  const { retro, stem } = await retrospectiveFor(url);
  return {
    body: renderScoresCsv(
      retro.serviceScores,
      retro.checklist.map((category) => category.key),
    ),
    name: `${stem}-scores.csv`,
  };
}
