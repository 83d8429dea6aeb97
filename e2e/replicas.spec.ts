import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";

import { answerButton, itemRow } from "./fixtures/answers";
import { demo, DEMO_PASSWORD, fillSignIn, signInAs } from "./fixtures/auth";
import { checkNginxConfig, startReplicas, type Replicas } from "./fixtures/replicas";
import { createService, uniqueSlug } from "./fixtures/services";

// Two production servers on one PostgreSQL, behind nginx running the sample config
// (deploy/nginx/tenken.conf) round-robin. Whatever one server does, the other sees on its very next
// page: nothing a server keeps in memory may outlive what the database says. Each check goes to a
// server directly where it must cross from one to the other, and nginx's access log says which
// server answered what went through it.

const serverUrl = process.env.E2E_DATABASE_URL;
// Past the ports playwright.config.ts uses (E2E_PORT to E2E_PORT + 4).
const port = Number(process.env.E2E_PORT ?? 3100) + 10;

test.skip(
  !serverUrl,
  "Two servers share one database: this runs against a PostgreSQL server (npm test with DATABASE_URL, and CI).",
);
test.use({ baseURL: `http://127.0.0.1:${port}` });

let replicas: Replicas;
test.beforeAll(async () => {
  // Preparing a database and starting three servers.
  test.setTimeout(480_000);
  replicas = await startReplicas({ serverUrl: serverUrl!, port });
});
test.afterAll(async () => {
  await replicas?.stop();
});

type Server = Replicas["a"];

test("nginx accepts the sample config", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tenken-nginx-t-"));
  try {
    const { status, output } = checkNginxConfig(dir);
    expect(output).toContain("syntax is ok");
    expect(status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a session made through one server is valid on the other", async ({ page }) => {
  await signInAs(page, "admin", "/services");
  const signIn = replicas
    .accessLog()
    .findLast((entry) => entry.method === "POST" && entry.uri === "/sign-in");
  expect([replicas.a.upstream, replicas.b.upstream]).toContain(signIn?.upstream_addr);
  const other = signIn?.upstream_addr === replicas.a.upstream ? replicas.b : replicas.a;
  await page.goto(`${other.url}/services`);
  await expect(page.getByText(`Signed in as ${demo.admin.name}`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  // Round-robin: both servers answered through nginx.
  const upstreams = new Set(replicas.accessLog().map((entry) => entry.upstream_addr));
  expect(upstreams).toEqual(new Set([replicas.a.upstream, replicas.b.upstream]));
});

/** The first percentage in a text: "12.5%" is 12.5; a score not there yet ("No score yet", "—") is null. */
function percentIn(text: string) {
  const match = /(\d+(?:\.\d+)?)\s*%/.exec(text);
  return match ? Number(match[1]) : null;
}

/** The text of a row's cell under the column whose header starts with `column`. */
async function cellText(table: Locator, row: Locator, column: string) {
  const headers = (await table.getByRole("columnheader").allInnerTexts()).map((text) => text.trim());
  const index = headers.findIndex((header) => header.startsWith(column));
  expect(index, `a column ${column} among ${headers.join(", ")}`).toBeGreaterThan(0);
  // The first column holds the row headers, which are not cells.
  return row
    .getByRole("cell")
    .nth(index - 1)
    .innerText();
}

type Service = { name: string; slug: string };

// Where a service's declared score shows, each read from one server's page.
const SCORE_PAGES = {
  assessment: async (page: Page, server: Server, service: Service) => {
    await page.goto(`${server.url}/services/${service.slug}`);
    const panel = page.getByRole("region", { name: "Overall score, as declared" });
    return percentIn(await panel.innerText());
  },
  services: async (page: Page, server: Server, service: Service) => {
    await page.goto(`${server.url}/services`);
    const table = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Score" }) });
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: service.name }) });
    return percentIn(await cellText(table, row, "Score"));
  },
  overview: async (page: Page, server: Server, service: Service) => {
    await page.goto(`${server.url}/overview`);
    const table = page.getByRole("table", { name: /Scores of each service by category/ });
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: service.name }) });
    return percentIn(await cellText(table, row, "Overall"));
  },
  trends: async (page: Page, server: Server, service: Service) => {
    await page.goto(`${server.url}/trends?service=${service.slug}`);
    const table = page.getByRole("table", {
      name: `${service.name}, average score per quarter and category`,
    });
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: /open, as of now/ }) });
    return percentIn(await cellText(table, row, "Declared"));
  },
} as const;

// Items every service answers whatever its traits, one per save.
const ITEMS = [
  "connectivity.each-component",
  "connectivity.over-network",
  "connectivity.alert-tested",
  "metrics.prefer-metrics",
  "metrics.business-logic",
  "alerting.threshold-rationale",
  "alerting.runbook-link",
  "alerting.severity-levels",
];

