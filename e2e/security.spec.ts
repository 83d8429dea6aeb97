import { expect, test } from "@playwright/test";

import { answerItem } from "./fixtures/answers";
import { demo, DEMO_PASSWORD, fillSignIn, signInAs } from "./fixtures/auth";
import { uniqueSlug } from "./fixtures/services";

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy, where).not.toContain("unsafe-eval");
  expect(policy, where).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], where).toBe("DENY");
}

test("every response carries the security headers, with a new nonce each time", async ({ request }) => {
  for (const path of ["/api/health", "/sign-in", "/setup"]) {
    const response = await request.get(path);
    expectSecurityHeaders(response.headers(), path);
  }
  // Signed out, a page is a redirect to sign-in, and that response has them too.
  const redirect = await request.get("/services", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()["location"]).toContain("/sign-in?next=%2Fservices");
  expectSecurityHeaders(redirect.headers(), "redirect");
  const [first, second] = [await request.get("/sign-in"), await request.get("/sign-in")];
  expect(first.headers()["content-security-policy"]).not.toBe(second.headers()["content-security-policy"]);
});

test("malformed addresses and methods tenken does not answer are refused, with the headers", async ({
  page,
  request,
}) => {
  // Signed in, so that nothing stops at the sign-in gate first.
  await signInAs(page, "admin");
  const signedIn = page.request;
  for (const path of ["/services/%ff", "/services/%ff/items/http.latency", "/api/evidence/%E0%A4%A"]) {
    const response = await signedIn.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expectSecurityHeaders(response.headers(), path);
  }
  for (const method of ["TRACE", "PROPFIND", "MKCOL"]) {
    const response = await request.fetch("/services", { method, maxRedirects: 0 });
    expect(response.status(), method).toBe(405);
    expect(response.headers()["allow"], method).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    expect(response.headers()["x-frame-options"], method).toBe("DENY");
    expect(response.headers()["x-content-type-options"], method).toBe("nosniff");
    expect(response.headers()["content-security-policy"], method).toContain("frame-ancestors 'none'");
  }
  // A method HTTP does not know is refused by Node's own parser, before any of tenken's code.
  expect((await request.fetch("/services", { method: "TRACK", maxRedirects: 0 })).status()).toBe(400);
});

test("signing in, with JavaScript on, never sends anyone off-site, whatever the address asks", async ({
  page,
}) => {
  for (const next of [
    "/.//evil.example",
    "/x/..//evil.example",
    "/%2e//evil.example",
    "/.\\/evil.example",
    "/./\\evil.example",
  ]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await fillSignIn(page, demo.member.email, DEMO_PASSWORD);
    await expect(page.getByText(`Signed in as ${demo.member.name}`), next).toBeVisible();
    expect(new URL(page.url()).host, next).not.toContain("evil.example");
    await expect(page, next).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/services$/);
  }
});

test("the app works under its policy: no violations while signing in, switching language and saving", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ),
    );
  });
  await signInAs(page, "member", "/services/checkout-api");
  await answerItem(page, "alerting.severity-levels", "Partially met");
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { name: "変更履歴" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
});

test("a change posted from another origin is refused and changes nothing", async ({ page }) => {
  await signInAs(page, "admin", "/admin/teams");
  const slug = uniqueSlug("csrf");
  const form = page.getByRole("region", { name: "New team" });
  await form.getByLabel("Name").fill(`Forged ${slug}`);
  await form.getByLabel("Slug").fill(slug);
  // Capture the request the form makes, without letting it through.
  await page.route("**/admin/teams", (route) =>
    route.request().method() === "POST" ? route.abort() : route.continue(),
  );
  const [captured] = await Promise.all([
    page.waitForRequest((request) => request.method() === "POST"),
    form.getByRole("button", { name: "Create a team" }).click(),
  ]);
  await page.unroute("**/admin/teams");
  const replay = (origin: string, headers: Record<string, string> = {}) =>
    page.request.fetch(captured.url(), {
      method: "POST",
      headers: { ...captured.headers(), origin, ...headers },
      data: captured.postDataBuffer() ?? undefined,
    });

  // Sent as if from another site, with the admin's cookie: refused as forbidden, nothing created.
  expect((await replay("https://evil.example")).status()).toBe(403);
  // An action id that cannot be one is a bad request, not a failure of the server.
  expect((await replay(new URL(page.url()).origin, { "next-action": "not-an-action" })).status()).toBe(400);
  await page.goto("/admin/teams");
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Forged ${slug}` })).toHaveCount(0);
  // The very same request from tenken's own origin goes through, so the refusal above was the origin's doing.
  expect((await replay(new URL(page.url()).origin)).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("heading", { name: `Forged ${slug}` })).toBeVisible();

  // Better Auth's own endpoints check the origin as well.
  const signIn = await page.request.post("/api/auth/sign-in/email", {
    headers: { origin: "https://evil.example" },
    data: { email: "admin@demo.tenken.example", password: "tenken-demo-pass" },
  });
  expect(signIn.status()).toBe(403);
});
