// What every write answers, whoever asked for it (a form now, the API later): the data it made,
// or a failure that says why nothing was written. Messages are keys of lib/i18n/messages, with
// their values, translated where they are shown, so one result serves every language.

export type Message = {
  key: string;
  values?: Record<string, string | number>;
  // The message in the person's language, added by the server action that answers a form
  // (lib/forms/action.ts), so that the browser needs no dictionary to show it.
  text?: string;
};
export type FieldErrors = Record<string, Message[]>;

export const FAILURE_CODES = [
  // The input is wrong: fieldErrors, when present, say which field and why.
  "invalid",
  "not-found",
  // Signed in, but a rule of lib/permissions refuses it.
  "forbidden",
  // The stored state does not allow it now: someone saved first, the quarter has not ended, ...
  "conflict",
  "signed-out",
  // The database cannot be reached.
  "unavailable",
  "rate-limited",
  "too-large",
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export type Failure = { ok: false; code: FailureCode; message: Message; fieldErrors?: FieldErrors };
export type Success<T> = { ok: true; data: T };
export type Result<T = void> = Success<T> | Failure;

/** The HTTP status of each failure, for callers that answer over HTTP. */
export const HTTP_STATUS: Record<FailureCode, number> = {
  invalid: 400,
  "not-found": 404,
  forbidden: 403,
  conflict: 409,
  "signed-out": 401,
  unavailable: 503,
  "rate-limited": 429,
  "too-large": 413,
};
