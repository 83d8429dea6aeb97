import { expect, test } from "@playwright/test";

import { signInAs } from "./fixtures/auth";
import { canReachDatabase, queryDb } from "./fixtures/db";
import { createService, uniqueSlug } from "./fixtures/services";

// Admins may create and edit any service; what other roles may do is in auth.spec.ts.
test.beforeEach(async ({ page }) => {
  await signInAs(page, "admin");
});

test("the service form explains bad input next to each field and creates nothing", async ({ page }) => {
  await page.goto("/services");
  const count = await page.getByText(/\d+ services?$/).textContent();

  await page.goto("/services/new");
  await page.getByLabel("Slug").fill("Not A Slug!");
  await page.getByRole("checkbox", { name: "Behind nginx" }).check();
  await page.getByRole("button", { name: "Create service" }).click();

  await expect(page.getByText("Some fields need attention.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter a name.");
  await expect(
    page.getByText("Use lowercase letters, digits and single hyphens only, e.g. checkout-api."),
  ).toBeVisible();
  await expect(page.getByText("Choose the owning team.")).toBeVisible();
  await expect(page.getByText("Choose tier 1, 2 or 3.")).toBeVisible();
  await expect(page.getByText("“Behind nginx” needs “Serves HTTP” as well.")).toBeVisible();
  // What was typed is kept.
  await expect(page.getByLabel("Slug")).toHaveValue("Not A Slug!");

  // A slug already in use is a field error too, not a failure page.
  await page.getByLabel("Name").fill("Another checkout");
  await page.getByLabel("Slug").fill("checkout-api");
  await page.getByLabel("Owning team").selectOption({ label: "Payments" });
  await page.getByRole("radio", { name: "Tier 2: important" }).check();
  await page.getByRole("checkbox", { name: "Behind nginx" }).uncheck();
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByText("Another service already uses this slug.")).toBeVisible();

  await page.goto("/services");
  await expect(page.getByText(/\d+ services?$/)).toHaveText(count ?? "");
});

