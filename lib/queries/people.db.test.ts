import { verifyPassword } from "better-auth/crypto";
import { describe, expect, it } from "vitest";

import { listAuditLog } from "@/lib/queries/audit";
import { createFirstAdmin, ensureFirstAdmin, isSetupTokenValid } from "@/lib/queries/setup";
import {
  claimSignInAttempt,
  signInLockedForMinutes,
  signInSucceeded,
  singleSignOnFailed,
  singleSignOnLockedForMinutes,
} from "@/lib/queries/sign-in-attempts";
import { addMembership, createTeam, removeMembership } from "@/lib/queries/teams";
import { createUser, setUserActive, setUserRole } from "@/lib/queries/users";
import { createTestAdmin, createTestUser, setUpTestDatabase, unique } from "@/lib/testing/db";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/lib/validations/user";
import { attempt } from "@/lib/write";

const getDb = setUpTestDatabase();

describe("users", () => {
  it("are created with a password hashed by Better Auth, never stored as typed, and audited", async () => {
    const admin = await createTestAdmin();
    const email = `${unique("person")}@example.com`;
    await createUser({ name: "Hana", email, role: "MEMBER", password: "a long pass phrase" }, admin);
    const account = await getDb().account.findFirstOrThrow({ where: { user: { email } } });
    expect(account.providerId).toBe("credential");
    expect(account.password).not.toContain("a long pass phrase");
    expect(await verifyPassword({ hash: account.password!, password: "a long pass phrase" })).toBe(true);
    const [entry] = await listAuditLog({ actorId: admin.id, kind: "user.created" });
    expect(entry).toMatchObject({ actorName: admin.name, after: { email, role: "MEMBER", name: "Hana" } });
    expect(JSON.stringify(entry)).not.toContain("pass phrase");
  });

  it("refuse a taken email as a field error and keep nothing half-made", async () => {
    const admin = await createTestAdmin();
    const email = `${unique("twice")}@example.com`;
    await createUser({ name: "First", email, role: "VIEWER", password: "a long pass phrase" }, admin);
    const accounts = await getDb().account.count();
    expect(
      await attempt(() =>
        createUser({ name: "Second", email, role: "VIEWER", password: "a long pass phrase" }, admin),
      ),
    ).toEqual({
      ok: false,
      code: "invalid",
      message: { key: "validation.user.email.taken" },
      fieldErrors: { email: [{ key: "validation.user.email.taken" }] },
    });
    expect(await getDb().account.count()).toBe(accounts);
  });

  it("keep at least one active admin, and an admin cannot deactivate themselves", async () => {
    const admin = await createTestAdmin();
    // Every other admin is deactivated, so this one is the last.
    await getDb().user.updateMany({
      where: { role: "ADMIN", id: { not: admin.id } },
      data: { deactivatedAt: new Date() },
    });
    expect(await attempt(() => setUserRole(admin.id, "VIEWER", admin))).toEqual({
      ok: false,
      code: "conflict",
      message: { key: "validation.user.role.lastAdmin" },
      fieldErrors: { role: [{ key: "validation.user.role.lastAdmin" }] },
    });
    expect(await attempt(() => setUserActive(admin.id, false, admin))).toMatchObject({
      ok: false,
      code: "conflict",
      message: { key: "validation.user.deactivate.self" },
    });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("lose their sessions when deactivated, keep their history, and the change is audited before/after", async () => {
    const admin = await createTestAdmin();
    const person = await createTestUser("MEMBER");
    await getDb().session.create({
      data: { userId: person.id, token: unique("token"), expiresAt: new Date(Date.now() + 3600_000) },
    });
    expect(await setUserActive(person.id, false, admin)).toEqual({ id: person.id });
    expect(await getDb().session.count({ where: { userId: person.id } })).toBe(0);
    expect(await getDb().user.findUnique({ where: { id: person.id } })).not.toBeNull();
    const [entry] = await listAuditLog({ actorId: admin.id, kind: "user.deactivated" });
    expect(entry).toMatchObject({ before: { deactivated: false }, after: { deactivated: true } });
  });
});

describe("teams and memberships", () => {
  it("are audited with the team, so the team's own log finds them", async () => {
    const admin = await createTestAdmin();
    const slug = unique("squad");
    const { id: teamId } = await createTeam({ name: "Squad", slug, description: "" }, admin);
    const person = await createTestUser("MEMBER");
    await addMembership(teamId, person.id, admin);
    await addMembership(teamId, person.id, admin);
    await removeMembership(teamId, person.id, admin);
    const log = await listAuditLog({ teamId });
    expect(log.map((entry) => entry.kind)).toEqual([
      "membership.removed",
      "membership.added",
      "team.created",
    ]);
    expect(await attempt(() => createTeam({ name: "Again", slug, description: "" }, admin))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { slug: [{ key: "validation.team.slug.taken" }] },
    });
  });
});

describe("sign-in attempts", () => {
  it("lock an account after repeated failures, per account and not for others", async () => {
    const email = `${unique("guessed")}@example.com`;
    const now = new Date();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT - 1; attempt++)
      expect(await claimSignInAttempt(email, "192.0.2.10")).toBe(0);
    expect(await signInLockedForMinutes(email, "192.0.2.10", now)).toBe(0);
    expect(await claimSignInAttempt(email, "192.0.2.11")).toBe(0);
    expect(await signInLockedForMinutes(email, "192.0.2.99")).toBeGreaterThan(0);
    expect(await claimSignInAttempt(email, "192.0.2.99")).toBeGreaterThan(0);
    expect(await signInLockedForMinutes(`${unique("other")}@example.com`, "192.0.2.99")).toBe(0);
    // The window passes.
    expect(await signInLockedForMinutes(email, "192.0.2.99", new Date(Date.now() + 16 * 60_000))).toBe(0);
  });

  it("let exactly the allowed number through when attempts arrive all at once", async () => {
    const email = `${unique("burst")}@example.com`;
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, index) => claimSignInAttempt(email, `192.0.2.${100 + index}`)),
    );
    expect(outcomes.filter((minutes) => minutes === 0)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(await getDb().signInAttempt.count({ where: { email } })).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it("forgive an account's typos once its password is right", async () => {
    const email = `${unique("typo")}@example.com`;
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT - 1; attempt++)
      await claimSignInAttempt(email, "192.0.2.20");
    // The right password, on the last attempt allowed.
    expect(await claimSignInAttempt(email, "192.0.2.20")).toBe(0);
    await signInSucceeded(email, "192.0.2.20");
    expect(await signInLockedForMinutes(email, "192.0.2.20")).toBe(0);
    expect(await getDb().signInAttempt.findMany({ where: { email }, select: { succeeded: true } })).toEqual([
      { succeeded: true },
    ]);
  });

  it("lock an address that tries many accounts, or fails single sign-on again and again", async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt++)
      await claimSignInAttempt(`${unique("spray")}@example.com`, address);
    expect(await signInLockedForMinutes(`${unique("fresh")}@example.com`, address)).toBeGreaterThan(0);
    expect(await singleSignOnLockedForMinutes(address)).toBeGreaterThan(0);

    const ssoAddress = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS - 1; attempt++)
      await singleSignOnFailed(ssoAddress);
    expect(await singleSignOnLockedForMinutes(ssoAddress)).toBe(0);
    await singleSignOnFailed(ssoAddress);
    expect(await singleSignOnLockedForMinutes(ssoAddress)).toBeGreaterThan(0);
    expect(await claimSignInAttempt(`${unique("fresh")}@example.com`, ssoAddress)).toBeGreaterThan(0);
    // Failed single sign-ons lock no account, whoever they were.
    expect(await singleSignOnLockedForMinutes("192.0.2.250")).toBe(0);
  });
});

