import { expect, test } from "@playwright/test";

import { signInAs, signOut } from "./fixtures/auth";
import { publishedItemText } from "./fixtures/checklist";
import { canReadDatabase, closeQuarterOnTrends } from "./fixtures/quarters";
import { createService, uniqueSlug } from "./fixtures/services";

test("an admin adds an item with a new trait and publishes; a team member sees it, answers it, and a closed quarter does not move", async ({
  page,
}) => {
  // Two people, a publication and a quarter close in one story: longer than most tests.
  test.slow();
  const stamp = uniqueSlug("x").slice(2, 8);
  const traitKey = `USES_CDN_${stamp.toUpperCase()}`;
  const traitName = `Uses a CDN ${stamp}`;
  const itemKey = `other.cdn-hit-ratio-${stamp}`;
  const itemText = `The CDN hit ratio is monitored ${stamp}`;

  // The last ended quarter, closed: its scores are frozen (row 0 is the header, 8 the open quarter).
  await signInAs(page, "admin", "/trends");
  const organisation = page.getByRole("table", { name: /The organisation, average score per quarter/ });
  const quarterRow = organisation.getByRole("row").nth(7);
  const quarter = ((await quarterRow.getByRole("rowheader").textContent()) ?? "").match(/FY\d{4} Q[1-4]/)![0];
  await closeQuarterOnTrends(page, quarter);
  await expect(quarterRow.getByRole("rowheader")).toHaveText(new RegExp(`^${quarter}\\s*closed$`));
  const frozen = await quarterRow.textContent();

  // The admin drafts version 2: a new trait, and an item that needs it.
  await page.getByRole("link", { name: "Checklist", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checklist" })).toBeVisible();
  await page.getByRole("button", { name: "Start a draft from the current version" }).click();
  await page.getByRole("link", { name: "Edit the draft" }).click();
  await page.getByText("Add a trait", { exact: true }).click();
  const traitForm = page.getByRole("form", { name: "Add a trait" });
  await traitForm.getByLabel("Key (e.g. USES_CDN)").fill(traitKey);
  await traitForm.getByLabel("Name in Japanese").fill(`CDNあり ${stamp}`);
  await traitForm.getByLabel("Name in English").fill(traitName);
  await traitForm.getByRole("button", { name: "Add trait" }).click();
  await expect(traitForm.getByRole("status")).toHaveText("Trait added to the draft.");

  await page.getByText("Add an item to Other", { exact: true }).click();
  const itemForm = page.getByRole("form", { name: "Add an item to Other" });
  await itemForm.getByLabel("Item key (e.g. cdn.hit-ratio)").fill(itemKey);
  await itemForm.getByLabel("Item text in Japanese").fill(`CDNのヒット率を監視している ${stamp}`);
  // A missing translation is refused next to its field, and nothing is added.
  await itemForm.getByRole("button", { name: "Add item" }).click();
  await expect(itemForm.getByText("Give the item's text in both Japanese and English.")).toBeVisible();
  await itemForm.getByLabel("Item text in English").fill(itemText);
  // Guidance is Markdown; raw HTML in it is dropped, never run.
  await itemForm
    .getByLabel("Guidance in English (Markdown)")
    .fill(
      "Link the **CDN dashboard** from the [edge runbook](https://wiki.example.com/edge). <script>window.pwned = true</script>",
    );
  await itemForm.getByRole("checkbox", { name: traitName }).check();
  // The preview counts the services the rule would apply to as the traits are ticked.
  await expect(itemForm.getByText(/applies to no service/)).toBeVisible();
  await itemForm.getByRole("button", { name: "Add item" }).click();
  await expect(itemForm.getByRole("status")).toHaveText("Item added to the draft.");
  // A trait an item still needs cannot be retired; the refusal names the item.
  const retireTrait = page.getByRole("form", { name: `Retire: ${traitKey}` });
  await retireTrait.getByRole("button", { name: "Retire" }).click();
  await expect(retireTrait.getByRole("alert")).toHaveText(
    `The trait ${traitKey} is still needed by ${itemKey}: change or retire those items first.`,
  );

  await page.getByRole("link", { name: "Back to the checklist" }).click();
  const changes = page.getByRole("region", { name: "Draft" });
  await expect(changes.getByText(itemText)).toBeVisible();
  await expect(changes.getByText(traitKey)).toBeVisible();
  const publish = page.getByRole("form", { name: "Publish the draft" });
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(publish.getByText("Say in a sentence what this version changes.")).toBeVisible();
  await publish.getByLabel(/What changed/).fill(`CDN hit ratio ${stamp}`);
  await publish.getByRole("button", { name: "Publish" }).click();
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByRole("row", { name: new RegExp(`CDN hit ratio ${stamp}`) })).toBeVisible();
  await signOut(page);

  // A team member gives a service the new trait: the new item is there to answer.
  const slug = uniqueSlug("edge");
  await signInAs(page, "member", "/services");
  await createService(page, {
    name: `Edge ${slug}`,
    slug,
    team: "Payments",
    traits: ["Serves HTTP", traitName],
  });
  await expect(page.getByRole("status").filter({ hasText: /added 1 item to answer/ })).toBeVisible();
  const article = page.getByRole("article", { name: itemText });
  // The guidance opens on demand.
  await article.getByText("Guidance", { exact: true }).click();
  await expect(article.getByRole("link", { name: "edge runbook" })).toHaveAttribute(
    "href",
    "https://wiki.example.com/edge",
  );
  expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
  await article
    .getByRole("group", { name: `Answer: ${itemText}` })
    .getByRole("button", { name: "Met", exact: true })
    .click();
  await expect(article.getByRole("status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByText(/added 1 item to answer/)).toHaveCount(0);
  await signOut(page);

  // The closed quarter reads exactly as it did.
  await signInAs(page, "admin", "/trends");
  const table = page.getByRole("table", { name: /The organisation, average score per quarter/ });
  await expect(table.getByRole("row").nth(7)).toHaveText(frozen!);
  // The quarter the new version was published in is marked with it.
  await expect(table.getByRole("row").nth(8).getByRole("rowheader")).toContainText(/checklist v\d+/);
});

test("a checklist file with mistakes is refused line by line and changes nothing", async ({ page }) => {
  await signInAs(page, "admin", "/admin/checklist");
  const draft = page.getByRole("region", { name: "Draft" });
  const before = await draft.textContent();
  const form = page.getByRole("form", { name: "Import a file as the draft" });
  const yaml = [
    "format: tenken-checklist/1",
    "key: broken",
    "title: { ja: 壊れた, en: Broken }",
    "categories:",
    "  - key: edge",
    "    title: { ja: エッジ, en: Edge }",
    "    items:",
    "      - key: edge.one",
    "        text: { ja: 一つ目, en: One }",
    "        requires: [NO_SUCH_TRAIT]",
    "      - key: edge.one",
    "        text: { en: Two }",
  ].join("\n");
  await form
    .getByLabel("Checklist file")
    .setInputFiles({ name: "broken.yaml", mimeType: "text/yaml", buffer: Buffer.from(yaml) });
  await form.getByRole("button", { name: "Import as draft" }).click();
  await expect(
    form.getByText(
      "Line 10 (categories[0].items[0].requires[0]): The trait NO_SUCH_TRAIT is not declared under traits.",
    ),
  ).toBeVisible();
  await expect(
    form.getByText(
      "Line 11 (categories[0].items[1].key): The key edge.one is used twice. Keys must be unique.",
    ),
  ).toBeVisible();
  await expect(
    form.getByText(
      "Line 12 (categories[0].items[1].text.ja): Give the item's text in both Japanese and English.",
    ),
  ).toBeVisible();
  await page.reload();
  await expect(draft).toHaveText(before!);
});

test("a file naming thousands of empty items is refused at once, and the server keeps answering meanwhile", async ({
  page,
}) => {
  await signInAs(page, "admin", "/admin/checklist");
  const form = page.getByRole("form", { name: "Import a file as the draft" });
  const worst = [
    "format: tenken-checklist/1",
    "key: huge",
    "title: { ja: 巨大, en: Huge }",
    "categories:",
    "  - key: huge",
    "    title: { ja: 巨大, en: Huge }",
    `    items: [${Array(8000).fill("{}").join(", ")}]`,
  ].join("\n");
  await form
    .getByLabel("Checklist file")
    .setInputFiles({ name: "huge.yaml", mimeType: "text/yaml", buffer: Buffer.from(worst) });
  const [health] = await Promise.all([
    page.request.get("/api/health"),
    form.getByRole("button", { name: "Import as draft" }).click(),
  ]);
  expect(health.status()).toBe(200);
  await expect(form.getByText(/^A checklist file may name at most 1,?000 items\.$/)).toBeVisible();
});

test("rewording an item, a category and a trait shows each before and after, in both languages, in the draft and once published", async ({
  page,
}) => {
  // Two publications and three edits of the draft: longer than most tests.
  test.slow();
  const stamp = uniqueSlug("x")
    .slice(2, 8)
    .replace(/[^a-z0-9]/g, "");
  const categoryKey = `zz${stamp}`;
  const itemKey = `${categoryKey}.first`;
  const traitKey = `ZZ_${stamp.toUpperCase()}`;
  const old = { ja: `古い文言 ${stamp}`, en: `Old wording ${stamp}` };
  const reworded = { ja: `新しい文言 ${stamp}`, en: `New wording ${stamp}` };

  // Version one of these: a trait, and a category whose item needs it (so no service answers it).
  await signInAs(page, "admin", "/admin/checklist");
  await page.getByRole("button", { name: "Start a draft from the current version" }).click();
  await page.getByRole("link", { name: "Edit the draft" }).click();
  await page.getByText("Add a trait", { exact: true }).click();
  const traitForm = page.getByRole("form", { name: "Add a trait" });
  await traitForm.getByLabel("Key (e.g. USES_CDN)").fill(traitKey);
  await traitForm.getByLabel("Name in Japanese").fill(`古い特性 ${stamp}`);
  await traitForm.getByLabel("Name in English").fill(`Old trait ${stamp}`);
  await traitForm.getByRole("button", { name: "Add trait" }).click();
  await expect(traitForm.getByRole("status")).toHaveText("Trait added to the draft.");
  const categoryForm = page.getByRole("form", { name: "Add a category (with its first item)" });
  await categoryForm.getByLabel("Category key (e.g. cdn)").fill(categoryKey);
  await categoryForm.getByLabel("Title in Japanese").fill(`古いカテゴリー ${stamp}`);
  await categoryForm.getByLabel("Title in English").fill(`Old category ${stamp}`);
  await categoryForm.getByLabel("Item key (e.g. cdn.hit-ratio)").fill(itemKey);
  await categoryForm.getByLabel("Item text in Japanese").fill(old.ja);
  await categoryForm.getByLabel("Item text in English").fill(old.en);
  await categoryForm.getByRole("button", { name: "Add category" }).click();
  await expect(categoryForm.getByRole("status")).toHaveText("Category added to the draft.");
  // Each item is one row; its form opens on demand.
  const itemForm = page.getByRole("form", { name: `Save item: ${itemKey}` });
  await expect(itemForm).toBeHidden();
  await page.getByText(`Edit ${itemKey}`, { exact: true }).click();
  await itemForm.getByRole("checkbox", { name: `Old trait ${stamp}` }).check();
  await itemForm.getByRole("button", { name: "Save item" }).click();
  await expect(itemForm.getByRole("status")).toHaveText("Item saved in the draft.");
  await page.getByRole("link", { name: "Back to the checklist" }).click();
  const publish = async (summary: string) => {
    const form = page.getByRole("form", { name: "Publish the draft" });
    await form.getByLabel(/What changed/).fill(summary);
    await form.getByRole("button", { name: "Publish" }).click();
    await expect(
      page.getByRole("region", { name: "Versions" }).getByRole("row", { name: new RegExp(summary) }),
    ).toBeVisible();
  };
  await publish(`Added ${categoryKey}`);

  // The rewording, drafted: the item in both languages, the category's and the trait's names.
  await page.getByRole("button", { name: "Start a draft from the current version" }).click();
  await page.getByRole("link", { name: "Edit the draft" }).click();
  await page.getByText(`Edit ${itemKey}`, { exact: true }).click();
  await itemForm.getByLabel("Item text in Japanese").fill(reworded.ja);
  await itemForm.getByLabel("Item text in English").fill(reworded.en);
  await itemForm.getByRole("button", { name: "Save item" }).click();
  await expect(itemForm.getByRole("status")).toHaveText("Item saved in the draft.");
  // A disclosure opens from the keyboard as well.
  await page.getByText(`Rename the category ${categoryKey}`, { exact: true }).focus();
  await page.keyboard.press("Enter");
  const renameForm = page.getByRole("form", { name: `Save category: ${categoryKey}` });
  await renameForm.getByLabel("Title in English").fill(`New category ${stamp}`);
  await renameForm.getByRole("button", { name: "Save category" }).click();
  await expect(renameForm.getByRole("status")).toHaveText("Category saved in the draft.");
  await page.getByText(`Edit ${traitKey}`, { exact: true }).click();
  const traitEdit = page.getByRole("form", { name: `Save trait: ${traitKey}` });
  await traitEdit.getByLabel("Name in English").fill(`New trait ${stamp}`);
  await traitEdit.getByRole("button", { name: "Save trait" }).click();
  await expect(traitEdit.getByRole("status")).toHaveText("Trait saved in the draft.");
  await page.getByRole("link", { name: "Back to the checklist" }).click();

  // Before publishing: old and new side by side, a row per language.
  const expectSideBySide = async (where: ReturnType<typeof page.getByRole>) => {
    const item = where.getByRole("table", { name: `${itemKey}: wording, before and after` });
    await expect(item.getByRole("row", { name: /^Japanese/ })).toHaveText(`Japanese${old.ja}${reworded.ja}`);
    await expect(item.getByRole("row", { name: /^English/ })).toHaveText(`English${old.en}${reworded.en}`);
    const category = where.getByRole("table", { name: `Category ${categoryKey}: name, before and after` });
    await expect(category.getByRole("row", { name: /^English/ })).toHaveText(
      `EnglishOld category ${stamp}New category ${stamp}`,
    );
    await expect(category.getByRole("row", { name: /^Japanese/ })).toHaveText(
      `Japanese古いカテゴリー ${stamp}Unchanged`,
    );
    const trait = where.getByRole("table", { name: `Trait ${traitKey}: name, before and after` });
    await expect(trait.getByRole("row", { name: /^English/ })).toHaveText(
      `EnglishOld trait ${stamp}New trait ${stamp}`,
    );
    // The kind of change in words, never a key.
    await expect(where.getByText(/\(wording\)/).first()).toBeVisible();
  };
  await expectSideBySide(page.getByRole("region", { name: "Draft" }));
  await publish(`Reworded ${categoryKey}`);
  if (canReadDatabase) expect(await publishedItemText(itemKey)).toEqual(reworded);

  // Once published, the version's changes read the same.
  await page.goto("/checklist/changes");
  await expectSideBySide(page.getByRole("region", { name: /^Version \d+ → version \d+$/ }));
});
