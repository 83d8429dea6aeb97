import { describe, expect, it } from "vitest";

import { formInput } from "@/lib/forms/state";
import { answerSchema } from "@/lib/validations/answer";
import { newEvidenceSchema as evidenceSchemaOfSize } from "@/lib/validations/evidence";
import { reviewDecisionSchema } from "@/lib/validations/review";
import { serviceSchema, servicesQuerySchema } from "@/lib/validations/service";
import { newUserSchema, nextPathSchema } from "@/lib/validations/user";
import { fieldErrorsFrom } from "@/lib/validations/zod";

function form(entries: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const one of [value].flat()) data.append(key, one);
  return data;
}

// As the server actions read them (lib/forms/state.ts).
const parseServiceForm = (data: FormData) => serviceSchema.safeParse(formInput(data, ["traits"]));
const parseAnswerForm = (data: FormData) => answerSchema.safeParse(formInput(data));
const newEvidenceSchema = evidenceSchemaOfSize(10 * 1024 * 1024);

const TEAM = "3f1c2a4e-8a1b-4c1d-9e2f-0a1b2c3d4e5f";
const validService = {
  name: "Checkout API",
  slug: "checkout-api",
  description: "",
  teamId: TEAM,
  tier: "1",
  traits: ["SERVES_HTTP", "BEHIND_NGINX"],
};

describe("the service form", () => {
  it("accepts a complete service and normalises it", () => {
    const parsed = parseServiceForm(form({ ...validService, name: "  Checkout API ", slug: "Checkout-API" }));
    expect(parsed.success && parsed.data).toEqual({
      name: "Checkout API",
      slug: "checkout-api",
      description: "",
      teamId: TEAM,
      tier: 1,
      traits: ["SERVES_HTTP", "BEHIND_NGINX"],
    });
  });

  it("names every bad field with a message key", () => {
    const parsed = parseServiceForm(
      form({ name: " ", slug: "no spaces!", teamId: "", tier: "4", traits: ["flies!"] }),
    );
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsFrom(parsed.error!);
    expect(errors.name?.[0]?.key).toBe("validation.service.name.required");
    expect(errors.slug?.[0]?.key).toBe("validation.service.slug.format");
    expect(errors.teamId?.[0]?.key).toBe("validation.service.team.required");
    expect(errors.tier?.[0]?.key).toBe("validation.service.tier.invalid");
    expect(errors.traits?.[0]?.key).toBe("validation.service.traits.invalid");
  });

  it("refuses slugs with leading, trailing or doubled hyphens", () => {
    for (const slug of ["-api", "api-", "check--out", "a"]) {
      expect(parseServiceForm(form({ ...validService, slug })).success, slug).toBe(false);
    }
  });

  it("needs Serves HTTP for Behind nginx", () => {
    const parsed = parseServiceForm(form({ ...validService, traits: ["BEHIND_NGINX"] }));
    expect(parsed.success).toBe(false);
    expect(fieldErrorsFrom(parsed.error!).traits?.[0]?.key).toBe("validation.service.traits.nginxNeedsHttp");
  });

  it("says so even when no tier was chosen at all (a radio group sends nothing)", () => {
    const { tier: _, ...withoutTier } = validService;
    const errors = fieldErrorsFrom(
      parseServiceForm(form({ ...withoutTier, traits: ["BEHIND_NGINX"] })).error!,
    );
    expect(errors.tier?.[0]?.key).toBe("validation.service.tier.invalid");
    expect(errors.traits?.[0]?.key).toBe("validation.service.traits.nginxNeedsHttp");
  });

  it("reads the list's query string leniently", () => {
    expect(servicesQuerySchema.parse({ team: "payments", page: "2" })).toEqual({ team: "payments", page: 2 });
    expect(servicesQuerySchema.parse({ team: "<script>", page: "-1" })).toEqual({
      team: undefined,
      page: undefined,
    });
  });
});

describe("the answer form", () => {
  const base = {
    serviceId: TEAM,
    itemKey: "http.latency",
    status: "PARTIAL",
    note: " p95 only ",
    revision: "2",
  };

  it("trims the note", () => {
    const parsed = parseAnswerForm(form(base));
    expect(parsed.success && parsed.data).toEqual({
      serviceId: TEAM,
      itemKey: "http.latency",
      status: "PARTIAL",
      note: "p95 only",
      revision: 2,
    });
  });

  it("needs the revision it was read at", () => {
    const { revision: _revision, ...unread } = base;
    expect(fieldErrorsFrom(parseAnswerForm(form(unread)).error!).revision?.[0]?.key).toBe(
      "validation.revision.missing",
    );
  });

  it("needs a reason next to the note to mark an item not applicable", () => {
    const parsed = parseAnswerForm(form({ ...base, status: "NOT_APPLICABLE", note: "  " }));
    expect(fieldErrorsFrom(parsed.error!).note?.[0]?.key).toBe("validation.answer.note.naReason");
    expect(parseAnswerForm(form({ ...base, status: "NOT_APPLICABLE", note: "No HTTP here" })).success).toBe(
      true,
    );
  });

  it("needs a status from the list", () => {
    expect(fieldErrorsFrom(parseAnswerForm(form({ ...base, status: "" })).error!).status?.[0]?.key).toBe(
      "validation.answer.status.required",
    );
    expect(answerSchema.safeParse({ ...base, status: "DONE" }).success).toBe(false);
  });

  it("limits notes", () => {
    expect(parseAnswerForm(form({ ...base, note: "x".repeat(5001) })).success).toBe(false);
  });
});

