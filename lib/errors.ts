import { isForbidden, isSignedOut } from "@/lib/permissions";

// Prisma's codes for "could not reach / lost the database" and "timed out waiting for it", and
// the driver's and PostgreSQL's equivalents (connection refused, server shutting down, no such
// database).
const UNREACHABLE_CODES = new Set([
  "P1000",
  "P1001",
  "P1002",
  "P1003",
  "P1008",
  "P1017",
  "P2024",
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EAI_AGAIN",
  "57P01",
  "57P03",
  "3D000",
]);

// Checked by shape, not instanceof: each Next.js bundle carries its own copy of Prisma's
// error classes.
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { name, code, cause, message, meta } = error as {
    name?: unknown;
    code?: unknown;
    cause?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (name === "PrismaClientInitializationError") return true;
  if (typeof code === "string" && UNREACHABLE_CODES.has(code)) return true;
  if (name === "DriverAdapterError" && message === "DatabaseNotReachable") return true;
  // Raw queries report an outage as P2010 with the driver's error attached.
  if (meta && typeof meta === "object" && isDatabaseUnreachable(meta.driverAdapterError, depth + 1))
    return true;
  if (
    error instanceof AggregateError &&
    error.errors.some((inner) => isDatabaseUnreachable(inner, depth + 1))
  )
    return true;
  return cause !== error && isDatabaseUnreachable(cause, depth + 1);
}

/**
 * Runs a write for a server action. A database outage or a refusal becomes a form message
 * instead of an error page, so the person keeps what they typed; anything else is a bug and is
 * rethrown.
 */
export async function withDatabase<T>(
  write: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; key: string; signedOut?: true }> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    if (isDatabaseUnreachable(error)) return { ok: false, key: "errors.databaseUnavailable" };
    // Refusals from lib/permissions: the write changed nothing, and the person is told why.
    if (isSignedOut(error)) return { ok: false, key: "auth.sessionExpired", signedOut: true };
    if (isForbidden(error)) return { ok: false, key: "errors.forbidden" };
    throw error;
  }
}

/**
 * Runs a write whose unique constraint is a person's mistake (a taken slug or email), turning
 * the violation into that field's error. Checked by code, not instanceof, as above.
 */
export async function uniqueAsFieldError<T, F extends string>(
  write: () => Promise<T>,
  field: F,
  key: string,
): Promise<T | { ok: false; field: F; key: string }> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Error && (error as { code?: unknown }).code === "P2002")
      return { ok: false, field, key };
    throw error;
  }
}
