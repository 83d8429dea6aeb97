import { toNextJsHandler } from "better-auth/next-js";

import { getAuth } from "@/lib/auth/server";

// The few of Better Auth's endpoints tenken uses over HTTP: sign-in by password (for scripts; the
// form uses the same endpoint through the server, throttled and recorded alike), the start and the
// return of single sign-on, the session, and signing out. Every other endpoint Better Auth offers
// (changing a user's name, email or password, deleting them, listing sessions, resetting
// passwords...) is not part of tenken: people and passwords are managed under Users, with tenken's
// own rules and audit log. Sign-up is off as well, and Better Auth checks the Origin of every POST.
const OPEN = [
  /^\/sign-in\/email$/,
  /^\/sign-in\/social$/,
  /^\/callback\/[\w-]+$/,
  /^\/oauth2\/callback\/[\w-]+$/,
  /^\/get-session$/,
  /^\/sign-out$/,
];
const PREFIX = "/api/auth";

async function handle(request: Request) {
  const path = new URL(request.url).pathname.slice(PREFIX.length);
  if (!OPEN.some((pattern) => pattern.test(path)))
    return Response.json({ error: "Not found." }, { status: 404 });
  const auth = await getAuth();
  return auth.handler(request);
}

export const { GET, POST } = toNextJsHandler(handle);
