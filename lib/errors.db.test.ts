import { describe, expect, it } from "vitest";

import { closeConnection, openConnection } from "@/lib/db";
import { isDatabaseUnreachable } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

describe("a database that cannot be reached", () => {
  it("is recognised as such, so pages and forms can say so instead of failing", async () => {
    // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
    const connection = openConnection({ kind: "postgres", url: "postgresql://tenken@127.0.0.1:9/tenken" });
    try {
      const error = await connection.prisma.team.findMany().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeDefined();
      expect(isDatabaseUnreachable(error)).toBe(true);
      const rawError = await connection.prisma.$queryRaw`SELECT 1`.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isDatabaseUnreachable(rawError)).toBe(true);
    } finally {
      await closeConnection(connection);
    }
  });

  it("is recognised when the connection is lost under a query, however it is wrapped", () => {
    // node-postgres's words for a connection that died mid-query (e2e/outage.spec.ts cuts one).
    const lost = new Error("Connection terminated unexpectedly");
    expect(isDatabaseUnreachable(lost)).toBe(true);
    // Better Auth, reading the session, wraps it.
    expect(isDatabaseUnreachable(new Error("Failed to get session", { cause: lost }))).toBe(true);
  });

  it("is told apart from other database errors", () => {
    const uniqueViolation = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", {
      code: "P2002",
      clientVersion: "7",
    });
    expect(isDatabaseUnreachable(uniqueViolation)).toBe(false);
    expect(isDatabaseUnreachable(new Error("boom"))).toBe(false);
  });
});
