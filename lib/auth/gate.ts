import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

// Kept apart from lib/auth/session.ts: the proxy runs before any page, without the database.
export const PATH_HEADER = "x-tenken-path";
export const SESSION_COOKIE_PREFIX = "tenken";

const PUBLIC_PATHS = [
  /^\/sign-in\/?$/,
  /^\/setup\/?$/,
  /^\/api\/auth\//,
  /^\/api\/health(\/live|\/ready)?\/?$/,
];

function isPublic(pathname: string) {
  return PUBLIC_PATHS.some((pattern) => pattern.test(pathname));
}

/**
 * A first, cheap check: without a session cookie, pages send people to sign in and back. Whether
 * the session is still valid is decided by the page itself (lib/auth/session.ts). Server action
 * requests pass through, so the action can answer with a form message instead of a redirect.
 */
export function signInRedirect(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (isPublic(pathname) || request.headers.has("next-action")) return null;
  if (getSessionCookie(request, { cookiePrefix: SESSION_COOKIE_PREFIX })) return null;
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const target = new URL("/sign-in", request.url);
  target.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(target);
}

/** The page's own path, for sending people back after sign-in. */
export function pathOf(request: NextRequest) {
  return `${request.nextUrl.pathname}${request.nextUrl.search}`;
}
