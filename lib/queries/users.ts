import { getDb } from "@/lib/db";

// Until sign-in exists every change is made by this built-in user: a real row, so events
// keep a real actor and nothing needs migrating when people sign in.
export const LOCAL_USER_EMAIL = "local@tenken.invalid";

export async function ensureLocalUser() {
  return getDb().user.upsert({
    where: { email: LOCAL_USER_EMAIL },
    update: {},
    create: { email: LOCAL_USER_EMAIL, name: "Local user", role: "ADMIN", isBuiltIn: true },
    select: { id: true, name: true },
  });
}

export type Actor = { id: string; name: string };

export async function getCurrentActor(): Promise<Actor> {
  const user = await getDb().user.findUnique({ where: { email: LOCAL_USER_EMAIL }, select: { id: true, name: true } });
  return user ?? ensureLocalUser();
}
