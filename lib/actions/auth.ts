"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { clientAddress } from "@/lib/auth/request";
import { getAuth } from "@/lib/auth/server";
import { SSO_PROVIDER_ID, ssoConfig } from "@/lib/auth/sso";
import { fail } from "@/lib/errors";
import { publicFormAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { createFirstAdmin } from "@/lib/queries/setup";
import { recordSignInAttempt, signInLockedForMinutes } from "@/lib/queries/sign-in-attempts";
import { firstAdminSchema, nextPathSchema, signInSchema } from "@/lib/validations/user";

// Better Auth reports a refused sign-in as an APIError; anything else is a fault to surface.
function isRefusal(error: unknown) {
  return error instanceof Error && error.name === "APIError";
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return publicFormAction(formData, {
    schema: signInSchema,
    run: async ({ email, password }) => {
      const requestHeaders = await headers();
      const address = clientAddress(requestHeaders);
      const lockedMinutes = await signInLockedForMinutes(email, address);
      if (lockedMinutes > 0) throw fail.rateLimited("auth.tooManyAttempts", { minutes: lockedMinutes });
      const auth = await getAuth();
      try {
        await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
      } catch (error) {
        if (!isRefusal(error)) throw error;
        await recordSignInAttempt(email, address, false);
        // Never which part was wrong.
        throw fail.invalid("validation.signIn.failed");
      }
      await recordSignInAttempt(email, address, true);
    },
    redirectTo: (_, { next }) => next,
  });
}

// Sending the person to the identity provider, and signing out, write nothing of tenken's own:
// Better Auth keeps the session, and a refusal is shown on the sign-in page.
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
  redirect(url ?? `/sign-in?error=sso&next=${encodeURIComponent(next)}`);
}

export async function signOutAction() {
  const auth = await getAuth();
  // Signing out of a session that has already ended is not an error.
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/sign-in?signedOut=1");
}

export async function createFirstAdminAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return publicFormAction(formData, {
    schema: firstAdminSchema,
    run: async (input) => {
      await createFirstAdmin(input);
      const auth = await getAuth();
      await auth.api.signInEmail({
        body: { email: input.email, password: input.password },
        headers: await headers(),
      });
    },
    redirectTo: () => "/admin/users",
  });
}
