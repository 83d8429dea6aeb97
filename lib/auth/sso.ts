import { env } from "@/lib/env";
import type { UserRole } from "@/lib/generated/prisma/enums";

export const SSO_PROVIDER_ID = "oidc";

export type SsoConfig = { issuer: string; clientId: string; clientSecret: string; name: string };

/** Single sign-on is on when the issuer, client id and secret are all set. */
export function ssoConfig(): SsoConfig | null {
  const {
    TENKEN_OIDC_ISSUER: issuer,
    TENKEN_OIDC_CLIENT_ID: clientId,
    TENKEN_OIDC_CLIENT_SECRET: clientSecret,
  } = env;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer: issuer.replace(/\/+$/, ""), clientId, clientSecret, name: env.TENKEN_OIDC_NAME ?? "SSO" };
}

const ROLE_NAMES: Record<string, UserRole> = {
  admin: "ADMIN",
  sre: "SRE",
  member: "MEMBER",
  viewer: "VIEWER",
};
const ROLE_RANK: UserRole[] = ["ADMIN", "SRE", "MEMBER", "VIEWER"];

/**
 * The role a first SSO sign-in gets: TENKEN_OIDC_ROLE_MAP ("group=role,group=role") matched
 * against the values of the TENKEN_OIDC_ROLES_CLAIM claim (default "groups"); the highest
 * match wins, and nobody matched is a viewer.
 */
export function roleFromClaims(
  claims: Record<string, unknown>,
  roleMap = env.TENKEN_OIDC_ROLE_MAP,
  claimName = env.TENKEN_OIDC_ROLES_CLAIM ?? "groups",
): UserRole {
  if (!roleMap) return "VIEWER";
  const claim = claims[claimName];
  const values = new Set(
    (Array.isArray(claim) ? claim : [claim]).filter((value): value is string => typeof value === "string"),
  );
  const matched = roleMap
    .split(",")
    .map((pair) => pair.split("=").map((part) => part.trim()))
    .filter(([group, role]) => group && role && values.has(group) && ROLE_NAMES[role.toLowerCase()])
    .map(([, role]) => ROLE_NAMES[role!.toLowerCase()]!);
  return ROLE_RANK.find((role) => matched.includes(role)) ?? "VIEWER";
}
