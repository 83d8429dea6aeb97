/**
 * The address a request came from, for rate limiting. Next.js fills x-forwarded-for with the
 * peer's address; behind a reverse proxy, that proxy must set it (and the first entry is the client).
 */
export function clientAddress(requestHeaders: Headers): string {
  const forwarded = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || requestHeaders.get("x-real-ip")?.trim() || "unknown";
}
