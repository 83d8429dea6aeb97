"use server";

import { todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { fail } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
import { parseQuarterParam } from "@/lib/quarters";
import { createActionItem, updateActionItem } from "@/lib/queries/action-items";
import { deleteIncident, recordIncident, updateIncident } from "@/lib/queries/incidents";
import { saveRetrospectiveNotes } from "@/lib/queries/retrospective-notes";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { listTeams } from "@/lib/queries/teams";
import {
  actionItemEditSchema,
  actionItemStatusSchema,
  incidentDeleteSchema,
  incidentEditSchema,
  incidentSchema,
  newActionItemSchema,
  retrospectiveNotesSchema,
} from "@/lib/validations/retrospective";

const today = () => todayIn(env.TENKEN_TIME_ZONE);

async function quarterOfParam(param: string) {
  return parseQuarterParam(param, await getFiscalStartMonth(), today());
}

export async function recordIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: incidentSchema,
    arrays: ["serviceIds"],
    run: (input, actor) => recordIncident(input, actor, { today: today() }),
    done: { key: "retrospective.incidentRecorded" },
    revalidate: CHANGED_PAGES.retrospectives,
  });
}

export async function updateIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: incidentEditSchema,
    arrays: ["serviceIds"],
    run: ({ incidentId, ...input }, actor) => updateIncident(incidentId, input, actor, { today: today() }),
    done: { key: "retrospective.incidentSaved" },
    revalidate: CHANGED_PAGES.retrospectives,
  });
}

// The incident's own page is gone once it is deleted: back to the retrospective it came from.
export async function deleteIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: incidentDeleteSchema,
    run: ({ incidentId, revision }, actor) => deleteIncident(incidentId, actor, { revision }),
    done: { key: "retrospective.incidentDeleted" },
    revalidate: CHANGED_PAGES.retrospectives,
    redirectTo: (_, input) => input.back,
  });
}

export async function createActionItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: newActionItemSchema,
    run: async ({ quarter, ...input }, actor) =>
      createActionItem(input, await quarterOfParam(quarter), actor),
    done: { key: "retrospective.actionAdded" },
    revalidate: CHANGED_PAGES.retrospectives,
  });
}

export async function updateActionItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: actionItemEditSchema,
    run: ({ actionItemId, ...input }, actor) => updateActionItem(actionItemId, input, actor),
    done: { key: "retrospective.actionSaved" },
    revalidate: CHANGED_PAGES.retrospectives,
  });
}

export async function setActionItemStatusAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(formData, {
    schema: actionItemStatusSchema,
    run: ({ actionItemId, ...change }, actor) => updateActionItem(actionItemId, change, actor),
    done: { key: "retrospective.actionSaved" },
    revalidate: CHANGED_PAGES.retrospectives,
  });
}

export async function saveRetrospectiveNotesAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(formData, {
    schema: retrospectiveNotesSchema,
    run: async ({ quarter, team: teamSlug, body, version }, actor) => {
      const team = teamSlug
        ? (await listTeams()).find((candidate) => candidate.slug === teamSlug)
        : undefined;
      if (teamSlug && !team) throw fail.notFound();
      const scope = { teamId: team?.id ?? null };
      return saveRetrospectiveNotes({ scope, quarter: await quarterOfParam(quarter), body, version }, actor);
    },
    done: { key: "retrospective.notesSaved" },
    revalidate: CHANGED_PAGES.retrospectives,
  });
}