async function answerMet(page: Page, server: Server, service: Service, item: string) {
  await page.goto(`${server.url}/services/${service.slug}`);
  await answerButton(page, item, "Met").click();
  await expect(itemRow(page, item).getByRole("status")).toHaveText("Saved");
}

test("an answer saved through one server shows on the very next page through the other", async ({ page }) => {
  test.setTimeout(480_000);
  await signInAs(page, "admin", "/services");
  const slug = uniqueSlug("replicas");
  const service = { name: `Aardvark replicas ${slug}`, slug };
  await createService(page, { ...service, team: "Platform" });
  // Every item weighs 1 and a service without traits has no inapplicable ones among ITEMS: with k
  // of them met, it scores k out of what applies to it.
  const progress = page.getByRole("progressbar", { name: /^0 of \d+ answered$/ });
  const applicable = Number(await progress.getAttribute("aria-valuemax"));
  expect(applicable).toBeGreaterThan(ITEMS.length);
  const scoreWith = (met: number) => Math.round((met * 1000) / applicable) / 10;

  // Every page read once through each server, so that whatever either keeps is from before.
  for (const server of [replicas.a, replicas.b])
    for (const read of Object.values(SCORE_PAGES)) expect(await read(page, server, service)).toBe(0);

  let met = 0;
  for (const [from, to] of [
    [replicas.a, replicas.b],
    [replicas.b, replicas.a],
  ] as const) {
    for (const [where, read] of Object.entries(SCORE_PAGES)) {
      const item = ITEMS[met]!;
      await answerMet(page, from, service, item);
      met += 1;
      expect(
        await read(page, to, service),
        `the ${where} page through ${to.upstream} after a save through ${from.upstream}`,
      ).toBe(scoreWith(met));
      if (where === "assessment")
        await expect(answerButton(page, item, "Met")).toHaveAttribute("aria-pressed", "true");
    }
  }
});

test("a sign-in lockout made through one server holds on the other", async ({ page }) => {
  const viewer = demo.viewer;
  const { a, b } = replicas;
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.goto(`${a.url}/sign-in`);
    await fillSignIn(page, viewer.email, `wrong password ${attempt}`);
    await expect(
      page.getByText("The email or password is not right, or the account is deactivated."),
    ).toBeVisible();
  }
  await page.goto(`${b.url}/sign-in`);
  await fillSignIn(page, viewer.email, DEMO_PASSWORD);
  await expect(page.getByText(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/)).toBeVisible();
  await page.goto(`${b.url}/services`);
  await expect(page.getByRole("heading", { level: 1, name: /^Sign in$/ })).toBeVisible();
});

/** A request through nginx whose client hangs up before the answer comes. */
async function abandonedRequest(requestPath: string) {
  const socket = connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const closed = new Promise((resolve) => socket.once("close", resolve));
  socket.end(`GET ${requestPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  socket.resume();
  await closed;
}

test("nginx logs a client that gave up (499) apart from other 4xx, with request times", async ({
  request,
}) => {
  // Signed out, an address under /api is refused with 401.
  const refused = `/api/replicas-refused-${uniqueSlug()}`;
  expect((await request.get(refused)).status()).toBe(401);

  // Both servers paused, so that the client gives up before any answers.
  const abandoned = `/replicas-abandoned-${uniqueSlug()}`;
  const servers = [replicas.a.process, replicas.b.process];
  for (const server of servers) server.kill("SIGSTOP");
  try {
    await abandonedRequest(abandoned);
    await expect.poll(() => replicas.clientClosedLog().map((entry) => entry.uri)).toContain(abandoned);
  } finally {
    for (const server of servers) server.kill("SIGCONT");
  }

  const log = replicas.accessLog();
  const unauthorized = log.find((entry) => entry.uri === refused);
  expect(unauthorized).toMatchObject({ status: 401, status_class: "client_error", upstream_status: "401" });
  expect(unauthorized!.request_time).toBeGreaterThanOrEqual(0);
  expect(Number(unauthorized!.upstream_response_time)).toBeGreaterThanOrEqual(0);
  expect([replicas.a.upstream, replicas.b.upstream]).toContain(unauthorized!.upstream_addr);
  expect(log.find((entry) => entry.uri === abandoned)).toMatchObject({
    status: 499,
    status_class: "client_closed",
  });
  // The 499s on their own: only them.
  const closed = replicas.clientClosedLog();
  expect(closed.map((entry) => entry.status)).toEqual(closed.map(() => 499));
  expect(closed.map((entry) => entry.uri)).not.toContain(refused);
});
