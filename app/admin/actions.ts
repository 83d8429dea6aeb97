"use server";

import type { z } from "zod";

import { formWrite, type WriteOutcome } from "@/lib/form-write";
import type { Principal } from "@/lib/permissions";
import { changeIncidentCause, createIncidentCause } from "@/lib/queries/incidents";
import { setFiscalStartMonth } from "@/lib/queries/settings";
import { addMembership, createTeam, removeMembership, updateTeam } from "@/lib/queries/teams";
import { createUser, setUserActive, setUserRole } from "@/lib/queries/users";
import type { FormMessage, FormState } from "@/lib/validations/form";
import { causeEditSchema, causeIdSchema, causeMoveSchema, newCauseSchema } from "@/lib/validations/meeting";
import { settingsSchema } from "@/lib/validations/settings";
import {
  membershipSchema,
  newUserSchema,
  roleChangeSchema,
  teamSchema,
  teamUpdateSchema,
  userIdSchema,
} from "@/lib/validations/user";

// Roles, teams and settings show up across the app (navigation, quarter names), not only here.
const REVALIDATE = [["/", "layout"], ["/audit"]] as const;

function adminWrite<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  write: (input: z.infer<S>, actor: Principal) => Promise<WriteOutcome>,
  success: (input: z.infer<S>) => FormMessage,
  formFields: readonly string[] = [],
) {
  return formWrite(formData, schema, write, success, { formFields, revalidate: REVALIDATE });
}

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    newUserSchema,
    createUser,
    (input) => ({ key: "admin.userCreated", values: { name: input.name } }),
    ["name", "email", "role", "password"],
  );
}

export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    roleChangeSchema,
    (input, actor) => setUserRole(input.userId, input.role, actor),
    () => ({ key: "admin.roleSaved" }),
    ["role"],
  );
}

export async function deactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    userIdSchema,
    (input, actor) => setUserActive(input.userId, false, actor),
    () => ({ key: "admin.userDeactivated" }),
  );
}

export async function reactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    userIdSchema,
    (input, actor) => setUserActive(input.userId, true, actor),
    () => ({ key: "admin.userReactivated" }),
  );
}

export async function createTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    teamSchema,
    createTeam,
    (input) => ({ key: "admin.teamCreated", values: { name: input.name } }),
    ["name", "slug", "description"],
  );
}

export async function updateTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    teamUpdateSchema,
    ({ teamId, ...input }, actor) => updateTeam(teamId, input, actor),
    () => ({ key: "admin.teamSaved" }),
    ["name", "slug", "description"],
  );
}

export async function addMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    membershipSchema,
    (input, actor) => addMembership(input.teamId, input.userId, actor),
    () => ({ key: "admin.memberAdded" }),
    ["userId"],
  );
}

export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    membershipSchema,
    (input, actor) => removeMembership(input.teamId, input.userId, actor),
    () => ({ key: "admin.memberRemoved" }),
  );
}

export async function saveSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    settingsSchema,
    (input, actor) => setFiscalStartMonth(input.fiscalStartMonth, actor),
    () => ({ key: "admin.settingsSaved" }),
    ["fiscalStartMonth"],
  );
}

const CAUSE_FIELDS = ["nameEn", "nameJa"];

export async function createCauseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    newCauseSchema,
    createIncidentCause,
    (input) => ({ key: "admin.causeCreated", values: { name: input.nameEn } }),
    CAUSE_FIELDS,
  );
}

export async function renameCauseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    causeEditSchema,
    ({ causeId, ...names }, actor) => changeIncidentCause(causeId, { names }, actor),
    () => ({ key: "admin.causeSaved" }),
    CAUSE_FIELDS,
  );
}

export async function retireCauseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    causeIdSchema,
    ({ causeId }, actor) => changeIncidentCause(causeId, { retired: true }, actor),
    () => ({ key: "admin.causeRetired" }),
  );
}

export async function restoreCauseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    causeIdSchema,
    ({ causeId }, actor) => changeIncidentCause(causeId, { retired: false }, actor),
    () => ({ key: "admin.causeRestored" }),
  );
}

export async function moveCauseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(
    formData,
    causeMoveSchema,
    ({ causeId, direction }, actor) => changeIncidentCause(causeId, { move: direction }, actor),
    () => ({ key: "admin.causeMoved" }),
  );
}
