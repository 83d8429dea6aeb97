import { expect, test } from "@playwright/test";

import { signInAs, signOut } from "./fixtures/auth";
import { categoryTitle, itemText } from "./fixtures/checklist";

test("an SRE sees the organisation by service and category, filters it by team and sorts it", async ({
  page,
}) => {
  await signInAs(page, "sre", "/overview");
  await expect(page.getByRole("heading", { level: 1, name: "Organisation overview" })).toBeVisible();
  await expect(page.getByText(/^Current quarter: FY\d{4} Q[1-4]$/)).toBeVisible();
  const organisation = page.getByRole("region", { name: "Organisation score" });
  await expect(organisation.getByText(/vs 1 quarter/)).toBeVisible();

  const heatmap = page.getByRole("table", { name: /Scores of each service by category/ });
  await expect(heatmap.getByRole("rowheader", { name: "Checkout API" })).toBeVisible();
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Payments" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("region", { name: "Score of the services shown" })).toBeVisible();
  // Other tests add services of their own to Payments; the demo's two are there, nothing of other teams.
  await expect(heatmap.getByRole("rowheader", { name: "Billing batch" })).toBeVisible();
  await expect(heatmap.getByRole("rowheader", { name: "Search API" })).toHaveCount(0);
  // Values are written in the cells, not only coloured.
  await expect(
    heatmap.getByRole("row", { name: /Checkout API/ }).getByRole("cell", { name: "83.3%" }),
  ).toBeVisible();

  // Sorting from the keyboard: the column header is a link.
  const metrics = heatmap.getByRole("columnheader", { name: categoryTitle("metrics") });
  await metrics.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(metrics).toHaveAttribute("aria-sort", "ascending");
  const order = async () => {
    const names = await heatmap.getByRole("rowheader").allTextContents();
    return names.indexOf("Billing batch") < names.indexOf("Checkout API")
      ? "billing first"
      : "checkout first";
  };
  expect(await order()).toBe("billing first");
  await metrics.getByRole("link").click();
  await expect(metrics).toHaveAttribute("aria-sort", "descending");
  expect(await order()).toBe("checkout first");

  // The same view as it stood a week ago, recomputed from the answer history; the filter stays.
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("As of").fill(weekAgo);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Scores as they stood at the end of ${weekAgo}` }),
  ).toBeVisible();
  await expect(page.getByText(/^Quarter: FY\d{4} Q[1-4]$/)).toBeVisible();
  await expect(heatmap.getByRole("rowheader", { name: "Billing batch" })).toBeVisible();
  await expect(heatmap.getByRole("rowheader", { name: "Search API" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to today" }).click();
  await expect(page.getByText(/^Current quarter: FY\d{4} Q[1-4]$/)).toBeVisible();

  // Team roll-ups, and the weakest items leading to the services concerned.
  await expect(
    page.getByRole("table", { name: "Teams" }).getByRole("rowheader", { name: /Payments/ }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Reset" }).click();
  const weak = page.getByRole("listitem").filter({ hasText: itemText("http.nginx-499") });
  await weak.getByText(itemText("http.nginx-499")).click();
  // The heatmap narrowed to the services failing that item (where "and N more" leads).
  await page.goto("/overview?failing=http.nginx-499");
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: `Only the services not meeting “${itemText("http.nginx-499")}”.` }),
  ).toBeVisible();
  await expect(heatmap.getByRole("rowheader", { name: "Checkout API" })).toBeVisible();
  await expect(heatmap.getByRole("rowheader", { name: "Search API" })).toHaveCount(0);
  await page.getByRole("link", { name: "Show every service" }).click();
  await weak.getByText(itemText("http.nginx-499")).click();
  await weak.getByRole("link", { name: "Checkout API" }).click();
  await expect(page.getByRole("heading", { level: 1, name: itemText("http.nginx-499") })).toBeVisible();
});

test("quarters follow the fiscal year an admin sets", async ({ page }) => {
  await signInAs(page, "admin", "/admin/settings");
  const form = page.getByRole("form", { name: "Fiscal year" });
  const current = (await page.getByText(/^Today is in FY\d{4} Q[1-4]/).textContent()) ?? "";
  await form.getByLabel("The fiscal year starts in").selectOption({ label: "January" });
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Settings saved.");
  const calendarQuarter = Math.floor(new Date().getUTCMonth() / 3) + 1;
  await expect(
    page.getByText(new RegExp(`^Today is in FY${new Date().getUTCFullYear()} Q${calendarQuarter}`)),
  ).toBeVisible();
  await form.getByLabel("The fiscal year starts in").selectOption({ label: "April" });
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(current)).toBeVisible();
  await page.goto("/audit?kind=settings.updated");
  await expect(
    page
      .getByRole("table", { name: "Audit log" })
      .getByRole("row", { name: /Settings changed/ })
      .first(),
  ).toContainText("moved the first month of the fiscal year from January to April.");
});

test("an SRE opens a team's trend from the overview and closes a quarter; team members cannot", async ({
  page,
}) => {
  await signInAs(page, "member", "/trends");
  // Closing freezes everyone's scores: reviewers and admins only.
  await expect(
    page.getByRole("heading", { name: "The organisation: the last eight quarters" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Close a quarter" })).toHaveCount(0);
  await signOut(page);

  await signInAs(page, "sre", "/overview");
  await page.getByRole("link", { name: "Trend of Payments" }).click();
  await expect(page.getByRole("heading", { name: "Payments: the last eight quarters" })).toBeVisible();
  const table = page.getByRole("table", { name: /Payments, average score per quarter/ });
  await expect(table.getByRole("rowheader")).toHaveCount(8);
  await expect(table.getByRole("rowheader").last()).toContainText("open, as of now");
  // One category's trend, for the same team.
  const scope = page.getByRole("search", { name: "Whose trend" });
  await scope.getByLabel("Category").selectOption({ label: "Metrics" });
  await scope.getByRole("button", { name: "Show" }).click();
  await expect(
    page.getByRole("heading", { name: "Metrics: average declared score per quarter" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Payments: the last eight quarters" })).toBeVisible();

  await page.getByRole("link", { name: "Trends", exact: true }).click();
  const organisation = page.getByRole("table", { name: /The organisation, average score per quarter/ });
  // The quarter before the last ended one (the checklist test closes the last).
  const lastEnded = organisation.getByRole("rowheader").nth(5);
  const quarter = ((await lastEnded.textContent()) ?? "").match(/FY\d{4} Q[1-4]/)![0];
  await page.getByRole("button", { name: `Close ${quarter}` }).click();
  // Once closed, the quarter leaves the list of quarters to close and is marked in the table.
  await expect(organisation.getByRole("rowheader", { name: new RegExp(quarter) })).toContainText("closed");
  await expect(page.getByRole("button", { name: `Close ${quarter}` })).toHaveCount(0);
});
