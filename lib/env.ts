import path from "node:path";

import { trustedProxies } from "@/lib/security/client-address.mjs";
import { shutdownGraceSeconds } from "@/lib/shutdown.mjs";
import { z } from "@/lib/validations/zod";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

// Read once, validated once. Everything else imports `env` instead of touching process.env; the
// schema itself is exported for deploy/deploy.test.ts, which checks the shipped settings against it.
export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(
      z
        .url({
          protocol: /^postgres(ql)?$/,
          error: "DATABASE_URL must be a postgres:// or postgresql:// URL",
        })
        .optional(),
    )
    .optional(),
  TENKEN_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
  // Unset: the demo organisation on the embedded database only (see demoDataPolicy).
  TENKEN_DEMO_DATA: z.enum(["on", "off"]).optional(),
  // Times are shown in this zone; defaults to the server's own.
  TENKEN_TIME_ZONE: z
    .string()
    .trim()
    .optional()
    .transform((zone) => zone || Intl.DateTimeFormat().resolvedOptions().timeZone)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "TENKEN_TIME_ZONE must be an IANA time zone such as Asia/Tokyo"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Where people reach tenken; SSO redirects come back here, and cookies are Secure when it is https.
  TENKEN_BASE_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, error: "TENKEN_BASE_URL must be an http:// or https:// URL" }).optional(),
  ),
  // Signs sessions; generated once and kept in the database when not given.
  TENKEN_AUTH_SECRET: optionalString.pipe(
    z.string().min(32, "TENKEN_AUTH_SECRET must be at least 32 characters").optional(),
  ),
  TENKEN_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  TENKEN_ADMIN_EMAIL: optionalString.pipe(
    z.email({ error: "TENKEN_ADMIN_EMAIL must be an email address" }).optional(),
  ),
  TENKEN_ADMIN_PASSWORD: optionalString,
  TENKEN_ADMIN_NAME: optionalString,
  TENKEN_OIDC_ISSUER: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, error: "TENKEN_OIDC_ISSUER must be an http:// or https:// URL" })
      .optional(),
  ),
  TENKEN_OIDC_CLIENT_ID: optionalString,
  TENKEN_OIDC_CLIENT_SECRET: optionalString,
  TENKEN_OIDC_NAME: optionalString,
  TENKEN_OIDC_ROLES_CLAIM: optionalString,
  TENKEN_OIDC_ROLE_MAP: optionalString,
  // Evidence older than this many days (since it was last checked) is stale: one quarter by default.
  TENKEN_EVIDENCE_STALE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // The largest evidence file accepted, in MB; a request body may be 2 MB more, for the rest of
  // the form (lib/security/request-limit.mjs).
  TENKEN_EVIDENCE_MAX_MB: z.coerce.number().min(0.1).max(50).default(10),
  // The reverse proxies whose X-Forwarded-For is believed (lib/security/client-address.mjs).
  TENKEN_TRUSTED_PROXIES: optionalString.pipe(
    z
      .string()
      .refine((value) => {
        try {
          trustedProxies(value);
          return true;
        } catch {
          return false;
        }
      }, "TENKEN_TRUSTED_PROXIES must be IP addresses or CIDR ranges, separated by commas")
      .optional(),
  ),
  // How long requests still open at SIGTERM may take to finish (read by scripts/serve.mjs too).
  TENKEN_SHUTDOWN_GRACE_SECONDS: optionalString
    .refine((value) => {
      try {
        shutdownGraceSeconds(value);
        return true;
      } catch {
        return false;
      }
    }, "TENKEN_SHUTDOWN_GRACE_SECONDS must be a whole number of seconds from 0 to 3600")
    .transform((value) => shutdownGraceSeconds(value)),
});

function readEnv() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return {
    ...parsed.data,
    // "memory://" keeps an embedded database in memory only (tests); anything else is a folder.
    dataDir: parsed.data.TENKEN_DATA_DIR.startsWith("memory://")
      ? parsed.data.TENKEN_DATA_DIR
      : path.resolve(parsed.data.TENKEN_DATA_DIR),
  };
}

export const env = readEnv();

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function databaseTarget(): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: env.dataDir };
}

/** Where people reach tenken: TENKEN_BASE_URL, or this machine on PORT. */
export function publicBaseUrl() {
  return (env.TENKEN_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

/**
 * Whether a first start loads the demo organisation, whose people share a published password:
 * by default only into the embedded database (someone trying tenken on their machine), into a
 * PostgreSQL server only when asked for with TENKEN_DEMO_DATA=on.
 */
export function demoDataPolicy(
  kind: DatabaseTarget["kind"],
  setting: "on" | "off" | undefined,
): { load: true } | { load: false; reason: string } {
  if (setting === "off") return { load: false, reason: "TENKEN_DEMO_DATA=off" };
  if (kind === "postgres" && setting !== "on")
    return { load: false, reason: "PostgreSQL without TENKEN_DEMO_DATA=on" };
  return { load: true };
}
