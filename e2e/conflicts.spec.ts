import { expect, test, type Locator, type Page } from "@playwright/test";

import { answerButton, answerItem, expectStored, fillNote, itemRow, noteBox } from "./fixtures/answers";
import { signInAs } from "./fixtures/auth";
import { itemText } from "./fixtures/checklist";
import { anotherPersonAt, changedBy } from "./fixtures/conflicts";
import { createService, uniqueSlug } from "./fixtures/services";

// Two people with the same page open: the one who saves second is told who saved first and when,
// keeps what they entered, and replaces the other change only by saving again (or, for evidence
// and reviews, renews, removes or decides only on what is stored now).
const KEY = "connectivity.each-component";

async function serviceOfPayments(page: Page) {
  const slug = uniqueSlug("conflict");
  await signInAs(page, "member", "/services/new");
  await createService(page, { name: `Ledger ${slug}`, slug, team: "Payments" });
  return slug;
}

test("a service saved by someone else meanwhile is not overwritten unseen", async ({ page, browser }) => {
  const slug = await serviceOfPayments(page);
  await page.goto(`/services/${slug}/edit`);
  const admin = await anotherPersonAt(browser, "admin", `/services/${slug}/edit`);

  await admin.getByLabel("Description").fill("The admin's description.");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin).toHaveURL(new RegExp(`/services/${slug}$`));

  await page.getByLabel("Description").fill("The member's description.");
  await page.getByRole("radio", { name: "Tier 1: critical to the business" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(changedBy("Aiko Admin"));
  await expect(page.getByLabel("Description")).toHaveValue("The member's description.");
  await expect(page.getByRole("radio", { name: "Tier 1: critical to the business" })).toBeChecked();
  await admin.reload();
  await expect(admin.getByText("The admin's description.").first()).toBeVisible();

  // Saving again, now knowing, replaces the admin's change.
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${slug}$`));
  await expect(page.getByText("The member's description.").first()).toBeVisible();
  await expect(page.getByText("Team: Payments · Tier 1")).toBeVisible();
  await admin.context().close();
});

test("an answer saved by someone else meanwhile is not overwritten unseen", async ({ page, browser }) => {
  const slug = await serviceOfPayments(page);
  const admin = await anotherPersonAt(browser, "admin", `/services/${slug}`);
  const mine = itemRow(page, KEY);
  const noteOf = (row: Locator) => row.getByRole("textbox", { name: `Note: ${itemText(KEY)}` });

  await answerItem(admin, KEY, "Met", { note: "Checked by the admin." });

  // The member's choice saves at once, over a page read before the admin's save: refused.
  await fillNote(page, KEY, "The member disagrees.");
  await answerButton(page, KEY, "Not met").click();
  await expect(mine.getByRole("alert")).toHaveText(changedBy("Aiko Admin"));
  await expect(answerButton(page, KEY, "Not met")).toHaveAttribute("aria-pressed", "true");
  await expect(noteOf(mine)).toHaveValue("The member disagrees.");
  await expectStored(slug, KEY, { status: "MET", note: "Checked by the admin." });

  // Choosing it again, now knowing, replaces the admin's answer.
  await answerButton(page, KEY, "Not met").click();
  await expect(mine.getByRole("status")).toHaveText("Saved");
  await expectStored(slug, KEY, { status: "NOT_MET", note: "The member disagrees." });
  await admin.reload();
  await expect(answerButton(admin, KEY, "Not met")).toHaveAttribute("aria-pressed", "true");
  await expect(await noteBox(admin, KEY)).toHaveValue("The member disagrees.");
  await admin.context().close();
});

/** A Payments service whose item is answered, created by the member on `page`; the item's page. */
async function answeredItem(page: Page) {
  const slug = await serviceOfPayments(page);
  await answerItem(page, KEY, "Met");
  return `/services/${slug}/items/${KEY}`;
}

const note = (page: Page) => page.getByRole("article", { name: "Note: Note" });

async function editNote(page: Page, words: string) {
  const form = note(page).getByRole("form", { name: "Edit Note" });
  if (!(await form.isVisible())) await note(page).getByText("Edit", { exact: true }).click();
  await form.getByLabel("Note").fill(words);
  await form.getByRole("button", { name: "Save changes" }).click();
  return form;
}

async function renew(page: Page) {
  const form = note(page).getByRole("form", { name: "Mark Note as still valid" });
  await form.getByRole("button", { name: "Mark as still valid" }).click();
  return form;
}

test("evidence changed by someone else meanwhile is not edited, renewed or removed unseen", async ({
  page,
  browser,
}) => {
  const itemPath = await answeredItem(page);
  await page.goto(itemPath);
  const add = page.getByRole("form", { name: "Add note" });
  await add.getByLabel("Note").fill("First words.");
  await add.getByRole("button", { name: "Add note" }).click();
  await expect(note(page)).toContainText("First words.");
  const admin = await anotherPersonAt(browser, "admin", itemPath);

  // The admin edits first; the member's edit is refused, with the member's words kept.
  await expect((await editNote(admin, "The admin's words.")).getByRole("status")).toHaveText(
    "Evidence saved.",
  );
  const mine = await editNote(page, "The member's words.");
  await expect(mine.getByRole("alert")).toHaveText(changedBy("Aiko Admin"));
  await expect(mine.getByLabel("Note")).toHaveValue("The member's words.");
  // The page is read again behind the kept input: the admin's words are what is stored.
  await expect(note(page)).toContainText("The admin's words.");
  // Saving again, now knowing, replaces them.
  await mine.getByRole("button", { name: "Save changes" }).click();
  await expect(mine.getByRole("status")).toHaveText("Evidence saved.");
  await expect(note(page)).toContainText("The member's words.");

  // The admin's page is now the stale one: what it shows is not what would be marked still valid.
  const renewal = await renew(admin);
  await expect(renewal.getByRole("alert")).toHaveText(changedBy("Mei Member"));
  await expect(note(admin)).toContainText("The member's words.");
  await renew(admin);
  await expect(renewal.getByRole("status")).toHaveText("Marked as still valid today.");

  // And the member's page, read before that renewal, does not remove it.
  const remove = note(page).getByRole("form", { name: "Remove Note" });
  await remove.getByRole("button", { name: "Remove" }).click();
  await expect(remove.getByRole("alert")).toHaveText(changedBy("Aiko Admin"));
  await expect(note(page)).toBeVisible();
  await admin.context().close();
});

test("a reviewer cannot verify an answer the team changed after it was read", async ({ page, browser }) => {
  const itemPath = await answeredItem(page);
  const reviewer = await anotherPersonAt(browser, "sre", itemPath);

  // Meanwhile the team changes its answer.
  await answerItem(page, KEY, "Partially met", { note: "Only the public endpoints." });

  const accept = reviewer.getByRole("form", { name: "Accept" });
  await accept.getByLabel("Comment (optional)").fill("Looks good.");
  await accept.getByRole("button", { name: "Accept" }).click();
  await expect(accept.getByRole("alert")).toHaveText(changedBy("Mei Member"));
  await expect(accept.getByLabel("Comment (optional)")).toHaveValue("Looks good.");
  await expect(reviewer.getByText("Only the public endpoints.")).toBeVisible();

  // Having seen the change, the reviewer accepts what is stored now.
  await accept.getByRole("button", { name: "Accept" }).click();
  await expect(accept.getByRole("status")).toHaveText("Accepted: the answer is verified.");
  await reviewer.context().close();
});
