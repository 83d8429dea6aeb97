import { NextResponse, type NextRequest } from "next/server";

import { PATH_HEADER, pathOf, signInRedirect } from "@/lib/auth/gate";
import {
  ALLOWED_METHODS,
  contentSecurityPolicy,
  createNonce,
  STATIC_SECURITY_HEADERS,
} from "@/lib/security/headers";

function ssoOrigin() {
  try {
    return process.env.TENKEN_OIDC_ISSUER ? new URL(process.env.TENKEN_OIDC_ISSUER).origin : undefined;
  } catch {
    return undefined;
  }
}

// Routes that answer with a policy of their own, stricter than a page's: evidence files are
// sandboxed (app/api/evidence/[evidenceId]/route.ts). The page's policy must not replace theirs.
const OWN_POLICY = [/^\/api\/evidence\//];

function withSecurityHeaders(response: NextResponse, policy: string | null) {
  if (policy) response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

// A path whose percent-encoding is not UTF-8 ("/services/%ff") cannot name anything here; Next.js
// would fail to decode it into the route's parameters, with a bare 500.
function decodable(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// A server action posted from another origin, or with an id that cannot be one, is refused here.
// Next.js refuses them too, but answers a foreign origin with a 500 and logs both as errors.
function refusedServerAction(request: NextRequest): NextResponse | null {
  const actionId = request.headers.get("next-action");
  if (actionId === null) return null;
  if (!/^[0-9a-f]{42}$/i.test(actionId)) return new NextResponse(null, { status: 400 });
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin === null) return null;
  try {
    return new URL(origin).host === host ? null : new NextResponse(null, { status: 403 });
  } catch {
    return new NextResponse(null, { status: 403 });
  }
}

// Every page and route: security headers with a per-request nonce, and the sign-in gate.
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    dev: process.env.NODE_ENV !== "production",
    ssoOrigin: ssoOrigin(),
  });
  // The server refuses other methods first (scripts/serve.mjs); this holds under `next dev` too.
  if (!ALLOWED_METHODS.includes(request.method))
    return withSecurityHeaders(
      new NextResponse(null, { status: 405, headers: { Allow: ALLOWED_METHODS.join(", ") } }),
      policy,
    );
  if (!decodable(request.nextUrl.pathname))
    return withSecurityHeaders(
      new NextResponse("The address is not valid. / このアドレスは正しくありません。", { status: 400 }),
      policy,
    );
  const refused = refusedServerAction(request);
  if (refused) return withSecurityHeaders(refused, policy);
  const redirect = signInRedirect(request);
  if (redirect) return withSecurityHeaders(redirect, policy);
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's policy and puts it on its own scripts.
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set(PATH_HEADER, pathOf(request));
  const ownPolicy = OWN_POLICY.some((pattern) => pattern.test(request.nextUrl.pathname));
  return withSecurityHeaders(
    NextResponse.next({ request: { headers: requestHeaders } }),
    ownPolicy ? null : policy,
  );
}

export const config = {
  // Static build output is served with next.config.ts's headers instead.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|gif|webp|svg|ico|txt)$).*)"],
};
