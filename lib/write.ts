import type { z } from "zod";

import { AppError, fail, failureOf } from "@/lib/errors";
import { authorize, type Principal, type SubjectlessRule } from "@/lib/permissions";
import type { Result } from "@/lib/result";
import { fieldErrorsFrom } from "@/lib/validations/zod";

/**
 * The one way anything is written, for forms (lib/forms) and any later caller alike:
 *
 *   1. find who is asking (a principal, or a lookup such as the session's), and, when the write
 *      is only for some roles, refuse anyone else before the input is even read,
 *   2. parse the input with its zod schema,
 *   3. run the write, which opens its own transaction and asks lib/permissions inside it, with
 *      the stored state, so that a stale page cannot widen what someone may do,
 *   4. turn what went wrong into a failure: an AppError the write threw (its transaction is
 *      rolled back, so nothing is half-saved), or the database being out of reach,
 *   5. answer one Result.
 *
 * Anything else that is thrown is a bug, and goes on to the error page.
 */

/** Who asks: a principal, nobody (null), or how to find them, looked up inside the error handling. */
export type Asker = Principal | null | (() => Promise<Principal | null>);

export async function attempt<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    const failure = failureOf(error);
    if (failure) return failure;
    throw error;
  }
}

/** The input as the schema makes it, or an `invalid` failure with a message per field. */
export async function parse<S extends z.ZodType>(schema: S, input: unknown): Promise<z.output<S>> {
  const parsed = await schema.safeParseAsync(input);
  if (!parsed.success)
    throw new AppError("invalid", { key: "errors.invalid" }, fieldErrorsFrom(parsed.error));
  return parsed.data;
}

/**
 * A write by a signed-in person. `rule`, when given, is who may make it at all, checked before
 * the input is parsed, so that someone refused costs nothing (a checklist file is expensive to
 * read). The write still asks lib/permissions inside its transaction, with the stored state.
 */
export function write<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  asker: Asker,
  run: (input: z.output<S>, actor: Principal) => Promise<T>,
  rule?: SubjectlessRule,
): Promise<Result<T>> {
  return attempt(async () => {
    const actor = typeof asker === "function" ? await asker() : asker;
    if (!actor) throw fail.signedOut();
    if (rule) authorize(rule, actor);
    return run(await parse(schema, input), actor);
  });
}

/** A write open to anyone, such as signing in: it answers for who may do it itself. */
export function writeAnonymously<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (input: z.output<S>) => Promise<T>,
): Promise<Result<T>> {
  return attempt(async () => run(await parse(schema, input)));
}
