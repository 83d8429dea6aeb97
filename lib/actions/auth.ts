"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { getAuth } from "@/lib/auth/server";
import { SSO_PROVIDER_ID, ssoConfig } from "@/lib/auth/sso";
import { fail } from "@/lib/errors";
import { publicFormAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { createFirstAdmin } from "@/lib/queries/setup";
import { firstAdminSchema, nextPathSchema, signInSchema } from "@/lib/validations/user";

// Better Auth reports a refused sign-in as an APIError; anything else is a fault to surface.
function refusal(error: unknown) {
  if (!(error instanceof Error) || error.name !== "APIError") return null;
  const { statusCode, body } = error as Error & { statusCode?: number; body?: { minutes?: unknown } };
  return { statusCode, minutes: typeof body?.minutes === "number" ? body.minutes : undefined };
}

// Throttled and recorded by the hooks every sign-in by password goes through (lib/auth/hooks.ts).
export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return publicFormAction(formData, {
    schema: signInSchema,
    run: async ({ email, password }) => {
      const auth = await getAuth();
      try {
        await auth.api.signInEmail({ body: { email, password }, headers: await headers() });
      } catch (error) {
        const refused = refusal(error);
        if (!refused) throw error;
        if (refused.statusCode === 429)
          throw fail.rateLimited("auth.tooManyAttempts", { minutes: refused.minutes ?? 15 });
        // Never which part was wrong.
        throw fail.invalid("validation.signIn.failed");
      }
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
