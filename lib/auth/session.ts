import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";

import { PATH_HEADER } from "@/lib/auth/gate";
import { getSessionReader } from "@/lib/auth/server";
import { can, type Principal, type SubjectlessRule } from "@/lib/permissions";
import { getPrincipal } from "@/lib/queries/users";
import { nextPathSchema } from "@/lib/validations/user";

export type CurrentUser = Principal & { email: string };

/** The signed-in person, or null: an unknown, expired or deactivated session is no session. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const requestHeaders = await headers();
  const auth = await getSessionReader();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return getPrincipal(session.user.id);
});

export function signInPath(next: string) {
  return `/sign-in?next=${encodeURIComponent(nextPathSchema.parse(next))}`;
}

/** For pages: the signed-in person, or a redirect to sign-in that comes back here. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath((await headers()).get(PATH_HEADER) ?? "/services"));
  return user;
}

/** For pages: the signed-in person if the rule allows them, else the 403 page. */
export async function requirePermission(rule: SubjectlessRule): Promise<CurrentUser> {
  const user = await requireUser();
  if (!(can[rule] as (principal: Principal | null) => boolean)(user)) forbidden();
  return user;
}
