import { expect, test, type Page } from "@playwright/test";

import { answerButton, answerItem, itemRow } from "./fixtures/answers";
import { demo, DEMO_PASSWORD, fillSignIn, signInAs, signOut, type DemoPerson } from "./fixtures/auth";
import { itemText } from "./fixtures/checklist";
import { uniqueSlug } from "./fixtures/services";

function nav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

const expectedLinks: Record<DemoPerson, string[]> = {
  admin: [
    "Services",
    "Overview",
    "Trends",
    "Retrospective",
    "New service",
    "Review queue",
    "Needs attention",
    "Audit log",
    "Users",
    "Teams",
    "Checklist",
    "Settings",
  ],
  sre: [
    "Services",
    "Overview",
    "Trends",
    "Retrospective",
    "New service",
    "Review queue",
    "Needs attention",
    "Audit log",
  ],
  member: ["Services", "Overview", "Trends", "Retrospective", "New service", "Needs attention"],
  search: ["Services", "Overview", "Trends", "Retrospective", "New service", "Needs attention"],
  viewer: ["Services", "Overview", "Trends", "Retrospective", "Needs attention"],
};

for (const who of ["admin", "sre", "member", "viewer"] as const) {
  test(`${who} signs in, sees what their role allows, and signs out`, async ({ page }) => {
    await signInAs(page, who);
    await expect(
      page.getByRole("form", { name: "Account" }).getByText(demo[who].role, { exact: true }),
    ).toBeVisible();
    await expect(nav(page).getByRole("link")).toHaveText(expectedLinks[who]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You have signed out.")).toBeVisible();
    // Signed out, every page sends the person to sign in.
    await page.goto("/services/checkout-api");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  });
}

test("a wrong password is refused without saying which part was wrong, and repeated guesses are slowed", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await fillSignIn(page, demo.member.email, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The email or password is not right, or the account is deactivated.",
  );
  await expect(page.getByLabel("Email")).toHaveValue(demo.member.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  const guessed = `${uniqueSlug("nobody")}@example.com`;
  for (let attempt = 0; attempt < 5; attempt++) {
    // Each refusal looks the same, so wait for the server's answer before the next guess.
    const answered = page.waitForResponse(
      (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in",
    );
    await fillSignIn(page, guessed, `guess number ${attempt}`);
    await answered;
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "The email or password is not right, or the account is deactivated.",
    );
  }
  await fillSignIn(page, guessed, "one more guess");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /Too many failed sign-ins\. Try again in \d+ minutes?\./,
  );
});

