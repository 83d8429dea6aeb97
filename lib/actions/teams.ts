"use server";

import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
import { addMembership, createTeam, removeMembership, updateTeam } from "@/lib/queries/teams";
import { membershipSchema, teamSchema, teamUpdateSchema } from "@/lib/validations/user";

export async function createTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageTeams",
    schema: teamSchema,
    run: (input, actor) => createTeam(input, actor),
    done: (_, input) => ({ key: "admin.teamCreated", values: { name: input.name } }),
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function updateTeamAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageTeams",
    schema: teamUpdateSchema,
    run: ({ teamId, ...input }, actor) => updateTeam(teamId, input, actor),
    done: { key: "admin.teamSaved" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function addMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageTeams",
    schema: membershipSchema,
    run: (input, actor) => addMembership(input.teamId, input.userId, actor),
    done: { key: "admin.memberAdded" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageTeams",
    schema: membershipSchema,
    run: (input, actor) => removeMembership(input.teamId, input.userId, actor),
    done: { key: "admin.memberRemoved" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}
