import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_MINUTES,
} from "@/lib/validations/user";

type Reader = Pick<Prisma.TransactionClient, "signInAttempt">;

/**
 * Minutes until another attempt is allowed for this account or address, or 0 when it is. Without
 * an account (single sign-on), only the address's limit applies.
 */
export async function signInLockedForMinutes(
  email: string | null,
  ipAddress: string,
  now = new Date(),
  db: Reader = getDb(),
): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    email === null
      ? []
      : db.signInAttempt.findMany({
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

/**
 * Takes one sign-in attempt before its password is checked: refused (the minutes to wait) while
 * the account or the address is locked, otherwise counted as a failure straight away, so that
 * attempts sent all at once cannot each see the count from before the others. A success is
 * settled afterwards with `signInSucceeded`. Attempts for one account, and from one address, take
 * their turn under a lock (always the account's first, so two attempts never wait on each other).
 */
export async function claimSignInAttempt(email: string, ipAddress: string, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    for (const key of [`sign_in:account:${email}`, `sign_in:address:${ipAddress}`])
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    const minutes = await signInLockedForMinutes(email, ipAddress, now, tx);
    if (minutes === 0) await tx.signInAttempt.create({ data: { email, ipAddress, succeeded: false } });
    return minutes;
  });
}

/** A sign-in whose password was right: recorded, and the account's earlier typos are forgiven. */
export async function signInSucceeded(email: string, ipAddress: string) {
  await getDb().$transaction([
    getDb().signInAttempt.deleteMany({ where: { email, succeeded: false } }),
    getDb().signInAttempt.create({ data: { email, ipAddress, succeeded: true } }),
  ]);
}

// A failed single sign-on names no account tenken could lock: it counts toward its address only.
const SINGLE_SIGN_ON = "";

/** Minutes until a single sign-on from this address is allowed, or 0 when it is. */
export function singleSignOnLockedForMinutes(ipAddress: string) {
  return signInLockedForMinutes(null, ipAddress);
}

export async function singleSignOnFailed(ipAddress: string) {
  await getDb().signInAttempt.create({ data: { email: SINGLE_SIGN_ON, ipAddress, succeeded: false } });
}
