import type { Failure, FailureCode, FieldErrors, Message, Result } from "@/lib/result";

/**
 * A known reason a write cannot be done. Writes throw it from inside their transaction, so that
 * nothing they did before is kept; lib/write.ts turns it into the failure the caller is given.
 */
export class AppError extends Error {
  constructor(
    readonly code: FailureCode,
    readonly detail: Message,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(`${code}: ${detail.key}`);
    this.name = "AppError";
  }

  toFailure(): Failure {
    return {
      ok: false,
      code: this.code,
      message: this.detail,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
    };
  }
}

type Values = Message["values"];
const message = (key: string, values?: Values): Message => ({ key, ...(values ? { values } : {}) });
const onField = (field: string | undefined, detail: Message) => (field ? { [field]: [detail] } : undefined);

/** The failures writes throw, by code. A field, when given, is where the form shows the message. */
export const fail = {
  invalid: (key: string, { field, values }: { field?: string; values?: Values } = {}) =>
    new AppError("invalid", message(key, values), onField(field, message(key, values))),
  notFound: (key = "errors.notFoundBody", values?: Values) => new AppError("not-found", message(key, values)),
  conflict: (key: string, { field, values }: { field?: string; values?: Values } = {}) =>
    new AppError("conflict", message(key, values), onField(field, message(key, values))),
  forbidden: () => new AppError("forbidden", message("errors.forbidden")),
  signedOut: () => new AppError("signed-out", message("auth.sessionExpired")),
  unavailable: () => new AppError("unavailable", message("errors.databaseUnavailable")),
  rateLimited: (key: string, values?: Values) => new AppError("rate-limited", message(key, values)),
  tooLarge: (key: string, { field, values }: { field?: string; values?: Values } = {}) =>
    new AppError("too-large", message(key, values), onField(field, message(key, values))),
};

/** A result's data, or its failure thrown: for a pure step (a checklist edit) inside a write. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  throw new AppError(result.code, result.message, result.fieldErrors);
}

// Checked by name, not instanceof: each Next.js bundle may carry its own copy of this class.
export function isAppError(error: unknown, code?: FailureCode): error is AppError {
  return (
    error instanceof Error &&
    error.name === "AppError" &&
    (code === undefined || (error as AppError).code === code)
  );
}

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

// node-postgres reports a connection lost under a query (the server went away, the network cut
// it) as a plain Error with no code, and Prisma passes it on as it is: known by its message.
const CONNECTION_LOST_MESSAGES = new Set([
  "Connection terminated unexpectedly",
  "Client has encountered a connection error and is not queryable",
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
  if (typeof message === "string" && CONNECTION_LOST_MESSAGES.has(message)) return true;
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

/** The failure a thrown error stands for, or null for a bug (which is rethrown to the error page). */
export function failureOf(error: unknown): Failure | null {
  if (isAppError(error)) return error.toFailure();
  if (isDatabaseUnreachable(error)) return fail.unavailable().toFailure();
  return null;
}

/** Whether an error is PostgreSQL's unique violation, as Prisma reports it (checked by code, as above). */
export function isUniqueViolation(error: unknown) {
  return error instanceof Error && (error as { code?: unknown }).code === "P2002";
}

/**
 * Runs a write whose unique constraint is a person's mistake or a race they lost (a taken slug,
 * a quarter closed a moment ago), turning the violation into that failure.
 */
export async function uniqueAs<T>(write: () => Promise<T>, failure: () => AppError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw failure();
    throw error;
  }
}
