"use server";

import { redirect } from "next/navigation";

import { todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { formWrite } from "@/lib/form-write";
import { createActionItem, updateActionItem } from "@/lib/queries/action-items";
import { deleteIncident, recordIncident, updateIncident } from "@/lib/queries/incidents";
import { saveMeetingNotes } from "@/lib/queries/meeting-notes";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { listTeams } from "@/lib/queries/teams";
import { parseQuarterParam } from "@/lib/retrospective";
import type { FormState } from "@/lib/validations/form";
import {
  actionItemEditSchema,
  actionItemStatusSchema,
  incidentEditSchema,
  incidentIdSchema,
  incidentSchema,
  meetingNotesSchema,
  newActionItemSchema,
} from "@/lib/validations/meeting";
import { nextPathSchema } from "@/lib/validations/user";

// Everything a retrospective records shows up in the retrospective, its presenter view and the audit log.
const REVALIDATE = [["/retrospectives", "layout"], ["/audit"]] as const;
const INCIDENT_FIELDS = ["occurredOn", "severity", "summary", "causeId", "serviceIds"];
const ACTION_FIELDS = ["title", "teamId", "ownerId", "dueOn", "serviceId", "itemKey", "status"];

const today = () => todayIn(env.TENKEN_TIME_ZONE);

async function quarterOfParam(param: string) {
  return parseQuarterParam(param, await getFiscalStartMonth(), today());
}

export async function recordIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formWrite(
    formData,
    incidentSchema,
    (input, actor) => recordIncident(input, actor, { today: today() }),
    () => ({ key: "meeting.incidentRecorded" }),
    {
      formFields: INCIDENT_FIELDS,
      arrays: ["serviceIds"],
      revalidate: REVALIDATE,
    },
  );
}

export async function updateIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formWrite(
    formData,
    incidentEditSchema,
    ({ incidentId, ...input }, actor) => updateIncident(incidentId, input, actor, { today: today() }),
    () => ({ key: "meeting.incidentSaved" }),
    {
      formFields: INCIDENT_FIELDS,
      arrays: ["serviceIds"],
      revalidate: REVALIDATE,
    },
  );
}

// The incident's own page is gone once it is deleted: back to the retrospective it came from.
export async function deleteIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await formWrite(
    formData,
    incidentIdSchema,
    (input, actor) => deleteIncident(input.incidentId, actor),
    () => ({ key: "meeting.incidentDeleted" }),
    { revalidate: REVALIDATE },
  );
  if (state.status === "saved") redirect(nextPathSchema.parse(formData.get("back")));
  return state;
}

export async function createActionItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formWrite(
    formData,
    newActionItemSchema,
    async ({ quarter, ...input }, actor) => createActionItem(input, await quarterOfParam(quarter), actor),
    () => ({ key: "meeting.actionAdded" }),
    {
      formFields: ACTION_FIELDS,
      revalidate: REVALIDATE,
    },
  );
}

export async function updateActionItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formWrite(
    formData,
    actionItemEditSchema,
    ({ actionItemId, ...input }, actor) => updateActionItem(actionItemId, input, actor),
    () => ({ key: "meeting.actionSaved" }),
    {
      formFields: ACTION_FIELDS,
      revalidate: REVALIDATE,
    },
  );
}

export async function setActionItemStatusAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formWrite(
    formData,
    actionItemStatusSchema,
    ({ actionItemId, status }, actor) => updateActionItem(actionItemId, { status }, actor),
    () => ({ key: "meeting.actionSaved" }),
    {
      formFields: ["status"],
      revalidate: REVALIDATE,
    },
  );
}

export async function saveMeetingNotesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formWrite(
    formData,
    meetingNotesSchema,
    async ({ quarter, team: teamSlug, body, version }, actor) => {
      const team = teamSlug
        ? (await listTeams()).find((candidate) => candidate.slug === teamSlug)
        : undefined;
      if (teamSlug && !team) return { ok: false, notFound: true } as const;
      const saved = await saveMeetingNotes(
        { scope: { teamId: team?.id ?? null }, quarter: await quarterOfParam(quarter), body, version },
        actor,
      );
      return saved.ok ? { ok: true } : saved;
    },
    () => ({ key: "meeting.notesSaved" }),
    { formFields: ["body"], revalidate: REVALIDATE },
  );
}
