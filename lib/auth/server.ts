import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins";
import { decodeJwt } from "jose";

import { SESSION_COOKIE_PREFIX } from "@/lib/auth/gate";
import { afterEndpoint, beforeEndpoint } from "@/lib/auth/hooks";
import { roleFromClaims, SSO_PROVIDER_ID, ssoConfig } from "@/lib/auth/sso";
import { getDb } from "@/lib/db";
import { env, publicBaseUrl } from "@/lib/env";
import { recordAudit } from "@/lib/queries/audit";
import { getOrCreateSetting } from "@/lib/queries/settings";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validations/user";

async function authSecret() {
  return (
    env.TENKEN_AUTH_SECRET ?? getOrCreateSetting("auth.secret", () => randomBytes(32).toString("base64url"))
  );
}

// An SSO account is linked once, at a person's first SSO sign-in: that is when their role is
// decided from the ID token's claims and their arrival is recorded.
async function onSsoAccountLinked(account: { userId: string; providerId: string; idToken?: string | null }) {
  if (account.providerId !== SSO_PROVIDER_ID) return;
  const claims = account.idToken ? decodeJwt(account.idToken) : {};
  const role = roleFromClaims(claims);
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: account.userId },
      data: { role },
      select: { id: true, name: true, email: true, role: true },
    });
    await recordAudit(tx, user, {
      kind: "user.created",
      entityType: "user",
      entityId: user.id,
      after: { name: user.name, email: user.email, role: user.role, via: "sso" },
    });
  });
}

function createAuth(secret: string, { writesCookies }: { writesCookies: boolean }) {
  const sso = ssoConfig();
  return betterAuth({
    appName: "tenken",
    baseURL: publicBaseUrl(),
    secret,
    telemetry: { enabled: false },
    hooks: { before: beforeEndpoint, after: afterEndpoint },
    // tenken throttles sign-in itself, in PostgreSQL, for every instance (lib/auth/hooks.ts).
    rateLimit: { enabled: false },
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    advanced: { database: { generateId: "uuid" }, cookiePrefix: SESSION_COOKIE_PREFIX },
    // A session lasts TENKEN_SESSION_HOURS from sign-in. Not sliding: reading a session must not
    // write a cookie, because a cookie written during a server action makes Next.js re-render
    // the page, and a refused save would then vanish in a redirect instead of being reported.
    session: { expiresIn: env.TENKEN_SESSION_HOURS * 60 * 60, disableSessionRefresh: true },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "VIEWER" },
        deactivatedAt: { type: "date", input: false, required: false },
      },
    },
    // Accounts are made by an admin or the first-start setup, never by signing up.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    databaseHooks: {
      session: {
        create: {
          async before(session) {
            const user = await getDb().user.findUnique({
              where: { id: session.userId },
              select: { deactivatedAt: true, isBuiltIn: true },
            });
            if (!user || user.deactivatedAt || user.isBuiltIn) return false;
          },
        },
      },
      account: { create: { after: onSsoAccountLinked } },
    },
    plugins: [
      ...(sso
        ? [
            genericOAuth({
              config: [
                {
                  providerId: SSO_PROVIDER_ID,
                  name: sso.name,
                  discoveryUrl: `${sso.issuer}/.well-known/openid-configuration`,
                  clientId: sso.clientId,
                  clientSecret: sso.clientSecret,
                  scopes: ["openid", "email", "profile"],
                  pkce: true,
                  // An ID token is accepted only when signed by the issuer's keys, for this client and nonce.
                  requireIdTokenVerification: true,
                },
              ],
            }),
          ]
        : []),
      // Lets the server actions that sign in or out set the session cookie.
      ...(writesCookies ? [nextCookies()] : []),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { tenkenAuth?: Promise<{ signing: Auth; reading: Auth }> };

// Built on first use because the secret may live in the database.
function getInstances() {
  globalForAuth.tenkenAuth ??= authSecret()
    .then((secret) => ({
      signing: createAuth(secret, { writesCookies: true }),
      reading: createAuth(secret, { writesCookies: false }),
    }))
    .catch((error: unknown) => {
      globalForAuth.tenkenAuth = undefined;
      throw error;
    });
  return globalForAuth.tenkenAuth;
}

/** Better Auth, for signing in and out and its own routes: sets the session cookie. */
export async function getAuth(): Promise<Auth> {
  return (await getInstances()).signing;
}

/** Better Auth for reading the session of a request: never writes a cookie. */
export async function getSessionReader(): Promise<Auth> {
  return (await getInstances()).reading;
}
