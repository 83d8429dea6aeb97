import { expect, test, type Page } from "@playwright/test";

import { demo, signInAs } from "./fixtures/auth";
import { categoryTitle, itemText } from "./fixtures/checklist";
import { createService, uniqueSlug } from "./fixtures/services";

function item(page: Page, key: string, locale: "en" | "ja" = "en") {
  return page.getByRole("article", { name: itemText(key, locale) });
}

function category(page: Page, key: string, locale: "en" | "ja" = "en") {
  return page.getByRole("region", { name: categoryTitle(key, locale) });
}

async function answer(page: Page, key: string, status: string, { note }: { note?: string } = {}) {
  const form = item(page, key);
  await form.getByRole("radio", { name: status, exact: true }).check();
  if (note !== undefined) await form.getByLabel("Note").fill(note);
  await form.getByRole("button", { name: "Save answer" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved");
}

test("a team self-assesses a new service end to end", async ({ page }) => {
  const slug = uniqueSlug("web");
  const name = `Storefront ${slug}`;

  // A member of the Payments team signs in and lands on the list.
  await signInAs(page, "member", "/");
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await page.getByRole("link", { name: "Create a service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New service" })).toBeVisible();
  await createService(page, { name, slug, team: "Payments", tier: 1, traits: ["Serves HTTP"] });

  // Items whose traits the service lacks are set aside with the reason, not silently hidden.
  const batch = category(page, "batch");
  await expect(batch.getByText("No item of this category applies to this service.")).toBeVisible();
  await expect(batch.getByText("3 items set aside")).toBeVisible();
  const http = category(page, "http");
  await expect(http.getByText("1 item set aside")).toBeVisible();
  await http.getByText("1 item set aside").click();
  await expect(http.getByText("Needs: Serves HTTP, Behind nginx")).toBeVisible();
  await expect(item(page, "http.nginx-499")).toHaveCount(0);

  const overall = page.getByRole("region", { name: "Overall score" });
  await expect(overall.getByText("0%", { exact: true })).toBeVisible();
  const connectivity = category(page, "connectivity");
  await expect(connectivity.getByText("0 of 3 answered")).toBeVisible();

  await answer(page, "connectivity.each-component", "Met");
  await expect(connectivity.getByText("1 of 3 answered")).toBeVisible();
  await expect(connectivity.getByText("33.3%", { exact: true })).toBeVisible();
  // Every category's score is compared with a day, a week and a quarter before, as the overall one is.
  await expect(connectivity.getByRole("listitem").filter({ hasText: "vs 1 quarter:" })).toBeVisible();

  await answer(page, "connectivity.over-network", "Partially met", { note: "Checked from the bastion only" });
  await expect(connectivity.getByText("50%", { exact: true })).toBeVisible();
  await expect(
    item(page, "connectivity.over-network").getByText("Self-declared", { exact: true }),
  ).toBeVisible();
  // N/A is data a reviewer approves: until then it counts as not met.
  await answer(page, "connectivity.alert-tested", "Not applicable", {
    note: "Covered by the platform team's checks",
  });
  await expect(
    item(page, "connectivity.alert-tested").getByText("N/A awaiting approval", { exact: true }),
  ).toBeVisible();
  await expect(connectivity.getByText("50%", { exact: true })).toBeVisible();
  await expect(connectivity.getByText("3 of 3 answered")).toBeVisible();
  await expect(overall.getByText("3 of 24 answered")).toBeVisible();
  await expect(overall.getByText("0%", { exact: true })).toHaveCount(0);

  // An N/A without a reason is refused next to the note and nothing changes.
  const metrics = item(page, "metrics.prefer-metrics");
  await metrics.getByRole("radio", { name: "Not applicable", exact: true }).check();
  await metrics.getByRole("button", { name: "Save answer" }).click();
  await expect(metrics.getByText("Say why this item does not apply: a reviewer approves it.")).toBeVisible();
  await expect(metrics.getByLabel("Note")).toHaveAttribute("aria-invalid", "true");
  await expect(metrics.getByText("Unanswered", { exact: true })).toBeVisible();

  // Everything is still there after a reload.
  await page.reload();
  await expect(
    item(page, "connectivity.each-component").getByRole("radio", { name: "Met", exact: true }),
  ).toBeChecked();
  await expect(item(page, "connectivity.over-network").getByLabel("Note")).toHaveValue(
    "Checked from the bastion only",
  );
  await expect(category(page, "connectivity").getByText("50%", { exact: true })).toBeVisible();
  await expect(item(page, "metrics.prefer-metrics").getByText("Unanswered", { exact: true })).toBeVisible();

  // The history says who changed what, newest first.
  await answer(page, "connectivity.each-component", "Not met");
  const history = page.getByRole("region", { name: "History" });
  const entries = history.getByRole("listitem");
  await expect(entries).toHaveCount(4);
  await expect(entries.first()).toContainText(
    `${demo.member.name} changed “${itemText("connectivity.each-component")}” from Met to Not met`,
  );
  await expect(
    history.getByText(
      `${demo.member.name} answered “${itemText("connectivity.over-network")}”: Partially met`,
    ),
  ).toBeVisible();
  await expect(history.getByText("Note: Checked from the bastion only")).toBeVisible();

  // The list shows the new score and progress.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services" }).click();
  // Wait for the list itself: until it arrives, "Team" also matches item text on this page.
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Payments" });
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("3 of 24 answered")).toBeVisible();

  // Switching language changes the whole page, checklist included, and sticks.
  await page.goto(`/services/${slug}`);
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("region", { name: "総合スコア" })).toBeVisible();
  await expect(
    page
      .getByRole("article", { name: itemText("connectivity.each-component", "ja") })
      .getByText("未対応", { exact: true })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: categoryTitle("http", "ja") })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "変更履歴" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
});