test("a team member edits their own team's service and is refused on another team's", async ({ page }) => {
  await signInAs(page, "member", "/services/checkout-api");
  await expect(page).toHaveURL(/\/services\/checkout-api$/);
  await answerItem(page, "metrics.prefer-metrics", "Partially met", {
    note: `checked by ${demo.member.name}`,
  });
  await expect(page.getByRole("link", { name: "Edit service" })).toBeVisible();

  // Another team's service: readable, but nothing to change, and the edit page is a 403.
  await page.goto("/services/search-api");
  await expect(page.getByRole("heading", { level: 1, name: "Search API" })).toBeVisible();
  await expect(page.getByRole("group", { name: /^Answer: / })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit service" })).toHaveCount(0);
  const response = await page.goto("/services/search-api/edit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("a viewer finds no edit controls anywhere", async ({ page }) => {
  await signInAs(page, "viewer");
  await expect(page.getByRole("link", { name: "Create a service" })).toHaveCount(0);
  await page.getByRole("link", { name: "Checkout API" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout API" })).toBeVisible();
  await expect(page.getByRole("group", { name: /^Answer: / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Note: / })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit service" })).toHaveCount(0);
  // Notes and evidence stay readable.
  await expect(
    page
      .getByRole("article", { name: itemText("metrics.business-logic") })
      .getByText("Orders per minute and payment failures are metrics."),
  ).toBeVisible();
  await page
    .getByRole("article", { name: itemText("metrics.business-logic") })
    .getByRole("link", { name: /^Evidence \(1\)/ })
    .click();
  await expect(page.getByRole("link", { name: "Orders dashboard" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("form")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Add|Upload|Accept|Remove|Mark/ })).toHaveCount(0);
  for (const path of [
    "/services/new",
    "/services/checkout-api/edit",
    "/admin/users",
    "/admin/teams",
    "/admin/settings",
    "/audit",
    "/review",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("an admin creates a user and a team, and the audit log shows both", async ({ page }) => {
  const teamSlug = uniqueSlug("sre");
  const teamName = `Reliability ${teamSlug}`;
  const person = {
    name: `Ren ${teamSlug}`,
    email: `${teamSlug}@example.com`,
    password: "a fresh pass phrase",
  };
  await signInAs(page, "admin");

  await nav(page).getByRole("link", { name: "Teams" }).click();
  const createTeam = page.getByRole("region", { name: "New team" });
  await createTeam.getByRole("button", { name: "Create a team" }).click();
  await expect(createTeam.getByLabel("Name")).toHaveAccessibleDescription("Enter a name.");
  await createTeam.getByLabel("Name").fill(teamName);
  await createTeam.getByLabel("Slug").fill(teamSlug);
  await createTeam.getByRole("button", { name: "Create a team" }).click();
  await expect(createTeam.getByRole("status")).toHaveText(`Created the team ${teamName}.`);
  await expect(page.getByRole("heading", { level: 2, name: teamName })).toBeVisible();

  await nav(page).getByRole("link", { name: "Users" }).click();
  const createUser = page.getByRole("region", { name: "New user" });
  await createUser.getByLabel("Name").fill(person.name);
  await createUser.getByLabel("Email").fill(person.email);
  await createUser.getByLabel("Role").selectOption({ label: "Team member" });
  await createUser.getByLabel("Initial password").fill("short");
  await createUser.getByRole("button", { name: "Create a user" }).click();
  await expect(createUser.getByLabel("Initial password")).toHaveAccessibleDescription(
    /Use at least 12 characters\./,
  );
  await createUser.getByLabel("Initial password").fill(person.password);
  await createUser.getByRole("button", { name: "Create a user" }).click();
  await expect(createUser.getByRole("status")).toHaveText(`Created ${person.name}.`);
  await expect(page.getByRole("row", { name: new RegExp(person.name) })).toBeVisible();

  // Membership: the new person joins the new team.
  await nav(page).getByRole("link", { name: "Teams" }).click();
  const team = page.getByRole("region", { name: teamName });
  await team
    .getByLabel("Add member", { exact: true })
    .selectOption({ label: `${person.name} (${person.email})` });
  await team.getByRole("button", { name: "Add member" }).click();
  await expect(team.getByRole("list", { name: "Members" })).toContainText(person.name);

  await nav(page).getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Who").selectOption({ label: demo.admin.name });
  // Filters apply as they change; the address says the log arrived filtered.
  await expect(page).toHaveURL(/actor=/);
  const log = page.getByRole("table", { name: "Audit log" });
  await expect(log.getByRole("row", { name: /Member added/ }).first()).toContainText(person.name);
  await expect(log.getByRole("row", { name: /User created/ }).first()).toContainText(person.email);
  await expect(log.getByRole("row", { name: /Team created/ }).first()).toContainText(teamSlug);
  await page.getByLabel("Kind").selectOption({ label: "Team created" });
  await expect(page).toHaveURL(/kind=team\.created/);
  await expect(log.getByRole("row", { name: /User created/ })).toHaveCount(0);

  // The new person can sign in with what the admin set.
  await signOut(page);
  await fillSignIn(page, person.email, person.password);
  await expect(page.getByText(`Signed in as ${person.name}`)).toBeVisible();
});

test("a session that ends mid-edit: the save is refused out loud, and sign-in returns to the page", async ({
  page,
  context,
}) => {
  await signInAs(page, "member", "/services/checkout-api");
  await expect(page).toHaveURL(/\/services\/checkout-api$/);
  const cookies = await context.cookies();

  // The session ends on the server (signed out elsewhere) while this tab still holds its cookie.
  const other = await context.newPage();
  await other.goto("/services");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByText("You have signed out.")).toBeVisible();
  await other.close();
  await context.addCookies(cookies);

  const item = itemRow(page, "logs.log-to-metric-backlog");
  const before = await item.getByRole("button", { pressed: true }).count();
  await answerButton(page, "logs.log-to-metric-backlog", "Met").click();
  await expect(item.getByRole("alert")).toContainText(
    "Your session has ended, so this change was not saved.",
  );
  await item.getByRole("link", { name: "Sign in again" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await fillSignIn(page, demo.member.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/services\/checkout-api$/);
  // Nothing was saved by the refused request.
  await expect(
    itemRow(page, "logs.log-to-metric-backlog").getByRole("button", { pressed: true }),
  ).toHaveCount(before);
});
