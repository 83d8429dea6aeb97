"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { getAuth } from "@/lib/auth/server";
import { withDatabase } from "@/lib/errors";
import { createFirstAdmin } from "@/lib/queries/setup";
import { fieldErrorsFrom, refusedState, type FormState } from "@/lib/validations/form";
import { firstAdminSchema } from "@/lib/validations/user";

export async function createFirstAdminAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const parsed = firstAdminSchema.safeParse({
    ...values,
    password: formData.get("password") ?? "",
    token: formData.get("token") ?? "",
  });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsFrom(parsed.error), values };
  const result = await withDatabase(() => createFirstAdmin(parsed.data));
  if (!result.ok) return refusedState(result, values);
  const created = result.value;
  if (!created.ok) {
    if ("invalidToken" in created)
      return { status: "error", formError: { key: "auth.setupInvalid" }, values };
    if ("notFound" in created) return { status: "error", formError: { key: "auth.setupInvalid" }, values };
    return { status: "error", fieldErrors: { [created.field]: [{ key: created.key }] }, values };
  }
  const auth = await getAuth();
  await auth.api.signInEmail({
    body: { email: parsed.data.email, password: parsed.data.password },
    headers: await headers(),
  });
  redirect("/admin/users");
}
