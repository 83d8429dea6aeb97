import { describe, expect, it } from "vitest";

import { DEFAULT_RETURN_PATH, safeReturnPath, sameOriginPath } from "@/lib/security/redirect";

// Open-redirect payloads: from the usual cheat sheets and from what probing tenken found. Each
// must leave the person on tenken: either refused (the default path) or a path of tenken's own
// that no browser reads as another host.
const HOSTILE = [
  // Absolute and scheme-relative addresses, in every spelling.
  "https://evil.example",
  "http://evil.example/services",
  "HtTpS://evil.example",
  "//evil.example",
  "//evil.example/%2e%2e",
  "///evil.example",
  "////evil.example",
  "\\\\evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  // Dot segments and their encodings, which a client normalises into "//host".
  "/.//evil.example",
  "/x/..//evil.example",
  "/x/../..//evil.example",
  "/%2e//evil.example",
  "/%2E//evil.example",
  "/x/%2e%2e//evil.example",
  "/.\\/evil.example",
  "/./\\evil.example",
  "/.%5c/evil.example",
  "/./%5c/evil.example",
  // Tabs, newlines and other characters the URL parser strips.
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "/\u0000/evil.example",
  // Userinfo and @.
  "//user@evil.example",
  "//tenken.invalid@evil.example",
  "/\\tenken.invalid@evil.example",
  "https://tenken.invalid@evil.example",
  // Schemes that run or read something.
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  // Hosts in other shapes: IDN, full-width dots, IPv4 and IPv6 literals, decimal IPs.
  "//evil。example",
  "//ｅｖｉｌ.example",
  "//xn--80ak6aa92e.example",
  "//[::1]/",
  "//[2001:db8::1]:8080/",
  "//127.0.0.1/",
  "//2130706433/",
  "//0x7f.1/",
  // Encoded slashes and doubled encodings, when nothing else is in front.
  "%2F%2Fevil.example",
  "%2f%2fevil.example",
  "%252F%252Fevil.example",
  // Not places to come back to.
  "/sign-in?next=/services",
  "/sign-in",
  "/api/auth/sign-out",
  "",
];

// Paths of tenken's own, kept (normalised) even when written oddly.
const OWN = [
  ["/services/checkout-api", "/services/checkout-api"],
  ["/overview?team=payments&tier=1#heatmap", "/overview?team=payments&tier=1#heatmap"],
  ["/services/./checkout-api", "/services/checkout-api"],
  ["/services/x/../checkout-api", "/services/checkout-api"],
  ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["/%252e%252e//evil.example", "/%252e%252e//evil.example"],
  ["/@evil.example", "/@evil.example"],
  ["/services/チェックアウト", "/services/%E3%83%81%E3%82%A7%E3%83%83%E3%82%AF%E3%82%A2%E3%82%A6%E3%83%88"],
] as const;

describe("where people are sent back to", () => {
  it("knows at least forty hostile targets", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
  });

  for (const target of HOSTILE) {
    it(`keeps ${JSON.stringify(target)} on tenken`, () => {
      const path = safeReturnPath(target);
      // As a browser resolves the answer against the page it is on.
      const resolved = new URL(path, "https://tenken.example/sign-in");
      expect(resolved.origin).toBe("https://tenken.example");
      expect(path).toMatch(/^\/(?![/\\])/);
      expect(path.startsWith("/sign-in") || path.startsWith("/api/")).toBe(false);
    });
  }

  it("refuses what cannot be a path of tenken's, with the default", () => {
    for (const target of ["https://evil.example", "/.//evil.example", "/%2e//evil.example", "/sign-in", ""]) {
      expect(safeReturnPath(target), target).toBe(DEFAULT_RETURN_PATH);
    }
    expect(safeReturnPath(undefined)).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath(["/services"])).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath(`/${"x".repeat(2000)}`)).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath("//evil.example", "/overview")).toBe("/overview");
  });

  it("keeps tenken's own paths, normalised, never as they were given", () => {
    for (const [target, expected] of OWN) expect(safeReturnPath(target), target).toBe(expected);
  });

  it("lets a callback lead to the sign-in page (an SSO error) but never off the site", () => {
    expect(sameOriginPath("/sign-in?error=sso&next=%2Fservices")).toBe("/sign-in?error=sso&next=%2Fservices");
    for (const target of HOSTILE.filter((hostile) => !/^\/(sign-in|api\/)/.test(hostile))) {
      const path = sameOriginPath(target);
      if (path !== null)
        expect(new URL(path, "https://tenken.example/").origin, target).toBe("https://tenken.example");
    }
  });
});
