import { readFileSync } from "node:fs";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { requestBodyLimit } from "./lib/security/request-limit.mjs";

// Messages are compiled at build time, so that neither the server nor the browser parses them on
// every view, and the browser's scripts carry no ICU message parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

// The fixed security headers, as proxy.ts and the server (scripts/serve.mjs) set them.
const { headers: STATIC_SECURITY_HEADERS } = JSON.parse(
  readFileSync("lib/security/headers.json", "utf8"),
) as {
  headers: Record<string, string>;
};

// The last-resort error page (app/global-error.tsx) has no locale and no provider: it gets its few
// messages in both languages inlined at build time, since importing the dictionaries would put
// both of them whole into every page's scripts.
const dictionary = (locale: string) =>
  (JSON.parse(readFileSync(`lib/i18n/messages/${locale}.json`, "utf8")) as { errors: Record<string, string> })
    .errors;
const GLOBAL_ERROR_MESSAGES = JSON.stringify(
  Object.fromEntries(
    ["ja", "en"].map((locale) => {
      const { errorTitle, errorBody, retry } = dictionary(locale);
      return [locale, { errorTitle, errorBody, retry }];
    }),
  ),
);

// Read when the server starts, like the rest of this file.
const bodyLimit = requestBodyLimit();

const nextConfig: NextConfig = {
  // The production server is plain Node on the traced output (.next/standalone, completed by
  // scripts/build-standalone.ts): no npm, no tsx and no next.config at run time.
  output: "standalone",
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  env: { TENKEN_GLOBAL_ERROR_MESSAGES: GLOBAL_ERROR_MESSAGES },
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
