import { expect, test } from "@playwright/test";

import { signInAs, signOut } from "./fixtures/auth";
import { categoryTitle, itemText } from "./fixtures/checklist";
import { closeQuarterOnTrends } from "./fixtures/quarters";
import { uniqueSlug } from "./fixtures/services";

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
  // The filter applies as it changes.
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Payments" });
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
  // The scope applies as it changes.
  await scope.getByLabel("Category").selectOption({ label: "Metrics" });
  await expect(
    page.getByRole("heading", { name: "Metrics: average declared score per quarter" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Payments: the last eight quarters" })).toBeVisible();

  await page.getByRole("link", { name: "Trends", exact: true }).click();
  const organisation = page.getByRole("table", { name: /The organisation, average score per quarter/ });
  // The quarter before the last ended one (the checklist test closes the last).
  const lastEnded = organisation.getByRole("rowheader").nth(5);
  const quarter = ((await lastEnded.textContent()) ?? "").match(/FY\d{4} Q[1-4]/)![0];
  await closeQuarterOnTrends(page, quarter);
  // Once closed, the quarter leaves the list of quarters to close and is marked in the table.
  await expect(organisation.getByRole("rowheader", { name: new RegExp(quarter) })).toContainText("closed");
  await expect(page.getByRole("option", { name: quarter })).toHaveCount(0);
});

test("the overview's filters apply as they change, stay a link, and reset", async ({ page }) => {
  await signInAs(page, "sre", "/overview");
  const filters = page.getByRole("search", { name: "Filter the overview" });
  await filters.getByLabel("Tier").selectOption({ label: "Tier 1" });
  await expect(page).toHaveURL(/\?tier=1$/);
  await expect(page.getByRole("region", { name: "Score of the services shown" })).toBeVisible();
  await filters.getByLabel("Team", { exact: true }).selectOption({ label: "Payments" });
  await expect(page).toHaveURL(/\?team=payments&tier=1$/);
  await page.reload();
  await expect(filters.getByLabel("Tier")).toHaveValue("1");
  await expect(filters.getByLabel("Team", { exact: true })).toHaveValue("payments");
  await filters.getByRole("link", { name: "Reset" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(filters.getByLabel("Tier")).toHaveValue("");
  await expect(page.getByRole("region", { name: "Organisation score" })).toBeVisible();

  // Without JavaScript the form is a plain GET form with its button. (A browser without
  // JavaScript cannot show these pages at all: they stream behind loading.tsx. So the page's HTML
  // is read instead.)
  const html = await (await page.request.get("/overview")).text();
  expect(html).toMatch(
    /<form[^>]*method="get"[^>]*aria-label="Filter the overview"|<form[^>]*aria-label="Filter the overview"[^>]*method="get"/,
  );
  expect(html).toMatch(/<noscript><button type="submit"[^>]*>Apply<\/button><\/noscript>/);
});

test("at 1366×768 the heatmap keeps the service column and the header row in view, explains its colours, and says what is empty", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, "sre", "/overview");
  const scroller = page.getByRole("region", { name: /^Scores by service and category/ });
  const heatmap = scroller.getByRole("table", { name: /Scores of each service by category/ });
  const service = heatmap.getByRole("rowheader", { name: "Checkout API" });
  await service.scrollIntoViewIfNeeded();
  // Whole, short of sub-pixel rounding (a row can sit a twentieth of a pixel past the edge).
  await expect(service).toBeInViewport({ ratio: 0.99 });

  // The last category is reachable from the keyboard: focusing its header scrolls it into view,
  // and the service column stays where it was.
  const last = heatmap.getByRole("columnheader", { name: categoryTitle("other") });
  await last.getByRole("link").focus();
  // Where focus leaves the region vertically depends on how many services earlier tests added,
  // so this reads positions inside the region: the last header lies within its width, and the
  // service column is still at its left edge.
  const [header, box, frame] = [
    await last.boundingBox(),
    await service.boundingBox(),
    await scroller.boundingBox(),
  ];
  expect(header!.x).toBeGreaterThanOrEqual(frame!.x - 1);
  expect(header!.x + header!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 1);
  expect(Math.abs(box!.x - frame!.x)).toBeLessThan(2);
  // A long category name is compact in its header and whole in its accessible name.
  await expect(heatmap.getByRole("columnheader", { name: categoryTitle("retrospective") })).toBeVisible();

  const legend = page.getByRole("figure", { name: "Colour scale" });
  await expect(legend).toBeVisible();
  await expect(legend.getByRole("listitem")).toHaveText(["0–19%", "20–39%", "40–59%", "60–79%", "80–100%"]);
  await expect(legend).toContainText("Dark blue is weakest, yellow strongest");
  await expect(legend).toContainText("No score: the category does not apply to the service");

  // Empty states say what is empty: filters, a team, a day.
  await page.goto("/overview?team=payments&tier=3&trait=USES_JOB_QUEUE");
  await expect(page.getByText("No service matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the tier, trait and item filters" }).click();
  await expect(page).toHaveURL(/\/overview\?team=payments$/);
  await expect(heatmap.getByRole("rowheader", { name: "Checkout API" })).toBeVisible();
  await page.goto("/overview?team=payments&at=2001-01-01");
  await expect(page.getByText("Payments had no services at the end of 2001-01-01.")).toBeVisible();

  // A team created a moment ago has no services yet, and the overview says just that.
  const slug = uniqueSlug("empty");
  await signOut(page);
  await signInAs(page, "admin", "/admin/teams");
  const createTeam = page.getByRole("region", { name: "New team" });
  await createTeam.getByLabel("Name").fill(`Empty ${slug}`);
  await createTeam.getByLabel("Slug").fill(slug);
  await createTeam.getByRole("button", { name: "Create a team" }).click();
  await expect(createTeam.getByRole("status")).toHaveText(`Created the team Empty ${slug}.`);
  await page.goto(`/overview?team=${slug}`);
  await expect(page.getByText(`Empty ${slug} has no services yet.`)).toBeVisible();
  await expect(page.getByRole("region", { name: /^Scores by service and category/ })).toHaveCount(0);
});
