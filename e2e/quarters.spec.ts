import { expect, test } from "@playwright/test";

import { signInAs, signOut } from "./fixtures/auth";
import { canReadDatabase, closeQuarterOnTrends, storedQuarter } from "./fixtures/quarters";

const quarterOf = (text: string | null) => (text ?? "").match(/FY\d{4} Q[1-4]/)![0];

test("closing a quarter shows what it freezes and asks first; an admin reopens it with a reason, and it closes again", async ({
  page,
}) => {
  const reason = `A back-dated correction ${Date.now().toString(36)}`;
  await signInAs(page, "admin", "/trends");
  const organisation = page.getByRole("table", { name: /The organisation, average score per quarter/ });
  // Rows 1-7 are ended quarters (0 is the header, 8 the open one); other tests close 5 and 7.
  const row = organisation.getByRole("row").nth(3);
  const quarter = quarterOf(await row.getByRole("rowheader").textContent());
  const section = page.getByRole("region", { name: "Close a quarter" });

  // Only ended quarters not closed yet are offered, one at a time, the most recent first.
  const choices = await section.getByLabel("Quarter to close").locator("option").allTextContents();
  expect(choices).toContain(quarter);
  expect(choices).not.toContain(quarterOf(await organisation.getByRole("row").nth(8).textContent()));
  expect(choices).toEqual([...choices].sort().reverse());
  await expect(section.getByRole("button", { name: /^Close FY/ })).toHaveCount(0);

  // Choosing one shows what will be frozen; cancelling changes nothing.
  await section.getByLabel("Quarter to close").selectOption({ label: quarter });
  await section.getByRole("button", { name: "See what closing freezes" }).click();
  const confirmation = section.getByRole("group", { name: `Close ${quarter}?` });
  await expect(confirmation.getByText("Dates")).toBeVisible();
  await expect(confirmation.getByRole("definition").nth(1)).toHaveText(/^[1-9]\d*$/);
  const frozen = Number(await confirmation.getByRole("definition").nth(1).textContent());
  await expect(confirmation.getByRole("table", { name: `${quarter} at its end, per team` })).toBeVisible();
  await confirmation.getByRole("link", { name: "Cancel" }).click();
  await expect(row.getByRole("rowheader")).toContainText("ended, not closed");
  if (canReadDatabase) expect((await storedQuarter(quarter)).closedServices).toEqual([]);

  await closeQuarterOnTrends(page, quarter);
  await expect(row.getByRole("rowheader")).toContainText("closed");
  await expect(section.getByLabel("Quarter to close").getByRole("option", { name: quarter })).toHaveCount(0);
  if (canReadDatabase) expect((await storedQuarter(quarter)).closedServices).toEqual([frozen]);

  // Reopening needs a reason; without one nothing changes.
  const reopen = page.getByRole("form", { name: "Reopen a closed quarter" });
  await reopen.getByLabel("Closed quarter").selectOption({ label: quarter });
  await reopen.getByRole("button", { name: "Reopen" }).click();
  await expect(reopen.getByText("Say why the quarter is reopened.")).toBeVisible();
  await expect(row.getByRole("rowheader")).not.toContainText("ended, not closed");
  await reopen.getByLabel("Why it is reopened").fill(reason);
  await reopen.getByRole("button", { name: "Reopen" }).click();
  await expect(section.getByRole("status")).toHaveText(
    `${quarter} is reopened: its scores are recomputed until it is closed again.`,
  );
  await expect(row.getByRole("rowheader")).toContainText("ended, not closed");
  await expect(row.getByRole("rowheader")).toContainText(
    new RegExp(`reopened on .+ by Aiko Admin: ${reason}`),
  );
  if (canReadDatabase)
    expect(await storedQuarter(quarter)).toEqual({ closedServices: [], reasons: [reason] });

  // The audit log says who reopened it.
  await page.goto("/audit?kind=quarter.reopened");
  await expect(
    page
      .getByRole("table", { name: "Audit log" })
      .getByRole("row", { name: /Quarter reopened/ })
      .first(),
  ).toContainText(reason);

  // Closed again: frozen anew, and still marked as once reopened.
  await page.goto("/trends");
  await closeQuarterOnTrends(page, quarter);
  await expect(row.getByRole("rowheader")).toContainText("closed");
  await expect(row.getByRole("rowheader")).toContainText(reason);
  if (canReadDatabase) expect((await storedQuarter(quarter)).closedServices).toEqual([frozen]);
  await signOut(page);

  // An SRE closes quarters but does not reopen them.
  await signInAs(page, "sre", "/trends");
  await expect(page.getByRole("heading", { name: "Close a quarter" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reopen a closed quarter" })).toHaveCount(0);
});

test.describe("in Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("the confirmation reads in Japanese", async ({ page }) => {
    await signInAs(page, "sre", "/trends");
    const section = page.getByRole("region", { name: "四半期を締める" });
    const choice = section.getByLabel("締める四半期");
    const first = (await choice.locator("option").first().textContent())!;
    await choice.selectOption({ label: first });
    await section.getByRole("button", { name: "締めると凍結される内容を確認" }).click();
    const confirmation = section.getByRole("group", { name: `${first} を締めますか?` });
    await expect(confirmation.getByText("凍結するサービス数")).toBeVisible();
    await expect(confirmation.getByRole("button", { name: `確定: ${first} を締める` })).toBeVisible();
    await confirmation.getByRole("link", { name: "キャンセル" }).click();
    await expect(confirmation).toHaveCount(0);
  });
});
