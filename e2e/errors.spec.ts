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
