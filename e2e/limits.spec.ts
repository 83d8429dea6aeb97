import { expect, test, type Page } from "@playwright/test";

import { answerItem, itemRow } from "./fixtures/answers";
import { signInAs } from "./fixtures/auth";
import { itemText } from "./fixtures/checklist";
import { createService, uniqueSlug } from "./fixtures/services";

// The evidence limit is TENKEN_EVIDENCE_MAX_MB (10 MB here): a file of exactly that size is
// taken, one byte more is refused next to the file field, never a failure page.
const LIMIT = 10 * 1024 * 1024;
const KEY = "connectivity.each-component";

/** A valid PDF of exactly `size` bytes. */
function pdfOf(size: number) {
  const head = Buffer.from("%PDF-1.4\n%");
  const tail = Buffer.from("\n%%EOF\n");
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
}

async function upload(page: Page, size: number) {
  const form = page.getByRole("form", { name: "Upload a file" });
  await form.getByLabel("Screenshot or PDF").setInputFiles({
    name: `size-${size}.pdf`,
    mimeType: "application/pdf",
    buffer: pdfOf(size),
  });
  await form.getByRole("button", { name: "Upload" }).click();
  return form;
}

test("an evidence file up to the limit is taken, one byte more is refused next to its field", async ({
  page,
}) => {
  const slug = uniqueSlug("limits");
  await signInAs(page, "member", "/services/new");
  await createService(page, { name: `Limits ${slug}`, slug, team: "Payments" });
  await answerItem(page, KEY, "Met");
  await itemRow(page, KEY)
    .getByRole("link", { name: `Add evidence: ${itemText(KEY)}` })
    .click();
  const pieces = page.getByRole("list", { name: "Evidence" }).getByRole("article");

  for (const [size, count] of [
    [LIMIT - 1, 1],
    [LIMIT, 2],
  ] as const) {
    const form = await upload(page, size);
    await expect(form.getByRole("status")).toHaveText("Evidence added.");
    await expect(pieces).toHaveCount(count);
  }

  const form = await upload(page, LIMIT + 1);
  await expect(form.getByLabel("Screenshot or PDF")).toHaveAccessibleDescription(/larger than 10 MB/);
  await expect(pieces).toHaveCount(2);
});

test("a request body beyond any limit is refused over HTTP with 413, not a failure", async ({ page }) => {
  await signInAs(page, "member");
  const response = await page.request.post("/services", {
    headers: { "next-action": "0".repeat(42), origin: new URL(page.url()).origin },
    multipart: {
      file: { name: "huge.pdf", mimeType: "application/pdf", buffer: pdfOf(LIMIT + 3 * 1024 * 1024) },
    },
  });
  expect(response.status()).toBe(413);
});
