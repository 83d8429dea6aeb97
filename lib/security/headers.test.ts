import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, createNonce } from "@/lib/security/headers";

describe("the Content-Security-Policy", () => {
  it("allows only scripts with the request's nonce, never eval, and no framing", () => {
    const nonce = createNonce();
    const policy = contentSecurityPolicy({ nonce, dev: false });
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
  });

  it("lets forms reach the identity provider when single sign-on is on", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: false, ssoOrigin: "https://idp.example.com" })).toContain(
      "form-action 'self' https://idp.example.com",
    );
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true })).toContain("'unsafe-eval'");
  });

  it("uses a new nonce every time", () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