test("a service's team, tier and traits can be edited", async ({ page }) => {
  const slug = uniqueSlug("edit");
  await createService(page, { name: `Jobs ${slug}`, slug, team: "Search", traits: [] });
  await expect(page.getByText("3 items set aside").first()).toBeVisible();

  await page.getByRole("link", { name: "Edit service" }).click();
  await page.getByLabel("Owning team").selectOption({ label: "Platform" });
  await page.getByRole("radio", { name: "Tier 3: supporting" }).check();
  await page.getByRole("checkbox", { name: "Runs batch jobs" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page).toHaveURL(new RegExp(`/services/${slug}$`));
  await expect(page.getByText("Team: Platform · Tier 3")).toBeVisible();
  await expect(page.getByRole("list", { name: "Traits" }).getByText("Runs batch jobs")).toBeVisible();
  await expect(page.getByRole("region", { name: "Batch jobs" }).getByText("0 of 3 answered")).toBeVisible();
});

test("the services list filters by team", async ({ page }) => {
  await page.goto("/services?team=search");
  await expect(page.getByLabel("Team", { exact: true })).toHaveValue("search");
  await expect(page.getByRole("link", { name: "Search API" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Checkout API" })).toHaveCount(0);
});

test("the services list's team filter applies as it changes and stays a link", async ({ page }) => {
  await page.goto("/services");
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Search" });
  await expect(page).toHaveURL(/\/services\?team=search$/);
  await expect(page.getByRole("link", { name: "Checkout API" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Search API" })).toBeVisible();
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "All teams" });
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.getByRole("link", { name: "Checkout API" })).toBeVisible();
});

test("an unknown service is a not-found page", async ({ page }) => {
  const response = await page.goto("/services/no-such-service");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Service not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to services" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
});

test.describe("in a Japanese browser", () => {
  test.use({ locale: "ja-JP" });

  test("the interface is Japanese from Accept-Language", async ({ page }) => {
    await page.goto("/services");
    await expect(page.getByRole("heading", { level: 1, name: "サービス" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await page.getByRole("link", { name: "Checkout API" }).click();
    await expect(page.getByRole("heading", { name: "疎通確認", exact: true })).toBeVisible();
    await expect(
      page.getByRole("heading", {
        name: "それぞれのコンポーネントに対して疎通確認を行っている",
        exact: true,
      }),
    ).toBeVisible();
  });
});

test("the slug is proposed from the name until one is typed, from the keyboard", async ({ page }) => {
  const suffix = uniqueSlug("w").slice(2);
  await page.goto("/services/new");
  const name = page.getByLabel("Name");
  const slug = page.getByLabel("Slug");
  await name.focus();
  await page.keyboard.type(`Checkout Worker ${suffix.toUpperCase()}`);
  await expect(slug).toHaveValue(`checkout-worker-${suffix}`);
  await expect(slug).toHaveAccessibleDescription(/Filled in from the name until you type your own\./);

  // A name without Latin letters proposes nothing and says so.
  await name.fill("決済サービス");
  await expect(slug).toHaveValue("");
  await expect(slug).toHaveAccessibleDescription(/no Latin letters or digits to make a slug from/);

  // Typed by hand, the slug is no longer overwritten by the name.
  await name.fill(`Checkout Worker ${suffix}`);
  await page.keyboard.press("Tab");
  await expect(slug).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(`cw-${suffix}`);
  await name.fill(`Checkout Worker ${suffix} renamed`);
  await expect(slug).toHaveValue(`cw-${suffix}`);

  await page.getByLabel("Owning team").selectOption({ label: "Search" });
  await page.getByRole("radio", { name: "Tier 3: supporting" }).check();
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(new RegExp(`/services/cw-${suffix}$`));
  if (canReachDatabase)
    expect(await queryDb("SELECT name FROM services WHERE slug = $1", [`cw-${suffix}`])).toEqual([
      { name: `Checkout Worker ${suffix} renamed` },
    ]);
});

test("a new team's slug is proposed from its name too", async ({ page }) => {
  const suffix = uniqueSlug("t").slice(2);
  await page.goto("/admin/teams");
  const form = page.getByRole("region", { name: "New team" });
  await form.getByLabel("Name").fill(`Reliability Ops ${suffix}`);
  await expect(form.getByLabel("Slug")).toHaveValue(`reliability-ops-${suffix}`);
  await form.getByRole("button", { name: "Create a team" }).click();
  await expect(form.getByRole("status")).toHaveText(`Created the team Reliability Ops ${suffix}.`);
  if (canReachDatabase)
    expect(await queryDb("SELECT name FROM teams WHERE slug = $1", [`reliability-ops-${suffix}`])).toEqual([
      { name: `Reliability Ops ${suffix}` },
    ]);
});

test("a new service's changes in score are not compared with moments before it existed", async ({ page }) => {
  test.skip(!canReachDatabase, "turning a service's creation time back needs the database");
  const slug = uniqueSlug("young");
  await createService(page, { name: `Young ${slug}`, slug, team: "Search" });
  const changes = (comparison: string) =>
    page.getByRole("listitem").filter({ hasText: new RegExp(`^${comparison}: `) });
  // Nothing to compare with yet: "—", and the page says why (it used to say "±0" or "+13 pts").
  await expect(changes("vs 1 day").first()).toHaveText("vs 1 day: —");
  await expect(changes("vs 1 quarter").first()).toHaveText("vs 1 quarter: —");
  await expect(page.getByText(/Changes in score are shown only against moments since then/)).toBeVisible();

  // Two days old: compared with yesterday, still not with a week or a quarter ago.
  await queryDb("UPDATE services SET created_at = now() - interval '2 days' WHERE slug = $1", [slug]);
  await page.reload();
  await expect(changes("vs 1 day").first()).toHaveText("vs 1 day: ±0");
  await expect(changes("vs 7 days").first()).toHaveText("vs 7 days: —");
  await expect(changes("vs 1 quarter").first()).toHaveText("vs 1 quarter: —");
});

test.describe("the slug proposal in Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("a Japanese-only name proposes nothing and the form asks for a slug", async ({ page }) => {
    await page.goto("/services/new");
    const slug = page.getByLabel("スラッグ");
    await page.getByLabel("名前").fill("注文 API");
    await expect(slug).toHaveValue("api");
    await page.getByLabel("名前").fill("注文サービス");
    await expect(slug).toHaveValue("");
    await expect(slug).toHaveAccessibleDescription(/名前に英数字がないためスラッグを提案できません/);
  });
});