// Hostile addresses, from the XSS filter evasion cheat sheet's URL tricks: none may become a link.
const HOSTILE_LINKS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "javascript&#58;alert(1)",
  "&#106;avascript:alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "data:image/svg+xml,<svg onload=alert(1)>",
  "file:///etc/passwd",
  "ftp://x.example",
  "//evil.example/x",
  "example.com",
  "https://",
  "http:// spaced.example",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
];

describe("evidence input", () => {
  const target = { serviceId: TEAM, itemKey: "http.latency" };

  it("takes an http or https link with an optional title", () => {
    expect(
      newEvidenceSchema.parse({
        ...target,
        kind: "LINK",
        url: " https://grafana.example/d/1 ",
        title: " p95 ",
      }),
    ).toMatchObject({ url: "https://grafana.example/d/1", title: "p95" });
    expect(newEvidenceSchema.parse({ ...target, kind: "LINK", url: "http://wiki.example" })).toMatchObject({
      title: "",
    });
  });

  it("refuses every hostile or non-web address with a message on the address field", () => {
    for (const url of HOSTILE_LINKS) {
      const parsed = newEvidenceSchema.safeParse({ ...target, kind: "LINK", url });
      expect(parsed.success, url).toBe(false);
      expect(fieldErrorsFrom(parsed.error!).url?.[0]?.key, url).toBe("validation.evidence.url.invalid");
    }
    expect(
      fieldErrorsFrom(newEvidenceSchema.safeParse({ ...target, kind: "LINK", url: "" }).error!).url?.[0]?.key,
    ).toBe("validation.evidence.url.required");
  });

  it("needs a note's text and keeps it under the limit", () => {
    expect(
      fieldErrorsFrom(newEvidenceSchema.safeParse({ ...target, kind: "NOTE", body: "   " }).error!).body?.[0]
        ?.key,
    ).toBe("validation.evidence.body.required");
    expect(newEvidenceSchema.safeParse({ ...target, kind: "NOTE", body: "x".repeat(20_001) }).success).toBe(
      false,
    );
  });

  it("knows only links, notes and files", () => {
    expect(newEvidenceSchema.safeParse({ ...target, kind: "SCRIPT" }).success).toBe(false);
  });
});

describe("review decisions", () => {
  const target = { serviceId: TEAM, itemKey: "http.latency", revision: "3" };

  it("carry the answer's revision the reviewer read", () => {
    const { revision: _, ...unread } = target;
    expect(
      fieldErrorsFrom(reviewDecisionSchema.safeParse({ ...unread, decision: "ACCEPT" }).error!).revision?.[0]
        ?.key,
    ).toBe("validation.revision.missing");
    expect(reviewDecisionSchema.parse({ ...target, decision: "ACCEPT" })).toMatchObject({ revision: 3 });
  });

  it("need a comment to request changes or reject an N/A, but not to accept", () => {
    expect(
      fieldErrorsFrom(
        reviewDecisionSchema.safeParse({ ...target, decision: "REQUEST_CHANGES", comment: " " }).error!,
      ).comment?.[0]?.key,
    ).toBe("validation.review.comment.required");
    expect(reviewDecisionSchema.safeParse({ ...target, decision: "REJECT_NA" }).success).toBe(false);
    expect(reviewDecisionSchema.safeParse({ ...target, decision: "ACCEPT" }).success).toBe(true);
  });

  it("take an optional expiry day for an approved N/A", () => {
    expect(reviewDecisionSchema.parse({ ...target, decision: "APPROVE_NA", expiresOn: "" })).toMatchObject({
      expiresOn: undefined,
    });
    expect(
      reviewDecisionSchema.parse({ ...target, decision: "APPROVE_NA", expiresOn: "2027-03-31" }),
    ).toMatchObject({ expiresOn: "2027-03-31" });
    expect(
      fieldErrorsFrom(
        reviewDecisionSchema.safeParse({ ...target, decision: "APPROVE_NA", expiresOn: "next week" }).error!,
      ).expiresOn?.[0]?.key,
    ).toBe("validation.review.expiresOn.invalid");
  });
});

describe("the password policy", () => {
  const user = { name: "Hana", email: "hana@example.com", role: "MEMBER" };
  const passwordErrors = (password: string) => {
    const parsed = newUserSchema.safeParse({ ...user, password });
    return parsed.success
      ? []
      : parsed.error.issues.filter((issue) => issue.path[0] === "password").map((issue) => issue.message);
  };

  it("takes a long phrase", () => {
    expect(passwordErrors("correct horse battery staple")).toEqual([]);
  });

  it("refuses short, repetitive and email-like passwords with a reason", () => {
    expect(passwordErrors("short")).toEqual(["validation.user.password.tooShort"]);
    expect(passwordErrors("aaaaaaaaaaaaaaaa")).toEqual(["validation.user.password.tooSimple"]);
    expect(passwordErrors("hana-is-my-password")).toEqual(["validation.user.password.containsEmail"]);
    expect(passwordErrors("x".repeat(129))).toEqual(["validation.user.password.tooLong"]);
  });

  it("sends people only to paths of this site after sign-in", () => {
    expect(nextPathSchema.parse("/services/checkout-api")).toBe("/services/checkout-api");
    expect(nextPathSchema.parse("https://evil.example/")).toBe("/services");
    expect(nextPathSchema.parse("//evil.example/")).toBe("/services");
    expect(nextPathSchema.parse("/\\evil.example")).toBe("/services");
    expect(nextPathSchema.parse("/sign-in?next=/x")).toBe("/services");
  });
});
