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
  await expect(page.getByRole("button", { name: "Save answer" })).toHaveCount(0);

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
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(
    page.getByRole("table", { name: "Audit log" }).getByRole("row", { name: new RegExp(kenji.email) }),
  ).toContainText("sso");
});
