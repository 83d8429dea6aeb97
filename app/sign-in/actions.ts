"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { clientAddress } from "@/lib/auth/request";
import { getAuth } from "@/lib/auth/server";
import { SSO_PROVIDER_ID, ssoConfig } from "@/lib/auth/sso";
import { withDatabase } from "@/lib/errors";
import { recordSignInAttempt, signInLockedForMinutes } from "@/lib/queries/sign-in-attempts";
import { fieldErrorsFrom, refusedState, type FormState } from "@/lib/validations/form";
import { nextPathSchema, signInSchema } from "@/lib/validations/user";

// Better Auth reports a refused sign-in as an APIError; anything else is a fault to surface.
function isRefusal(error: unknown) {
  return error instanceof Error && error.name === "APIError";
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // The password is never echoed back into the page.
  const values = { email: String(formData.get("email") ?? ""), next: String(formData.get("next") ?? "") };
  const parsed = signInSchema.safeParse({
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
    next: formData.get("next") ?? "",
  });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsFrom(parsed.error), values };
  const { email, password, next } = parsed.data;
  const requestHeaders = await headers();
  const address = clientAddress(requestHeaders);

  const result = await withDatabase(async () => {
    const lockedMinutes = await signInLockedForMinutes(email, address);
    if (lockedMinutes > 0) return { kind: "locked", minutes: lockedMinutes } as const;
    const auth = await getAuth();
    try {
      await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      await recordSignInAttempt(email, address, false);
      return { kind: "refused" } as const;
    }
    await recordSignInAttempt(email, address, true);
    return { kind: "signed-in" } as const;
  });
  if (!result.ok) return refusedState(result, values);
  if (result.value.kind === "locked")
    return {
      status: "error",
      formError: { key: "auth.tooManyAttempts", values: { minutes: result.value.minutes } },
      values,
    };
  if (result.value.kind === "refused")
    return { status: "error", formError: { key: "validation.signIn.failed" }, values };
  redirect(next);
}

export async function signInWithSsoAction(formData: FormData) {
  const next = nextPathSchema.parse(formData.get("next") ?? "");
  if (!ssoConfig()) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  const auth = await getAuth();
  // Generic OIDC providers go through Better Auth's social sign-in and its /callback/:id route.
  const { url } = await auth.api.signInSocial({
    body: {
      provider: SSO_PROVIDER_ID,
      callbackURL: next,
      errorCallbackURL: `/sign-in?error=sso&next=${encodeURIComponent(next)}`,
    },
    headers: await headers(),
  });
  if (!url) redirect(`/sign-in?error=sso&next=${encodeURIComponent(next)}`);
  redirect(url);
}
