import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

import { DEFAULT_CHECKLIST_IN_FORCE_FROM, readDefaultChecklistDocument } from "@/lib/checklist/default";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { fail, isAppError } from "@/lib/errors";
import { seedChecklist } from "@/lib/queries/checklist";
import { ensureFirstChecklistVersion } from "@/lib/queries/checklist-versions";
import { deleteSetting, getSetting, setSetting } from "@/lib/queries/settings";
import { countActiveAdmins, createUser, ensureLocalUser } from "@/lib/queries/users";
import { newUserSchema } from "@/lib/validations/user";

const SETUP_TOKEN_KEY = "setup.token_sha256";

/**
 * What every installation needs before anyone signs in, loaded when missing (idempotent): the
 * default checklist and its first version, and the built-in user its changes are attributed to.
 */
export async function ensureFoundation() {
  const checklist = await seedChecklist(readDefaultChecklistDocument(), {
    at: DEFAULT_CHECKLIST_IN_FORCE_FROM,
  });
  const localUser = await ensureLocalUser();
  await ensureFirstChecklistVersion(localUser.id);
  return { checklistLoaded: checklist.created };
}

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
    try {
      await createUser(parsed.data, null, { allowWithoutActor: true });
      return { kind: "created-from-env", email: parsed.data.email };
    } catch (error) {
      if (!isAppError(error)) throw error;
      return {
        kind: "invalid-env",
        problems: [`email: ${error.detail.key} (that user exists but is not an active admin)`],
      };
    }
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
}): Promise<{ id: string }> {
  // Consuming the token first makes a second, concurrent use of the same link fail.
  const consumed = await getDb().instanceSetting.deleteMany({
    where: { key: SETUP_TOKEN_KEY, value: sha256(input.token) },
  });
  if (consumed.count === 0 || (await countActiveAdmins()) > 0) throw fail.notFound("auth.setupInvalid");
  try {
    return await createUser(
      { name: input.name, email: input.email, password: input.password, role: "ADMIN" },
      null,
      { allowWithoutActor: true },
    );
  } catch (error) {
    // A refused form (an email already taken) leaves the link usable for a second try.
    await setSetting(SETUP_TOKEN_KEY, sha256(input.token));
    throw error;
  }
}
