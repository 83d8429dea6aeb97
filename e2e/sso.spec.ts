import { expect, test, type Page } from "@playwright/test";

import { signInAs, signOut } from "./fixtures/auth";
import { ssoPeople } from "./fixtures/oidc-provider";

// playwright.config.ts runs a test identity provider and points tenken at it.
async function signInWithSso(page: Page, path: string, person: (typeof ssoPeople)[number]) {
  await page.goto(path);
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByRole("link", { name: `Continue as ${person.name}` }).click();
  await expect(page.getByText(`Signed in as ${person.name}`)).toBeVisible();
}

test("a first SSO sign-in makes a viewer account and returns to the page asked for", async ({ page }) => {
  const yui = ssoPeople[1];
  await signInWithSso(page, "/services/checkout-api", yui);
  await expect(page).toHaveURL(/\/services\/checkout-api$/);
  await expect(
    page.getByRole("form", { name: "Account" }).getByText("Viewer", { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("group", { name: /^Answer: / })).toHaveCount(0);

  // Signing in again finds the same account.
  await signOut(page);
  await signInWithSso(page, "/services", yui);
  await signOut(page);

  await signInAs(page, "admin", "/admin/users");
  const rows = page.getByRole("row", { name: new RegExp(yui.email) });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("SSO");
});

test("a first SSO sign-in takes its role from the mapped group claim, and the audit log records it", async ({
  page,
}) => {
  const kenji = ssoPeople[0];
  await signInWithSso(page, "/services", kenji);
  await expect(
    page.getByRole("form", { name: "Account" }).getByText("SRE reviewer", { exact: true }),
  ).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Kind").selectOption({ label: "User created" });
  await expect(page).toHaveURL(/kind=user\.created/);
  await expect(
    page.getByRole("table", { name: "Audit log" }).getByRole("row", { name: new RegExp(kenji.email) }),
  ).toContainText("signed in with single sign-on for the first time");
});

test("single sign-on never sends anyone off-site: not from the sign-in page, nor through Better Auth's own endpoint", async ({
  page,
}) => {
  const yui = ssoPeople[1];
  // Through the page: the address's next is held to tenken's own paths before the provider is asked.
  await page.goto(`/sign-in?next=${encodeURIComponent("/.//evil.example")}`);
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.getByRole("link", { name: `Continue as ${yui.name}` }).click();
  await expect(page.getByText(`Signed in as ${yui.name}`)).toBeVisible();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/services$/);
  await signOut(page);

  // Straight to Better Auth's endpoint, as a script could: an address of another origin is refused
  // outright, and a path that a browser would read as another host is held to tenken's own paths.
  await page.goto("/sign-in");
  const startSso = (fields: Record<string, string>) =>
    page.evaluate(async (body) => {
      const response = await fetch("/api/auth/sign-in/social", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ provider: "oidc", ...body }),
      });
      return { status: response.status, url: ((await response.json()) as { url?: string }).url };
    }, fields);
  expect((await startSso({ callbackURL: "https://evil.example/" })).status).toBe(403);
  expect((await startSso({ callbackURL: "/services", errorCallbackURL: "//evil.example" })).status).toBe(403);
  const started = await startSso({ callbackURL: "/.//evil.example" });
  expect(started.status).toBe(200);
  await page.goto(started.url!);
  await page.getByRole("link", { name: `Continue as ${yui.name}` }).click();
  await expect(page.getByText(`Signed in as ${yui.name}`)).toBeVisible();
  // Sent to tenken's home (the services list), not to a path that reads as another host.
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/services$/);
});