describe("first start", () => {
  it("offers a one-time setup link while no admin exists, and the link works once", async () => {
    await getDb().user.updateMany({ where: { role: "ADMIN" }, data: { deactivatedAt: new Date() } });
    const outcome = await ensureFirstAdmin();
    expect(outcome.kind).toBe("setup-link");
    const token = (outcome as { token: string }).token;
    expect(await isSetupTokenValid(token)).toBe(true);
    expect(await isSetupTokenValid("not-the-token")).toBe(false);
    // Only a hash is stored.
    expect(JSON.stringify(await getDb().instanceSetting.findMany())).not.toContain(token);

    const email = `${unique("first")}@example.com`;
    const invalidLink = { ok: false, code: "not-found", message: { key: "auth.setupInvalid" } };
    expect(
      await attempt(() =>
        createFirstAdmin({ name: "First admin", email, password: "the first admin pass", token: "wrong" }),
      ),
    ).toEqual(invalidLink);
    expect(
      await attempt(() =>
        createFirstAdmin({ name: "First admin", email, password: "the first admin pass", token }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await attempt(() =>
        createFirstAdmin({
          name: "Second",
          email: `${unique("second")}@example.com`,
          password: "the first admin pass",
          token,
        }),
      ),
    ).toEqual(invalidLink);
    expect((await getDb().user.findUniqueOrThrow({ where: { email } })).role).toBe("ADMIN");
    expect(await ensureFirstAdmin()).toEqual({ kind: "exists" });
  });
});
