import { expect, test } from "@playwright/test";

import { answerItem } from "./fixtures/answers";
import { signInAs, signOut } from "./fixtures/auth";
import { createService, uniqueSlug } from "./fixtures/services";
import { ageEvidence, answerReview, canTimeTravel } from "./fixtures/time-travel";

test("a verified answer whose evidence went stale says so in one badge, and what it means for the verified score", async ({
  page,
}) => {
  test.skip(
    !canTimeTravel,
    "Letting evidence go stale needs the database directly; this runs against PostgreSQL (npm test with DATABASE_URL, and CI).",
  );
  // Two people sign in and the page is read in two languages: longer than most.
  test.slow();
  const key = "connectivity.each-component";
  const slug = uniqueSlug("verified-stale");
  await signInAs(page, "member", "/services/new");
  await createService(page, { name: `Probe ${slug}`, slug, team: "Payments" });
  await answerItem(page, key, "Met");
  await page.goto(`/services/${slug}/items/${key}`);
  const add = page.getByRole("form", { name: "Add link" });
  await add.getByLabel("Address").fill("https://grafana.example.com/probes");
  await add.getByLabel("Title (optional)").fill("Probe dashboard");
  await add.getByRole("button", { name: "Add link" }).click();
  await expect(add.getByRole("status")).toHaveText("Evidence added.");
  await signOut(page);

  await signInAs(page, "sre", `/services/${slug}/items/${key}`);
  const accept = page.getByRole("form", { name: "Accept" });
  await accept.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText("Accepted: the answer is verified.")).toBeVisible();
  await signOut(page);

  // The team member, who may renew evidence, follows it from here.
  await signInAs(page, "member", `/services/${slug}`);
  const verified = page.getByRole("region", { name: "Verified score" });
  await expect(verified).toContainText(/[1-9]\d*(\.\d)?%/);
  const scoreWhileFresh = await verified.textContent();

  // 100 days later the evidence is stale; the answer is still verified and still counts.
  await ageEvidence(slug, key, 100);
  await page.goto(`/services/${slug}/items/${key}`);
  await expect(page.getByText("Verified · 1 stale evidence", { exact: true })).toBeVisible();
  await expect(page.getByText("Verified", { exact: true })).toHaveCount(0);
  await expect(
    page.getByText(
      "An SRE verified this answer and it still counts in the verified score, but 1 piece of its evidence has gone stale since.",
      { exact: false },
    ),
  ).toBeVisible();
  expect(await answerReview(slug, key)).toBe("VERIFIED");
  await page.goto(`/services/${slug}`);
  await expect(verified).toHaveText(scoreWhileFresh ?? "");

  // Marked as still valid, it is plainly verified again.
  await page.goto(`/services/${slug}/items/${key}`);
  const renewal = page.getByRole("form", { name: "Mark Probe dashboard as still valid" });
  await renewal.getByRole("button", { name: "Mark as still valid" }).click();
  await expect(renewal.getByRole("status")).toHaveText("Marked as still valid today.");
  await expect(page.getByText("Verified", { exact: true })).toBeVisible();
  await expect(page.getByText(/stale evidence/)).toHaveCount(0);
  expect(await answerReview(slug, key)).toBe("VERIFIED");

  // In Japanese, in the glossary's words.
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { name: "証跡", exact: true })).toBeVisible();
  await ageEvidence(slug, key, 100);
  await page.reload();
  await expect(page.getByText("検証済み・期限切れの証跡 1 件", { exact: true })).toBeVisible();
  await expect(
    page.getByText(/^SRE がこの回答を検証済みで、検証済みスコアには引き続き含まれます。/),
  ).toBeVisible();
});
