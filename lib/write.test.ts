import { describe, expect, it } from "vitest";

import { fail } from "@/lib/errors";
import type { Principal } from "@/lib/permissions";
import { storableText, z } from "@/lib/validations/zod";
import { attempt, write } from "@/lib/write";

const viewer: Principal = { id: "v", name: "Vic", role: "VIEWER", teamIds: [] };
const admin: Principal = { id: "a", name: "Aiko", role: "ADMIN", teamIds: [] };
const schema = z.object({ name: storableText().min(1, "validation.team.name.required") });

describe("the one write path", () => {
  it("answers the write's data", async () => {
    expect(await write(schema, { name: "x" }, admin, async (input) => input.name)).toEqual({
      ok: true,
      data: "x",
    });
  });

  it("refuses nobody signed in before anything else", async () => {
    let ran = false;
    const result = await write(
      schema,
      { name: "x" },
      async () => null,
      async () => (ran = true),
    );
    expect(result).toEqual({ ok: false, code: "signed-out", message: { key: "auth.sessionExpired" } });
    expect(ran).toBe(false);
  });

  it("refuses whom the write's rule refuses before reading the input", async () => {
    let parsed = false;
    const expensive = z.unknown().transform(() => (parsed = true));
    const result = await write(expensive, "a huge file", viewer, async () => "written", "manageChecklist");
    expect(result).toEqual({ ok: false, code: "forbidden", message: { key: "errors.forbidden" } });
    expect(parsed).toBe(false);
  });

  it("answers bad input with a message per field", async () => {
    expect(await write(schema, { name: "" }, admin, async () => "written")).toEqual({
      ok: false,
      code: "invalid",
      message: { key: "errors.invalid" },
      fieldErrors: { name: [{ key: "validation.team.name.required" }] },
    });
  });

  it("turns what the write threw into its failure, and an unreachable database into 'unavailable'", async () => {
    expect(await attempt(() => Promise.reject(fail.conflict("trends.already-closed")))).toEqual({
      ok: false,
      code: "conflict",
      message: { key: "trends.already-closed" },
    });
    const outage = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(await attempt(() => Promise.reject(outage))).toMatchObject({ ok: false, code: "unavailable" });
  });

  it("lets a bug through to the error page", async () => {
    await expect(attempt(() => Promise.reject(new TypeError("a bug")))).rejects.toThrow("a bug");
  });
});
