import { z } from "zod";

import type { FieldErrors, Message } from "@/lib/result";

// zod probes for eval (new Function) to compile fast parsers. Under tenken's Content-Security-Policy
// that probe is a violation in the browser, and the speed-up is not needed anywhere here.
// An issue a schema gives no message of its own (a field missing from a form, a wrong type) is
// reported with a message key too, so that zod's English never reaches a page.
z.config({ jitless: true, customError: () => "validation.invalid" });

export { z };

// PostgreSQL cannot store a NUL character in text. Every string tenken takes in is this one: such
// input is refused like any other mistake, next to its field, instead of failing in the database.
const STORABLE = /^[^\u0000]*$/;

/** A string PostgreSQL can store; with a message of its own when it is missing or not a string. */
export function storableText(message?: string) {
  return z.string(message).regex(STORABLE, "validation.text.unstorable");
}

/**
 * The revision an edit form was read at (lib/queries/revisions.ts): 0 when what it edits did not
 * exist yet. A form without one cannot be told apart from a stale page, so it is refused.
 */
export const revisionField = z.coerce
  .number("validation.revision.missing")
  .int("validation.revision.missing")
  .min(0, "validation.revision.missing")
  .max(2_147_483_647, "validation.revision.missing");

/** zod's issues as messages per field (the first element of each issue's path), for the form. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const values = "params" in issue ? (issue.params as Message["values"]) : undefined;
    (errors[field] ??= []).push({ key: issue.message, ...(values ? { values } : {}) });
  }
  return errors;
}
