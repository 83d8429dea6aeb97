import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { fillSignIn, signInAs } from "./fixtures/auth";
import { uniqueSlug } from "./fixtures/services";

// The test server trusts 127.0.0.1 as its reverse proxy (TENKEN_TRUSTED_PROXIES in
// playwright.config.ts), so these tests stand in for one: X-Forwarded-For ends with the address
// the proxy saw, and anything a client wrote before it is never believed.
const via = (...hops: string[]) => ({ "x-forwarded-for": hops.join(", ") });
// A client address of the test's own (documentation range), so that runs never share a lock.
const someAddress = () => `2001:db8:${randomBytes(6).toString("hex").match(/.{4}/g)!.join(":")}::1`;
const LOCKED = /Too many failed sign-ins\. Try again in \d+ minutes?\./;

async function signInByApi(
  request: APIRequestContext,
  baseURL: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const response = await request.post("/api/auth/sign-in/email", {
    headers: { origin: baseURL, ...headers },
    data: { email, password },
  });
  return response.status();
}

async function createPerson(page: Page) {
  const slug = uniqueSlug("locked");
  const person = { name: `Kai ${slug}`, email: `${slug}@example.com`, password: "a sound pass phrase" };
  await signInAs(page, "admin", "/admin/users");
  const form = page.getByRole("region", { name: "New user" });
  await form.getByLabel("Name").fill(person.name);
  await form.getByLabel("Email").fill(person.email);
  await form.getByLabel("Role").selectOption({ label: "Viewer" });
  await form.getByLabel("Initial password").fill(person.password);
  await form.getByRole("button", { name: "Create a user" }).click();
  await expect(form.getByRole("status")).toHaveText(`Created ${person.name}.`);
  await page.context().clearCookies();
  return person;
}

test("an account locked by guesses on Better Auth's endpoint stays locked there and on the form, from any address", async ({
  page,
  playwright,
  baseURL,
}) => {
  const person = await createPerson(page);
  const request = await playwright.request.newContext({ baseURL });
  // Five wrong passwords, each from a different address: every one is checked, and counted.
  for (let guess = 0; guess < 5; guess++)
    expect(await signInByApi(request, baseURL!, person.email, `guess ${guess}`, via(someAddress()))).toBe(
      401,
    );
  // Now not even the right password is checked, on the endpoint or on the form.
  expect(await signInByApi(request, baseURL!, person.email, person.password, via(someAddress()))).toBe(429);
  await page.goto("/sign-in");
  await fillSignIn(page, person.email, person.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(LOCKED);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await request.dispose();
});

test("an address that guesses at many accounts is refused, whatever X-Forwarded-For it claims", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const sprayer = someAddress();
  for (let guess = 0; guess < 20; guess++)
    expect(
      await signInByApi(request, baseURL!, `${uniqueSlug("spray")}@example.com`, "a guess", via(sprayer)),
    ).toBe(401);
  const fresh = () => `${uniqueSlug("fresh")}@example.com`;
  expect(await signInByApi(request, baseURL!, fresh(), "a guess", via(sprayer))).toBe(429);
  // A client that writes another address itself: the proxy appends the one it saw.
  expect(await signInByApi(request, baseURL!, fresh(), "a guess", via("192.0.2.51", sprayer))).toBe(429);
  // Someone else, through the same proxy, is not held up.
  expect(await signInByApi(request, baseURL!, fresh(), "a guess", via(someAddress()))).toBe(401);
  await request.dispose();
});

test("single sign-on that keeps failing from one address is refused there, with the wait named", async ({
  page,
  baseURL,
}) => {
  const address = via(someAddress());
  // Callbacks with a state that was never issued: each one fails, and counts toward the address.
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await page.request.get(`/api/auth/callback/oidc?code=forged&state=forged-${attempt}`, {
      headers: address,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(new URL(response.headers().location!, baseURL).searchParams.get("error")).toBeTruthy();
  }
  await page.setExtraHTTPHeaders(address);
  await page.goto("/api/auth/callback/oidc?code=forged&state=one-more");
  await expect(page).toHaveURL(/\/sign-in\?error=locked/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(LOCKED);
  // The form from that address is held up too: it is the address that is locked (the form's own
  // alert joins the page's).
  await fillSignIn(page, "someone@example.com", "a guess");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText([LOCKED, LOCKED]);
});

test("Better Auth's endpoints that tenken does not use are not there, even for a signed-in person", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, "viewer");
  const headers = { origin: baseURL! };
  for (const [path, data] of [
    ["/api/auth/update-user", { name: "Sato SRE", image: "javascript:alert(1)" }],
    ["/api/auth/change-password", { currentPassword: "tenken-demo-pass", newPassword: "short" }],
    ["/api/auth/change-email", { newEmail: "someone.else@example.com" }],
    ["/api/auth/sign-up/email", { name: "New", email: "new@example.com", password: "a long pass phrase" }],
    ["/api/auth/delete-user", {}],
    ["/api/auth/revoke-sessions", {}],
  ] as const)
    expect((await page.request.post(path, { headers, data })).status(), path).toBe(404);
  expect((await page.request.get("/api/auth/list-sessions")).status()).toBe(404);

  // The session Better Auth reports is unchanged, and the viewer is still who they were.
  const session = (await (await page.request.get("/api/auth/get-session")).json()) as {
    user: { name: string; image: string | null };
  };
  expect(session.user).toMatchObject({ name: "Vic Viewer", image: null });
  await page.goto("/services");
  await expect(page.getByText("Signed in as Vic Viewer")).toBeVisible();
});
