import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";

import { clientAddress } from "@/lib/auth/request";
import {
  claimSignInAttempt,
  signInSucceeded,
  singleSignOnFailed,
  singleSignOnLockedForMinutes,
} from "@/lib/queries/sign-in-attempts";
import { sameOriginPath } from "@/lib/security/redirect";
import { signInCredentialsSchema } from "@/lib/validations/user";

// What tenken adds to Better Auth's endpoints, whether they are reached over HTTP or called by
// tenken's own server actions (auth.api): one throttle for every sign-in by password, recorded in
// PostgreSQL for every instance, and callbacks held to tenken's own paths.

const SIGN_IN = "/sign-in/email";
// Where the identity provider sends the browser back, with a code or an error.
const SSO_CALLBACKS = ["/callback/:id", "/oauth2/callback/:providerId"];
// Where a single sign-on refused for too many failures ends, as tenken's sign-in page reports it.
const ssoRefused = (minutes: number) => `/sign-in?error=locked&minutes=${minutes}`;

/** Where Better Auth sends the browser when it answers with a redirect. */
function redirectedTo(returned: unknown) {
  if (!isAPIError(returned) || returned.statusCode !== 302) return null;
  const location = new Headers(returned.headers).get("location");
  return location ? new URL(location, "http://tenken.invalid") : null;
}

// Where Better Auth sends the browser once a sign-in is done or has failed (tenken passes paths
// of its own): whatever a request names, only a path of tenken's own (lib/security/redirect.ts).
const CALLBACK_FIELDS = ["callbackURL", "errorCallbackURL", "newUserCallbackURL", "redirectTo"] as const;

function withOwnCallbacks(source: unknown) {
  if (!source || typeof source !== "object") return null;
  const fields = Object.fromEntries(
    CALLBACK_FIELDS.filter((field) => field in source).map((field) => [
      field,
      sameOriginPath((source as Record<string, unknown>)[field]) ?? "/",
    ]),
  );
  return Object.keys(fields).length ? { ...(source as object), ...fields } : null;
}

/** The credentials of a sign-in by password, as tenken's own form checks them; null when malformed. */
function credentialsOf(body: unknown) {
  const parsed = signInCredentialsSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export const beforeEndpoint = createAuthMiddleware(async (ctx) => {
  if (ctx.path === SIGN_IN) {
    const credentials = credentialsOf(ctx.body);
    if (!credentials) throw new APIError("BAD_REQUEST", { message: "Enter an email and a password." });
    const minutes = await claimSignInAttempt(credentials.email, clientAddress(ctx.headers ?? new Headers()));
    if (minutes > 0)
      throw new APIError("TOO_MANY_REQUESTS", {
        message: `Too many failed sign-ins. Try again in ${minutes} minutes.`,
        code: "TOO_MANY_SIGN_IN_ATTEMPTS",
        minutes,
      });
  }
  if (SSO_CALLBACKS.includes(ctx.path)) {
    const minutes = await singleSignOnLockedForMinutes(clientAddress(ctx.headers ?? new Headers()));
    if (minutes > 0) throw ctx.redirect(ssoRefused(minutes));
  }
  const [body, query] = [withOwnCallbacks(ctx.body), withOwnCallbacks(ctx.query)];
  if (!body && !query) return;
  return { context: { ...ctx, ...(body ? { body } : {}), ...(query ? { query } : {}) } };
});

// A sign-in by password was counted as a failure when it was let through: a right password
// forgives it, and the account's earlier typos with it. A single sign-on that came back with an
// error (a forged or replayed code, a refused consent) counts toward its address.
export const afterEndpoint = createAuthMiddleware(async (ctx) => {
  const address = clientAddress(ctx.headers ?? new Headers());
  if (ctx.path === SIGN_IN && !isAPIError(ctx.context.returned)) {
    const credentials = credentialsOf(ctx.body);
    if (credentials) await signInSucceeded(credentials.email, address);
  }
  if (SSO_CALLBACKS.includes(ctx.path) && redirectedTo(ctx.context.returned)?.searchParams.has("error"))
    await singleSignOnFailed(address);
});
