import { readFileSync } from "node:fs";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { requestBodyLimit } from "./lib/security/request-limit.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The fixed security headers, as proxy.ts and the server (scripts/serve.mjs) set them.
const { headers: STATIC_SECURITY_HEADERS } = JSON.parse(
  readFileSync("lib/security/headers.json", "utf8"),
) as {
  headers: Record<string, string>;
};

// Read when the server starts, like the rest of this file.
const bodyLimit = requestBodyLimit();

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: a refused page is a 403, not a 404 or a redirect. Evidence
  // files arrive through server actions, whose bodies the proxy also reads: both limits follow
  // the evidence limit.
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: bodyLimit },
    proxyClientMaxBodySize: bodyLimit,
  },
  // Pages and routes get their headers from proxy.ts (the policy needs a nonce per request);
  // these cover the static files the proxy does not see.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default withNextIntl(nextConfig);
