import fc from "fast-check";
import { describe, expect, it } from "vitest";

import en from "@/lib/i18n/messages/en.json";
import * as answer from "@/lib/validations/answer";
import * as audit from "@/lib/validations/audit";
import * as checklistDocument from "@/lib/validations/checklist-document";
import * as checklistEditor from "@/lib/validations/checklist-editor";
import * as evidence from "@/lib/validations/evidence";
import * as locale from "@/lib/validations/locale";
import * as overview from "@/lib/validations/overview";
import * as retrospective from "@/lib/validations/retrospective";
import * as review from "@/lib/validations/review";
import * as service from "@/lib/validations/service";
import * as settings from "@/lib/validations/settings";
import * as trends from "@/lib/validations/trends";
import * as user from "@/lib/validations/user";
import { z } from "@/lib/validations/zod";

// Every schema at tenken's boundaries (forms, query strings, files), driven with random, hostile
// and oversized input: none may throw, and whatever it refuses is worded by a message of
// lib/i18n/messages, never by zod's own English.

const modules = {
  answer,
  audit,
  checklistDocument,
  checklistEditor,
  evidence,
  locale,
  overview,
  retrospective,
  review,
  service,
  settings,
  trends,
  user,
};

const schemas: [string, z.ZodType][] = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports).flatMap(([name, value]): [string, z.ZodType][] => {
    if (value instanceof z.ZodType) return [[`${module}.${name}`, value]];
    // Schemas made for a limit (the evidence file's size).
    if (typeof value === "function" && /Schema$/.test(name)) {
      const made = (value as (limit: number) => unknown)(1024 * 1024);
      return made instanceof z.ZodType ? [[`${module}.${name}`, made]] : [];
    }
    return [];
  }),
);

function messageKeys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : messageKeys(value as object, `${prefix}${key}.`),
  );
}
const KEYS = new Set(messageKeys(en));

// What hostile clients send: NUL and other control characters, right-to-left marks, lone
// surrogates, scripts, megabytes, numbers beyond any column, and values of the wrong shape.
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "\u202e",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "'; DROP TABLE services; --",
    " ",
    "2026-02-30",
    "00000000-0000-0000-0000-000000000000",
    "NaN",
    "-1",
    "1e308",
    "2147483648",
  ),
  fc.nat({ max: 300_000 }).map((length) => "x".repeat(length)),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(fc.string(), hostileString, { maxKeys: 3 }),
  fc.constant(new File(["not an image"], "x.png")),
);

/** Objects with the schema's own fields (when it has any), each given a hostile value. */
function inputsFor(schema: z.ZodType) {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  const fields = shape ? Object.keys(shape) : [];
  return fc.oneof(
    fc.anything(),
    hostileValue,
    fields.length
      ? fc.record(Object.fromEntries(fields.map((field) => [field, hostileValue])), { requiredKeys: [] })
      : hostileValue,
  );
}

describe("every schema at the boundaries", () => {
  it("is found", () => {
    expect(schemas.length).toBeGreaterThan(40);
  });

  for (const [name, schema] of schemas) {
    it(`${name} never throws on hostile input, and words every refusal with a message key`, async () => {
      await fc.assert(
        fc.asyncProperty(inputsFor(schema), async (input) => {
          const parsed = await schema.safeParseAsync(input);
          if (!parsed.success)
            for (const issue of parsed.error.issues)
              expect(KEYS.has(issue.message), issue.message).toBe(true);
        }),
        { numRuns: 60 },
      );
    });
  }

  it("refuses a NUL character in any text, next to its field", async () => {
    const parsed = await answer.answerSchema.safeParseAsync({
      serviceId: "3f1c2a4e-8a1b-4c1d-9e2f-0a1b2c3d4e5f",
      itemKey: "http.latency",
      status: "MET",
      note: "p95\u0000",
      revision: "3",
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["note", "validation.text.unstorable"],
    ]);
  });
});
