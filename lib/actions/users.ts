"use server";

import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
import { createUser, setUserActive, setUserRole } from "@/lib/queries/users";
import { newUserSchema, roleChangeSchema, userStateSchema } from "@/lib/validations/user";

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageUsers",
    schema: newUserSchema,
    run: (input, actor) => createUser(input, actor),
    done: (_, input) => ({ key: "admin.userCreated", values: { name: input.name } }),
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageUsers",
    schema: roleChangeSchema,
    run: (input, actor) => setUserRole(input.userId, input.role, actor, input),
    done: { key: "admin.roleSaved" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function deactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageUsers",
    schema: userStateSchema,
    run: (input, actor) => setUserActive(input.userId, false, actor, input),
    done: { key: "admin.userDeactivated" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function reactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageUsers",
    schema: userStateSchema,
    run: (input, actor) => setUserActive(input.userId, true, actor, input),
    done: { key: "admin.userReactivated" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}
