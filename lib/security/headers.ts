import shared from "./headers.json";

// The security headers of every response. The Content-Security-Policy carries a fresh nonce per
// request (proxy.ts), which Next.js puts on its own scripts; nothing else may run. The headers
// that never change, and the methods tenken answers, are kept in headers.json, because the server
// (scripts/serve.mjs) is plain JavaScript and sets them too, before Next.js sees a request.

export const STATIC_SECURITY_HEADERS: Record<string, string> = shared.headers;

// What tenken answers. The server refuses the rest (TRACE, made-up methods) before Next.js,
// which would otherwise fail on them with a bare 500.
export const ALLOWED_METHODS: readonly string[] = shared.methods;

type PolicyOptions = { nonce: string; dev: boolean; ssoOrigin?: string };

export function contentSecurityPolicy({ nonce, dev, ssoOrigin }: PolicyOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build evaluates strings; production never does.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Style attributes (bar widths) are not script; allowing them inline keeps markup simple.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    // A form may lead to the identity provider (single sign-on without JavaScript), nowhere else.
    "form-action": ["'self'", ...(ssoOrigin ? [ssoOrigin] : [])],
    "frame-ancestors": ["'none'"],
  };
  // No upgrade-insecure-requests: tenken is often served over plain http inside a network, where
  // upgrading would break every request.
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** A nonce of 128 random bits, with Web Crypto only (the proxy may run on the edge). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
