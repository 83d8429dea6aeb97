import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { deleteSetting, getSetting, setSetting } from "@/lib/queries/settings";
import { countActiveAdmins, createUser, type UserWriteResult } from "@/lib/queries/users";
import { newUserSchema } from "@/lib/validations/user";

const SETUP_TOKEN_KEY = "setup.token_sha256";

function sha256(value: string) {
  return createHash("sha256").update(value).digest("hex");
}

export type FirstAdminOutcome =
  | { kind: "exists" }
  | { kind: "created-from-env"; email: string }
  | { kind: "setup-link"; token: string }
  | { kind: "invalid-env"; problems: string[] };

/**
 * At start, make sure someone can administer tenken: an admin from TENKEN_ADMIN_EMAIL and
 * TENKEN_ADMIN_PASSWORD, or else a one-time setup token (only its hash is stored) for a link
 * printed in the server log. A new token replaces the old one at every start until an admin exists.
 */
export async function ensureFirstAdmin(): Promise<FirstAdminOutcome> {
  if ((await countActiveAdmins()) > 0) {
    await deleteSetting(SETUP_TOKEN_KEY);
    return { kind: "exists" };
  }
  if (env.TENKEN_ADMIN_EMAIL || env.TENKEN_ADMIN_PASSWORD) {
    const parsed = newUserSchema.safeParse({
      name: env.TENKEN_ADMIN_NAME ?? "Administrator",
      email: env.TENKEN_ADMIN_EMAIL ?? "",
      password: env.TENKEN_ADMIN_PASSWORD ?? "",
      role: "ADMIN",
    });
    if (!parsed.success)
      return {
        kind: "invalid-env",
        problems: parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`),
      };
    const created = await createUser(parsed.data, null, { allowWithoutActor: true });
    if (created.ok) return { kind: "created-from-env", email: parsed.data.email };
    return {
      kind: "invalid-env",
      problems: ["email: validation.user.email.taken (that user exists but is not an active admin)"],
    };
  }
  const token = randomBytes(24).toString("base64url");
  await setSetting(SETUP_TOKEN_KEY, sha256(token));
  return { kind: "setup-link", token };
}

export async function isSetupTokenValid(token: string) {
  const stored = await getSetting(SETUP_TOKEN_KEY);
  if (!stored || !token) return false;
  return timingSafeEqual(Buffer.from(stored), Buffer.from(sha256(token)));
}

/** Creates the first admin with the setup link's token, which works once. */
export async function createFirstAdmin(input: {
  name: string;
  email: string;
  password: string;
  token: string;
}): Promise<UserWriteResult | { ok: false; invalidToken: true }> {
  // Consuming the token first makes a second, concurrent use of the same link fail.
  const consumed = await getDb().instanceSetting.deleteMany({
    where: { key: SETUP_TOKEN_KEY, value: sha256(input.token) },
  });
  if (consumed.count === 0 || (await countActiveAdmins()) > 0) return { ok: false, invalidToken: true };
  const created = await createUser(
    { name: input.name, email: input.email, password: input.password, role: "ADMIN" },
    null,
    { allowWithoutActor: true },
  );
  // A refused form (an email already taken) leaves the link usable for a second try.
  if (!created.ok) await setSetting(SETUP_TOKEN_KEY, sha256(input.token));
  return created;
}
