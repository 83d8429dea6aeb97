import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";

test("an SRE runs a team's quarterly retrospective and downloads its minutes and scores", async ({ page }) => {
  await signInAs(page, "sre", "/retrospectives");
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Payments" });
  await page.getByRole("button", { name: "Show" }).click();
  const heading = page.getByRole("heading", { level: 1, name: /^Retrospective FY\d{4} Q[1-4]: Payments$/ });
  await expect(heading).toBeVisible();
  const quarter = ((await heading.textContent()) ?? "").match(/FY\d{4} Q[1-4]/)![0];
  for (const section of [/^Newly met/, /^Regressions/, /^N\/A changes/, /^Evidence gone stale/]) await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  await expect(page.getByRole("region", { name: "Scores" })).toContainText(/Declared \d+(\.\d)?%/);

  const [minutes] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Minutes (Markdown)" }).click()]);
  expect(minutes.suggestedFilename()).toMatch(/^tenken-\d{4}-Q[1-4]-payments-minutes\.md$/);
  const markdown = await readFile((await minutes.path())!, "utf8");
  expect(markdown.split("\n")[0]).toBe(`# Retrospective ${quarter}: Payments`);
  expect(markdown).toContain("## Scores");
  expect(markdown).toMatch(/## Newly met/);
  expect(markdown).toMatch(/## Regressions/);
  expect(markdown).toMatch(/## Evidence gone stale/);

  const [scores] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Scores (CSV)" }).click()]);
  const csv = (await readFile((await scores.path())!, "utf8")).replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toContain('"service","team","tier","score_percent","verified_percent"');
  expect(csv).toContain('"Checkout API","Payments","1"');
  expect(csv).not.toContain('"Search API"');
});
