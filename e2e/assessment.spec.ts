import { expect, test, type Page } from "@playwright/test";

import { answerButton, answerItem, expectStored, fillNote, itemRow as item } from "./fixtures/answers";
import { demo, signInAs } from "./fixtures/auth";
import { categoryTitle, itemText } from "./fixtures/checklist";
import { anotherPersonAt, changedBy } from "./fixtures/conflicts";
import { createService, uniqueSlug } from "./fixtures/services";

function category(page: Page, key: string, locale: "en" | "ja" = "en") {
  return page.getByRole("region", { name: categoryTitle(key, locale) });
}

/** A new Payments service, created by the member on `page`; its slug. */
async function newService(page: Page, prefix: string, traits = ["Serves HTTP"]) {
  const slug = uniqueSlug(prefix);
  await signInAs(page, "member", "/services/new");
  await createService(page, { name: `Storefront ${slug}`, slug, team: "Payments", tier: 1, traits });
  return slug;
}

const pressed = (page: Page, key: string, status: string) =>
  expect(answerButton(page, key, status)).toHaveAttribute("aria-pressed", "true");

test("a team self-assesses a new service end to end with the mouse", async ({ page }) => {
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

  // Choosing an answer saves it: no Save button.
  await answerItem(page, "connectivity.each-component", "Met");
  await pressed(page, "connectivity.each-component", "Met");
  await expectStored(slug, "connectivity.each-component", { status: "MET" });
  await expect(connectivity.getByText("1 of 3 answered")).toBeVisible();
  await expect(connectivity.getByText("33.3%", { exact: true })).toBeVisible();
  // Every category's score is compared with a day, a week and a quarter before, as the overall one is.
  await expect(connectivity.getByRole("listitem").filter({ hasText: "vs 1 quarter:" })).toBeVisible();

  // The note opens on demand and is saved with the answer.
  await answerItem(page, "connectivity.over-network", "Partially met", {
    note: "Checked from the bastion only",
  });
  await expectStored(slug, "connectivity.over-network", {
    status: "PARTIAL",
    note: "Checked from the bastion only",
  });
  await expect(connectivity.getByText("50%", { exact: true })).toBeVisible();
  await expect(
    item(page, "connectivity.over-network").getByText("Self-declared", { exact: true }),
  ).toBeVisible();
  // N/A is data a reviewer approves: until then it counts as not met.
  await answerItem(page, "connectivity.alert-tested", "Not applicable", {
    note: "Covered by the platform team's checks",
  });
  await expect(
    item(page, "connectivity.alert-tested").getByText("N/A awaiting approval", { exact: true }),
  ).toBeVisible();
  await expect(connectivity.getByText("50%", { exact: true })).toBeVisible();
  await expect(connectivity.getByText("3 of 3 answered")).toBeVisible();
  await expect(overall.getByText("3 of 24 answered")).toBeVisible();
  await expect(overall.getByText("0%", { exact: true })).toHaveCount(0);

  // Choosing N/A without a reason opens the note and asks for one; nothing is saved until given.
  const metrics = item(page, "metrics.prefer-metrics");
  const metricsNote = metrics.getByRole("textbox", { name: `Note: ${itemText("metrics.prefer-metrics")}` });
  await answerButton(page, "metrics.prefer-metrics", "Not applicable").click();
  await expect(metricsNote).toBeFocused();
  await expect(metrics.getByText("Say why this item does not apply, then save")).toBeVisible();
  await expectStored(slug, "metrics.prefer-metrics", null);
  // Saved without one anyway, the server refuses it next to the note.
  await metrics.getByRole("button", { name: `Save note: ${itemText("metrics.prefer-metrics")}` }).click();
  await expect(metrics.getByText("Say why this item does not apply: a reviewer approves it.")).toBeVisible();
  await expect(metricsNote).toHaveAttribute("aria-invalid", "true");
  await expect(metrics.getByText("Unanswered", { exact: true })).toBeVisible();
  await expectStored(slug, "metrics.prefer-metrics", null);

  // Undo puts back the answer the save replaced.
  await answerItem(page, "connectivity.each-component", "Partially met");
  await item(page, "connectivity.each-component")
    .getByRole("button", { name: `Undo: ${itemText("connectivity.each-component")}` })
    .click();
  await expect(item(page, "connectivity.each-component").getByRole("status")).toHaveText(
    "Previous answer restored",
  );
  await pressed(page, "connectivity.each-component", "Met");
  await expectStored(slug, "connectivity.each-component", { status: "MET" });

  // Everything is still there after a reload.
  await page.reload();
  await pressed(page, "connectivity.each-component", "Met");
  const overNetwork = itemText("connectivity.over-network");
  await item(page, "connectivity.over-network")
    .getByRole("button", { name: `Note: ${overNetwork}` })
    .click();
  await expect(
    item(page, "connectivity.over-network").getByRole("textbox", { name: `Note: ${overNetwork}` }),
  ).toHaveValue("Checked from the bastion only");
  await expect(category(page, "connectivity").getByText("50%", { exact: true })).toBeVisible();
  await expect(item(page, "metrics.prefer-metrics").getByText("Unanswered", { exact: true })).toBeVisible();

  // Each row leads straight to the item's evidence.
  await expect(
    item(page, "connectivity.each-component").getByRole("link", {
      name: `Add evidence: ${itemText("connectivity.each-component")}`,
    }),
  ).toHaveAttribute("href", `/services/${slug}/items/connectivity.each-component#evidence-heading`);

  // The page shows the latest changes, newest first; the service's history page shows them all.
  await answerItem(page, "connectivity.each-component", "Not met");
  const recent = page.getByRole("region", { name: "History" });
  await expect(recent.getByRole("listitem")).toHaveCount(5);
  await expect(recent.getByRole("listitem").first()).toContainText(
    `${demo.member.name} changed “${itemText("connectivity.each-component")}” from Met to Not met`,
  );
  await recent.getByRole("link", { name: "All history and changes to this service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `History of ${name}` })).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  const entries = history.getByRole("listitem");
  await expect(entries).toHaveCount(6);
  await expect(entries.first()).toContainText(
    `${demo.member.name} changed “${itemText("connectivity.each-component")}” from Met to Not met`,
  );
  await expect(
    history.getByText(
      `${demo.member.name} answered “${itemText("connectivity.over-network")}”: Partially met`,
    ),
  ).toBeVisible();
  await expect(history.getByText("Note: Checked from the bastion only")).toBeVisible();
  await page.getByRole("link", { name: `Back to ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // The list shows the new score and progress.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services" }).click();
  // Wait for the list itself: until it arrives, "Team" also matches item text on this page.
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Payments" });
  // The filtered list has arrived (the row is also on the unfiltered one).
  await expect(page).toHaveURL(/\?/);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("3 of 24 answered")).toBeVisible();

  // Switching language changes the whole page, checklist included, and sticks.
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("region", { name: "総合スコア" })).toBeVisible();
  await expect(answerButton(page, "connectivity.each-component", "未対応", "ja")).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByRole("region", { name: categoryTitle("http", "ja") })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "変更履歴" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
});

test("the keyboard alone answers items, opens the note and the evidence, and undoes", async ({ page }) => {
  const slug = await newService(page, "keys");
  const [first, second, third] = [
    "connectivity.each-component",
    "connectivity.over-network",
    "connectivity.alert-tested",
  ];
  // The keys are listed on the page; ? opens the list.
  await page.keyboard.press("?");
  const keys = page.getByRole("group").filter({ hasText: "Keyboard shortcuts" });
  await expect(keys.getByText("Next item")).toBeVisible();
  await page.keyboard.press("?");
  await expect(keys.getByText("Next item")).toBeHidden();

  // j goes to the first item, 1 answers "Met".
  await page.keyboard.press("j");
  await expect(item(page, first)).toBeFocused();
  await page.keyboard.press("1");
  await expect(item(page, first).getByRole("status")).toHaveText("Saved");
  await pressed(page, first, "Met");
  await expectStored(slug, first, { status: "MET" });

  // The arrow keys move too; 2 answers "Partially met".
  await page.keyboard.press("ArrowDown");
  await expect(item(page, second)).toBeFocused();
  await page.keyboard.press("2");
  await expect(item(page, second).getByRole("status")).toHaveText("Saved");
  await expectStored(slug, second, { status: "PARTIAL" });

  // 4 (N/A) asks for the reason first; keys typed in the note are words, not shortcuts;
  // Ctrl+Enter saves it and Esc goes back to the item.
  await page.keyboard.press("j");
  await page.keyboard.press("4");
  const note = item(page, third).getByRole("textbox", { name: `Note: ${itemText(third)}` });
  await expect(note).toBeFocused();
  await expectStored(slug, third, null);
  await page.keyboard.type("Checked by 1 jk 2 platform");
  await page.keyboard.press("Control+Enter");
  await expect(item(page, third).getByRole("status")).toHaveText("Saved");
  await expectStored(slug, third, { status: "NOT_APPLICABLE", note: "Checked by 1 jk 2 platform" });
  await page.keyboard.press("Escape");
  await expect(item(page, third)).toBeFocused();
  await expect(note).toBeHidden();

  // k goes back; 3 answers "Not met"; u undoes it.
  await page.keyboard.press("k");
  await expect(item(page, second)).toBeFocused();
  await page.keyboard.press("3");
  await expect(item(page, second).getByRole("status")).toHaveText("Saved");
  await expectStored(slug, second, { status: "NOT_MET" });
  await page.keyboard.press("u");
  await expect(item(page, second).getByRole("status")).toHaveText("Previous answer restored");
  await pressed(page, second, "Partially met");
  await expectStored(slug, second, { status: "PARTIAL" });

  // n opens the item's note, Esc closes it.
  await page.keyboard.press("n");
  const secondNote = item(page, second).getByRole("textbox", { name: `Note: ${itemText(second)}` });
  await expect(secondNote).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(secondNote).toBeHidden();

  // e opens the item's evidence.
  await page.keyboard.press("e");
  await expect(page).toHaveURL(new RegExp(`/services/${slug}/items/${second.replace(".", "\\.")}`));
  await expect(page.getByRole("heading", { name: "Evidence", exact: true })).toBeVisible();
});

test("the filters live in the address and apply as they change", async ({ page }) => {
  const slug = await newService(page, "filters");
  await answerItem(page, "connectivity.each-component", "Met");
  await answerItem(page, "connectivity.over-network", "Not met");

  const show = page.getByLabel("Show", { exact: true });
  await show.selectOption({ label: "Unanswered" });
  await expect(page).toHaveURL(new RegExp(`/services/${slug}\\?show=unanswered$`));
  await expect(page.getByRole("status").filter({ hasText: /^Showing/ })).toHaveText("Showing 22 of 24 items");
  await expect(item(page, "connectivity.each-component")).toHaveCount(0);
  await expect(item(page, "connectivity.alert-tested")).toBeVisible();

  await show.selectOption({ label: "Not met" });
  await expect(page).toHaveURL(new RegExp(`\\?show=not-met$`));
  await expect(item(page, "connectivity.over-network")).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(1);

  // Nothing needs attention on a new service: the page says so.
  await show.selectOption({ label: "Needs attention" });
  await expect(page.getByText("Nothing needs attention", { exact: false })).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);

  // By category; the link can be shared.
  await show.selectOption({ label: "All items" });
  await page.getByLabel("Category", { exact: true }).selectOption({ label: categoryTitle("http") });
  await expect(page).toHaveURL(new RegExp(`\\?category=http$`));
  await expect(category(page, "http")).toBeVisible();
  await expect(category(page, "connectivity")).toHaveCount(0);
  await page.goto(`/services/${slug}?show=unanswered&category=connectivity`);
  await expect(page.getByLabel("Show", { exact: true })).toHaveValue("unanswered");
  await expect(page.getByLabel("Category", { exact: true })).toHaveValue("connectivity");
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(item(page, "connectivity.alert-tested")).toBeVisible();
});

test("on a 390 px phone everything is reachable without sideways scrolling", async ({ page }) => {
  const slug = await newService(page, "phone");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/services/${slug}`);
  const overall = page.getByRole("region", { name: "Overall score" });
  await expect(overall).toBeVisible();
  const box = await overall.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  const overflow = () =>
    page.evaluate(() => {
      const root = document.scrollingElement!;
      return root.scrollWidth - root.clientWidth;
    });
  expect(await overflow()).toBeLessThanOrEqual(0);

  // An answer and its note, by touch.
  await answerItem(page, "http.latency", "Not applicable", { note: "No latency target on this one" });
  await expectStored(slug, "http.latency", {
    status: "NOT_APPLICABLE",
    note: "No latency target on this one",
  });
  const row = await item(page, "http.latency").boundingBox();
  expect(row!.x + row!.width).toBeLessThanOrEqual(390);
  expect(await overflow()).toBeLessThanOrEqual(0);

  // The demo's Checkout API, with its badges and evidence, fits as well.
  await page.goto("/services/checkout-api");
  await expect(page.getByRole("heading", { level: 1, name: "Checkout API" })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test("Checkout API's items fit in about three screens at 1366×768", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, "member", "/services/checkout-api");
  await expect(page.getByRole("article")).toHaveCount(28);
  const lastItem = page.getByRole("article").last();
  const bottom = await lastItem.evaluate((row) => row.getBoundingClientRect().bottom + window.scrollY);
  expect(bottom).toBeLessThanOrEqual(2400);
  // The score panel stays in view as the items scroll by.
  await lastItem.scrollIntoViewIfNeeded();
  await expect(page.getByRole("region", { name: "Overall score" })).toBeInViewport();
});

test("an undo over someone else's change is refused naming them, keeping the answer", async ({
  page,
  browser,
}) => {
  const slug = await newService(page, "stale");
  const key = "connectivity.each-component";
  await answerItem(page, key, "Met");
  await answerItem(page, key, "Not met");

  // Meanwhile the admin answers "Partially met".
  const admin = await anotherPersonAt(browser, "admin", `/services/${slug}`);
  await answerItem(admin, key, "Partially met");

  // Undoing the member's save would overwrite the admin's: refused, next to the row, announced.
  await item(page, key)
    .getByRole("button", { name: `Undo: ${itemText(key)}` })
    .click();
  await expect(item(page, key).getByRole("alert")).toHaveText(changedBy("Aiko Admin"));
  await pressed(page, key, "Met");
  await expectStored(slug, key, { status: "PARTIAL" });

  // A stale choice is refused the same way; choosing again, knowingly, replaces it.
  await answerItem(admin, key, "Not met");
  await fillNote(page, key, "The member had it right.");
  await answerButton(page, key, "Met").click();
  await expect(item(page, key).getByRole("alert")).toHaveText(changedBy("Aiko Admin"));
  await expect(item(page, key).getByRole("textbox", { name: `Note: ${itemText(key)}` })).toHaveValue(
    "The member had it right.",
  );
  await expectStored(slug, key, { status: "NOT_MET" });
  await answerButton(page, key, "Met").click();
  await expect(item(page, key).getByRole("status")).toHaveText("Saved");
  await expectStored(slug, key, { status: "MET", note: "The member had it right." });
  await admin.context().close();
});
