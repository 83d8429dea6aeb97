import { describe, expect, it } from "vitest";

import { proposeSlug } from "@/lib/slug";
import { serviceSchema } from "@/lib/validations/service";

describe("proposeSlug", () => {
  it.each([
    ["Checkout API", "checkout-api"],
    ["  Payments -- Gateway (v2) ", "payments-gateway-v2"],
    ["Café Order Service", "cafe-order-service"],
    ["ＡＰＩ Ｇａｔｅｗａｙ", "api-gateway"],
    ["決済 API", "api"],
    ["Auth_Service.internal", "auth-service-internal"],
    ["Straßen Dienst", "strassen-dienst"],
  ])("proposes a slug for %j", (name, slug) => {
    expect(proposeSlug(name)).toBe(slug);
  });

  it.each(["決済サービス", "", "   ", "A", "－"])("proposes nothing for %j", (name) => {
    expect(proposeSlug(name)).toBe("");
  });

  it("proposes only slugs the server accepts, cut at the slug's length limit", () => {
    const names = ["a".repeat(80), `${"ab-".repeat(30)}x`, "Über-Groß Straße 12", "x1 y2 z3"];
    for (const name of names) {
      const slug = proposeSlug(name);
      expect(slug.length).toBeLessThanOrEqual(50);
      expect(serviceSchema.shape.slug.safeParse(slug).success, slug).toBe(true);
    }
  });
});
