import { newUserSchema, nextPathSchema } from "@/lib/validations/user";
import { describe, expect, it } from "vitest";
import { answerSchema, parseAnswerForm } from "@/lib/validations/answer";
import { fieldErrorsFrom } from "@/lib/validations/form";
import { parseServiceForm, servicesQuerySchema } from "@/lib/validations/service";

function form(entries: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const one of [value].flat()) data.append(key, one);
  return data;
}

const TEAM = "3f1c2a4e-8a1b-4c1d-9e2f-0a1b2c3d4e5f";
const validService = { name: "Checkout API", slug: "checkout-api", description: "", teamId: TEAM, tier: "1", traits: ["SERVES_HTTP", "BEHIND_NGINX"] };

describe("the service form", () => {
  it("accepts a complete service and normalises it", () => {
    const parsed = parseServiceForm(form({ ...validService, name: "  Checkout API ", slug: "Checkout-API" }));
    expect(parsed.success && parsed.data).toEqual({ name: "Checkout API", slug: "checkout-api", description: "", teamId: TEAM, tier: 1, traits: ["SERVES_HTTP", "BEHIND_NGINX"] });
  });

  it("names every bad field with a message key", () => {
    const parsed = parseServiceForm(form({ name: " ", slug: "no spaces!", teamId: "", tier: "4", traits: ["FLIES"] }));
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

  it("reads the list's query string leniently", () => {
    expect(servicesQuerySchema.parse({ team: "payments", page: "2" })).toEqual({ team: "payments", page: 2 });
    expect(servicesQuerySchema.parse({ team: "<script>", page: "-1" })).toEqual({ team: undefined, page: undefined });
  });
});

describe("the answer form", () => {
  const base = { serviceId: TEAM, itemKey: "http.latency", status: "PARTIAL", note: " p95 only ", links: "" };

  it("splits links by line, trims them and drops duplicates and blanks", () => {
    const parsed = parseAnswerForm(form({ ...base, links: " https://a.example/x \n\nhttp://b.example\r\nhttps://a.example/x" }));
    expect(parsed.success && parsed.data).toEqual({ serviceId: TEAM, itemKey: "http.latency", status: "PARTIAL", note: "p95 only", links: ["https://a.example/x", "http://b.example"] });
  });

  it("refuses links that are not http or https, naming the line", () => {
    for (const link of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "ftp://x.example", "example.com", "https://"]) {
      const parsed = parseAnswerForm(form({ ...base, links: `https://ok.example\n${link}` }));
      expect(parsed.success, link).toBe(false);
      expect(fieldErrorsFrom(parsed.error!).links?.[0]).toMatchObject({ key: "validation.answer.links.invalid", values: { line: 2 } });
    }
  });

  it("needs a status from the list", () => {
    expect(fieldErrorsFrom(parseAnswerForm(form({ ...base, status: "" })).error!).status?.[0]?.key).toBe("validation.answer.status.required");
    expect(answerSchema.safeParse({ ...base, status: "DONE" }).success).toBe(false);
  });

  it("limits notes and the number of links", () => {
    expect(parseAnswerForm(form({ ...base, note: "x".repeat(5001) })).success).toBe(false);
    const links = Array.from({ length: 21 }, (_, index) => `https://l.example/${index}`).join("\n");
    expect(fieldErrorsFrom(parseAnswerForm(form({ ...base, links })).error!).links?.[0]).toMatchObject({ key: "validation.answer.links.tooMany", values: { max: 20 } });
  });
});

describe("the password policy", () => {
  const user = { name: "Hana", email: "hana@example.com", role: "MEMBER" };
  const passwordErrors = (password: string) => {
    const parsed = newUserSchema.safeParse({ ...user, password });
    return parsed.success ? [] : parsed.error.issues.filter((issue) => issue.path[0] === "password").map((issue) => issue.message);
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
