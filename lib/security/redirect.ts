// Where a person may be sent: after signing in, after SSO, after a session ended, after deleting
// what they were looking at. Every "next", "back" and callback target goes through here.

/** Stands for tenken's own origin: a target is resolved against it exactly as against the real one. */
const OWN_ORIGIN = "https://tenken.invalid";

export const DEFAULT_RETURN_PATH = "/services";

// Not places to come back to after signing in: the sign-in page itself, and machine endpoints.
const NOT_A_RETURN = /^\/(?:sign-in(?:[/?#]|$)|api\/)/;

/**
 * The target as a path of tenken's own, or null. It is resolved with the URL parser the way a
 * browser resolves it (dot segments and encoded dots, backslashes, tabs and newlines all
 * normalised) and kept only when it stays on tenken's origin and its path cannot be read as
 * another host ("//evil.example"). What comes back is the normalised path, never the string
 * given, so a client that normalises it again gets the same path.
 */
export function sameOriginPath(target: unknown): string | null {
  if (typeof target !== "string" || !target.startsWith("/") || target.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(target, OWN_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== OWN_ORIGIN) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return /^\/[/\\]/.test(path) ? null : path;
}

/** Where to send someone back to after signing in: a path of tenken's own that is a page, or `fallback`. */
export function safeReturnPath(target: unknown, fallback = DEFAULT_RETURN_PATH): string {
  const path = sameOriginPath(target);
  return path === null || NOT_A_RETURN.test(path) ? fallback : path;
}
