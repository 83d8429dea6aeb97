import { getDb } from "@/lib/db";

// Generous enough for typos, tight enough that guessing a password is hopeless.
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** Minutes until another attempt is allowed for this account or address, or 0 when it is. */
export async function signInLockedForMinutes(
  email: string,
  ipAddress: string,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const db = getDb();
  const [byAccount, byAddress] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_ACCOUNT,
      select: { createdAt: true },
    }),
    db.signInAttempt.findMany({
      where: { ipAddress, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_ADDRESS,
      select: { createdAt: true },
    }),
  ]);
  // Locked until the oldest failure that counts leaves the window.
  const unlockAt = (failures: { createdAt: Date }[], max: number) =>
    failures.length >= max ? failures[max - 1]!.createdAt.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000 : 0;
  const until = Math.max(
    unlockAt(byAccount, MAX_FAILURES_PER_ACCOUNT),
    unlockAt(byAddress, MAX_FAILURES_PER_ADDRESS),
  );
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

export async function recordSignInAttempt(email: string, ipAddress: string, succeeded: boolean) {
  const db = getDb();
  await db.signInAttempt.create({ data: { email, ipAddress, succeeded } });
  // A successful sign-in forgives the account's earlier typos.
  if (succeeded) await db.signInAttempt.deleteMany({ where: { email, succeeded: false } });
}
