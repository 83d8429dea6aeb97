import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

import { signInAs } from "./fixtures/auth";

// The README's pictures of the assessment page, in both languages, from the demo data at
// 1366×768. The test always checks the page as pictured; with TENKEN_SCREENSHOTS=1 it also
// writes the pictures to docs/ (then commit them).
const WRITE = process.env.TENKEN_SCREENSHOTS === "1";

async function picture(page: Page, file: string) {
  await expect(page.getByRole("article").first()).toBeVisible();
  const image = await page.screenshot({ fullPage: false, animations: "disabled", caret: "hide" });
  expect(image.byteLength).toBeGreaterThan(10_000);
  if (WRITE) writeFileSync(path.resolve("docs", file), image);
}

test("the assessment page as the README shows it, in English and Japanese", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, "member", "/services/checkout-api");
  await expect(page.getByRole("heading", { level: 1, name: "Checkout API" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Overall score" })).toBeInViewport();
  await picture(page, "assessment-en.png");

  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("region", { name: "総合スコア" })).toBeInViewport();
  await expect(page.getByLabel("表示", { exact: true })).toBeVisible();
  await picture(page, "assessment-ja.png");
});
