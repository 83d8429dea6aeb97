import { defineConfig, devices } from "@playwright/test";

import { heapArgs } from "./scripts/server-heap";

// scripts/test.ts prepares the environment: CHROMIUM_PATH, and a database of the run's own
// (E2E_DATABASE_URL on a server, or a fresh embedded data directory).
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A test identity provider, so that single sign-on runs end to end (e2e/fixtures/oidc-provider.ts).
const oidcPort = port + 99;
// An app server that reaches PostgreSQL through a proxy the tests can cut (e2e/fixtures/db-proxy.ts).
const outagePort = port + 2;
const dbProxyPort = port + 3;
const dbProxyControlPort = port + 4;

/** The run's database URL, through the proxy: same database, same credentials. */
function throughDbProxy(databaseUrl: string) {
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(dbProxyPort);
  return url.href;
}

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || undefined,
          args: [
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx tsx e2e/fixtures/oidc-provider.ts ${oidcPort}`,
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: "npx tsx scripts/start.ts",
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(port),
        TENKEN_BASE_URL: baseURL,
        TENKEN_OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        TENKEN_OIDC_CLIENT_ID: "tenken-e2e",
        TENKEN_OIDC_CLIENT_SECRET: "e2e-client-secret",
        TENKEN_OIDC_NAME: "Test IdP",
        TENKEN_OIDC_ROLE_MAP: "sre-team=sre",
        // The tests stand in for a reverse proxy: they say which client they forward with
        // X-Forwarded-For (e2e/throttle.spec.ts), and everything else comes from 127.0.0.1 itself.
        TENKEN_TRUSTED_PROXIES: "127.0.0.1",
        // The tests sign in as the demo organisation's people, on PostgreSQL as on the embedded database.
        TENKEN_DEMO_DATA: "on",
        ...(process.env.E2E_DATABASE_URL
          ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
          : { DATABASE_URL: "" }),
        ...(process.env.E2E_DATA_DIR ? { TENKEN_DATA_DIR: process.env.E2E_DATA_DIR } : {}),
      },
    },
    // The same build pointed at a database nobody listens for (port 9 is "discard"), to see what
    // people see when the database is down. Started after the first server has built the app.
    {
      command: ["node", ...heapArgs(), ".next/standalone/server.js"].join(" "),
      port: port + 1,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { PORT: String(port + 1), DATABASE_URL: "postgresql://tenken@127.0.0.1:9/tenken" },
    },
    // The same build on the run's database, through a proxy that cuts it off mid-session and lets
    // it back (e2e/outage.spec.ts). Only with a PostgreSQL server: the embedded one cannot be shared.
    ...(process.env.E2E_DATABASE_URL
      ? [
          {
            command: `npx tsx e2e/fixtures/db-proxy.ts ${dbProxyPort} ${dbProxyControlPort}`,
            url: `http://127.0.0.1:${dbProxyControlPort}/health`,
            timeout: 60_000,
            reuseExistingServer: false,
          },
          {
            command: ["node", ...heapArgs(), ".next/standalone/server.js"].join(" "),
            url: `http://127.0.0.1:${outagePort}/api/health`,
            timeout: 60_000,
            reuseExistingServer: false,
            env: {
              PORT: String(outagePort),
              DATABASE_URL: throughDbProxy(process.env.E2E_DATABASE_URL),
              // Sign-in checks that requests come from where tenken says it is reached.
              TENKEN_BASE_URL: `http://127.0.0.1:${outagePort}`,
            },
          },
        ]
      : []),
  ],
});
