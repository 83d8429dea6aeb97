"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { withDatabase } from "@/lib/errors";
import type { Principal } from "@/lib/permissions";
import { addMembership, createTeam, removeMembership, updateTeam, type TeamWriteResult } from "@/lib/queries/teams";
import { createUser, setUserActive, setUserRole, type UserWriteResult } from "@/lib/queries/users";
import { fieldErrorsFrom, formValues, refusedState, signedOutState, type FormMessage, type FormState } from "@/lib/validations/form";
import { setFiscalStartMonth } from "@/lib/queries/settings";
import { settingsSchema } from "@/lib/validations/settings";
import { membershipSchema, newUserSchema, roleChangeSchema, teamSchema, teamUpdateSchema, userIdSchema } from "@/lib/validations/user";
import type { z } from "zod";

type WriteResult = UserWriteResult | TeamWriteResult | { ok: true };

/**
 * The shape every admin action shares: signed in, valid input, the write (which checks the
 * permission itself, in its transaction), then the outcome as form state.
 */
async function adminWrite<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  write: (input: z.infer<S>, actor: Principal) => Promise<WriteResult>,
  success: (input: z.infer<S>) => FormMessage,
  formFields: readonly string[] = [],
): Promise<FormState> {
  const values = formValues(formData);
  delete values.password;
  const actor = await getCurrentUser();
  if (!actor) return signedOutState(values);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsFrom(parsed.error), values };
  const result = await withDatabase(() => write(parsed.data, actor));
  if (!result.ok) return refusedState(result, values);
  const outcome = result.value;
  if (!outcome.ok) {
    if ("notFound" in outcome) return { status: "error", formError: { key: "errors.notFoundBody" }, values };
    // Errors about a field the form shows go next to it; others head the form.
    if (formFields.includes(outcome.field)) return { status: "error", fieldErrors: { [outcome.field]: [{ key: outcome.key }] }, values };
    return { status: "error", formError: { key: outcome.key }, values };
  }
  // Roles, teams and settings show up across the app (navigation, quarter names), not only here.
  revalidatePath("/", "layout");
  revalidatePath("/audit");
  return { status: "saved", message: success(parsed.data), savedAt: Date.now() };
}

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(formData, newUserSchema, createUser, (input) => ({ key: "admin.userCreated", values: { name: input.name } }), ["name", "email", "role", "password"]);
}

export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(formData, roleChangeSchema, (input, actor) => setUserRole(input.userId, input.role, actor), () => ({ key: "admin.roleSaved" }), ["role"]);
}

export async function deactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(formData, userIdSchema, (input, actor) => setUserActive(input.userId, false, actor), () => ({ key: "admin.userDeactivated" }));
}

export async function reactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(formData, userIdSchema, (input, actor) => setUserActive(input.userId, true, actor), () => ({ key: "admin.userReactivated" }));
}

export async function createTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(formData, teamSchema, createTeam, (input) => ({ key: "admin.teamCreated", values: { name: input.name } }), ["name", "slug", "description"]);
}

export async function updateTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(formData, teamUpdateSchema, ({ teamId, ...input }, actor) => updateTeam(teamId, input, actor), () => ({ key: "admin.teamSaved" }), ["name", "slug", "description"]);
}

export async function addMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(formData, membershipSchema, (input, actor) => addMembership(input.teamId, input.userId, actor), () => ({ key: "admin.memberAdded" }), ["userId"]);
}

export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(formData, membershipSchema, (input, actor) => removeMembership(input.teamId, input.userId, actor), () => ({ key: "admin.memberRemoved" }));
}

export async function saveSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminWrite(formData, settingsSchema, (input, actor) => setFiscalStartMonth(input.fiscalStartMonth, actor), () => ({ key: "admin.settingsSaved" }), ["fiscalStartMonth"]);
}
