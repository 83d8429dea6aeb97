import { expect, test } from "@playwright/test";

import { signInAs, signOut } from "./fixtures/auth";
import { canReadDatabase, closeQuarterOnTrends, storedQuarter } from "./fixtures/quarters";

const quarterOf = (text: string | null) => (text ?? "").match(/FY\d{4} Q[1-4]/)![0];

test("closing a quarter shows what it freezes and asks first; an admin reopens it with a reason, and it closes again", async ({
  page,
}) => {
  // Closing twice and reopening, each a page load or two: longer than most tests.
  test.slow();
  const reason = `A back-dated correction ${Date.now().toString(36)}`;
  await signInAs(page, "admin", "/trends");
  const organisation = page.getByRole("table", { name: /The organisation, average score per quarter/ });
  // The last ended quarter (row 0 is the header, 8 the open quarter): the demo's services exist in
  // it. The checklist test closes it; reopening it first is part of what is tested here.
  const row = organisation.getByRole("row").nth(7);
  const quarter = quarterOf(await row.getByRole("rowheader").textContent());
  const section = page.getByRole("region", { name: "Close a quarter" });
  const reopen = page.getByRole("form", { name: "Reopen a closed quarter" });
  const reopenWith = async (why: string) => {
    await reopen.getByLabel("Closed quarter").selectOption({ label: quarter });
    await reopen.getByLabel("Why it is reopened").fill(why);
    await reopen.getByRole("button", { name: "Reopen" }).click();
    await expect(section.getByRole("status")).toHaveText(
      `${quarter} is reopened: its scores are recomputed until it is closed again.`,
    );
  };
  // "FY2026 Q2" then its state, "closed" or "ended, not closed".
  if (/Q[1-4]closed/.test((await row.getByRole("rowheader").textContent()) ?? ""))
    await reopenWith(`${reason} (set-up)`);

  // Only ended quarters not closed yet are offered, one at a time, the most recent first.
  const choices = await section.getByLabel("Quarter to close").locator("option").allTextContents();
  expect(choices[0]).toBe(quarter);
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
  await reopen.getByLabel("Closed quarter").selectOption({ label: quarter });
  await reopen.getByRole("button", { name: "Reopen" }).click();
  await expect(reopen.getByText("Say why the quarter is reopened.")).toBeVisible();
  await expect(row.getByRole("rowheader")).not.toContainText("ended, not closed");
  await reopenWith(reason);
  await expect(row.getByRole("rowheader")).toContainText("ended, not closed");
  await expect(row.getByRole("rowheader")).toContainText(
    new RegExp(`reopened on .+ by Aiko Admin: ${reason}`),
  );
  if (canReadDatabase)
    expect(await storedQuarter(quarter)).toMatchObject({
      closedServices: [],
      reasons: expect.arrayContaining([reason]),
    });

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
    await expect(confirmation.getByRole("term").filter({ hasText: "凍結するサービス数" })).toBeVisible();
    await expect(confirmation.getByRole("button", { name: `確定: ${first} を締める` })).toBeVisible();
    await confirmation.getByRole("link", { name: "キャンセル" }).click();
    await expect(confirmation).toHaveCount(0);
  });
});
