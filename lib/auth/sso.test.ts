import { describe, expect, it } from "vitest";

import { roleFromClaims } from "@/lib/auth/sso";

describe("the role of a first SSO sign-in", () => {
  it("is viewer unless the claims are mapped", () => {
    expect(roleFromClaims({ groups: ["sre"] }, undefined)).toBe("VIEWER");
    expect(roleFromClaims({ groups: ["sales"] }, "sre=sre,tenken-admins=admin")).toBe("VIEWER");
  });

  it("takes the highest mapped role from the claim", () => {
    expect(roleFromClaims({ groups: ["sre", "tenken-admins"] }, "sre=sre, tenken-admins=admin")).toBe(
      "ADMIN",
    );
    expect(roleFromClaims({ groups: ["payments"] }, "payments=member")).toBe("MEMBER");
    expect(roleFromClaims({ roles: "sre" }, "sre=SRE", "roles")).toBe("SRE");
  });

  it("ignores unknown roles in the map", () => {
    expect(roleFromClaims({ groups: ["x"] }, "x=superuser")).toBe("VIEWER");
  });
});
