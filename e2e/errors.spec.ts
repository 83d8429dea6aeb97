import { expect, test } from "@playwright/test";

const downUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

test("an unreachable database is a clear page, not a stack trace", async ({ page }) => {
  const response = await page.goto(`${downUrl}/services`);
  expect(response?.status()).toBe(500);
  await expect(page.getByRole("heading", { name: "The database cannot be reached" })).toBeVisible();
  await expect(page.getByText("Check that PostgreSQL is up and that DATABASE_URL is right")).toBeVisible();
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/PrismaClient|node_modules|\bat .+:\d+:\d+|ECONNREFUSED|127\.0\.0\.1:9/);

  const health = await page.request.get(`${downUrl}/api/health`);
  expect(health.status()).toBe(503);
  expect(await health.json()).toEqual({ status: "degraded", database: "unreachable" });
});

test("orchestrators' probes answer signed out: live without the database, ready only with it", async ({
  request,
}) => {
  for (const base of ["", downUrl]) {
    const live = await request.get(`${base}/api/health/live`, { maxRedirects: 0 });
    expect(live.status(), base).toBe(200);
    expect(live.headers()["cache-control"], base).toBe("no-store");
    expect(await live.json()).toEqual({ status: "ok" });
  }
  const ready = await request.get("/api/health/ready", { maxRedirects: 0 });
  expect(ready.status()).toBe(200);
  expect(ready.headers()["cache-control"]).toBe("no-store");
  expect(await ready.json()).toEqual({ status: "ready", database: "ok", migrations: "applied" });

  const down = await request.get(`${downUrl}/api/health/ready`, { maxRedirects: 0 });
  expect(down.status()).toBe(503);
  expect(down.headers()["cache-control"]).toBe("no-store");
  expect(await down.json()).toEqual({
    status: "not-ready",
    reason: "database not reachable",
    database: "unreachable",
  });
});
