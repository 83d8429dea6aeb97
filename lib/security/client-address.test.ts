import { describe, expect, it } from "vitest";

import { clientAddressOf, throttledAddress, trustedProxies } from "@/lib/security/client-address.mjs";

describe("the client's address", () => {
  const none = trustedProxies("");
  const proxies = trustedProxies("10.0.0.0/8, 192.0.2.10, fd00::/8");

  it("is the connection's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddressOf("192.0.2.50", "192.0.2.51", none)).toBe("192.0.2.50");
    expect(clientAddressOf("::ffff:192.0.2.50", undefined, none)).toBe("192.0.2.50");
    expect(clientAddressOf("2001:db8::1", "198.51.100.7", none)).toBe("2001:db8::1");
  });

  it("behind trusted proxies, is the first untrusted hop from the right", () => {
    // nginx (10.0.0.2) appended the client's address; whatever the client wrote is further left.
    expect(clientAddressOf("10.0.0.2", "203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(clientAddressOf("10.0.0.2", "192.0.2.51, 203.0.113.9", proxies)).toBe("203.0.113.9");
    // Two proxies in a row.
    expect(clientAddressOf("192.0.2.10", "203.0.113.9, 10.1.2.3", proxies)).toBe("203.0.113.9");
    expect(clientAddressOf("fd00::5", "2001:db8::9", proxies)).toBe("2001:db8::9");
  });

  it("is never something that is not an address", () => {
    expect(clientAddressOf("10.0.0.2", "not-an-ip", proxies)).toBe("unknown");
    expect(clientAddressOf(undefined, "203.0.113.9", proxies)).toBe("unknown");
    // A trusted proxy that passes no header is itself the client.
    expect(clientAddressOf("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
  });

  it("refuses a setting that is not a list of addresses and ranges", () => {
    expect(() => trustedProxies("10.0.0.0/8, nginx")).toThrow(/TENKEN_TRUSTED_PROXIES/);
  });
});

describe("the address sign-in is throttled by", () => {
  it("is an IPv4 address as it is", () => {
    expect(throttledAddress("192.0.2.50")).toBe("192.0.2.50");
    expect(throttledAddress("unknown")).toBe("unknown");
  });

  it("is an IPv6 address's /64, however the address is written", () => {
    for (const address of [
      "2001:db8:1:2::1",
      "2001:DB8:1:2:ffff:ffff:ffff:ffff",
      "2001:0db8:0001:0002:0:0:0:9",
    ])
      expect(throttledAddress(address)).toBe("2001:db8:1:2::/64");
    expect(throttledAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttledAddress("::1")).toBe("0:0:0:0::/64");
    expect(throttledAddress("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
  });
});
