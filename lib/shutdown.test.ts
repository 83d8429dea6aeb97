import { describe, expect, it } from "vitest";

import { demoDataPolicy } from "@/lib/env";
import { DEFAULT_SHUTDOWN_GRACE_SECONDS, shutdownGraceSeconds } from "@/lib/shutdown.mjs";

describe("TENKEN_SHUTDOWN_GRACE_SECONDS", () => {
  it("defaults to less than Kubernetes' 30 s, and takes whole seconds from 0 to 3600", () => {
    expect(DEFAULT_SHUTDOWN_GRACE_SECONDS).toBeLessThan(30);
    expect(shutdownGraceSeconds(undefined)).toBe(DEFAULT_SHUTDOWN_GRACE_SECONDS);
    expect(shutdownGraceSeconds(" ")).toBe(DEFAULT_SHUTDOWN_GRACE_SECONDS);
    expect(shutdownGraceSeconds("0")).toBe(0);
    expect(shutdownGraceSeconds(" 12 ")).toBe(12);
    expect(shutdownGraceSeconds("3600")).toBe(3600);
  });

  it.each(["-1", "1.5", "3601", "ten", "1e3", "0x10"])("refuses %j", (value) => {
    expect(() => shutdownGraceSeconds(value)).toThrow(/TENKEN_SHUTDOWN_GRACE_SECONDS/);
  });
});

describe("demo data on a first start", () => {
  it("is loaded into the embedded database unless TENKEN_DEMO_DATA=off", () => {
    expect(demoDataPolicy("pglite", undefined)).toEqual({ load: true });
    expect(demoDataPolicy("pglite", "on")).toEqual({ load: true });
    expect(demoDataPolicy("pglite", "off")).toEqual({ load: false, reason: "TENKEN_DEMO_DATA=off" });
  });

  it("is loaded into a PostgreSQL server only with TENKEN_DEMO_DATA=on", () => {
    expect(demoDataPolicy("postgres", undefined)).toEqual({
      load: false,
      reason: "PostgreSQL without TENKEN_DEMO_DATA=on",
    });
    expect(demoDataPolicy("postgres", "on")).toEqual({ load: true });
    expect(demoDataPolicy("postgres", "off")).toEqual({ load: false, reason: "TENKEN_DEMO_DATA=off" });
  });
});
