"use server";

import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
import { changeIncidentCause, createIncidentCause } from "@/lib/queries/incidents";
import { setFiscalStartMonth } from "@/lib/queries/settings";
import {
  causeEditSchema,
  causeIdSchema,
  causeMoveSchema,
  newCauseSchema,
} from "@/lib/validations/retrospective";
import { settingsSchema } from "@/lib/validations/settings";

export async function saveSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageSettings",
    schema: settingsSchema,
    run: (input, actor) => setFiscalStartMonth(input.fiscalStartMonth, actor),
    done: { key: "admin.settingsSaved" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

// The incident causes retrospectives count by: an organisation setting.

export async function createCauseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageSettings",
    schema: newCauseSchema,
    run: (names, actor) => createIncidentCause(names, actor),
    done: (_, input) => ({ key: "admin.causeCreated", values: { name: input.nameEn } }),
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function renameCauseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageSettings",
    schema: causeEditSchema,
    run: ({ causeId, ...names }, actor) => changeIncidentCause(causeId, { names }, actor),
    done: { key: "admin.causeSaved" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function retireCauseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageSettings",
    schema: causeIdSchema,
    run: ({ causeId }, actor) => changeIncidentCause(causeId, { retired: true }, actor),
    done: { key: "admin.causeRetired" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function restoreCauseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageSettings",
    schema: causeIdSchema,
    run: ({ causeId }, actor) => changeIncidentCause(causeId, { retired: false }, actor),
    done: { key: "admin.causeRestored" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function moveCauseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageSettings",
    schema: causeMoveSchema,
    run: ({ causeId, direction }, actor) => changeIncidentCause(causeId, { move: direction }, actor),
    done: { key: "admin.causeMoved" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}
