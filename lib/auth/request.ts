import { CLIENT_ADDRESS_HEADER, throttledAddress } from "@/lib/security/client-address.mjs";

/**
 * The address a request came from, for throttling sign-in: as the server worked it out from the
 * connection and the trusted proxies (scripts/serve.mjs, lib/security/client-address.mjs), never
 * from what the client wrote in X-Forwarded-For; an IPv6 address by its /64. "unknown" when tenken
 * is not served by its own server (`next dev`): every such request then shares one address.
 */
export function clientAddress(requestHeaders: Headers): string {
  return throttledAddress(requestHeaders.get(CLIENT_ADDRESS_HEADER) ?? "unknown");
}
