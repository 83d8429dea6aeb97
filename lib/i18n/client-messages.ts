// Which messages reach the browser. Server components translate on the server, and forms get
// their server action's messages translated (lib/forms/action.ts): only client components
// ("use client") that call useTranslations need a dictionary in the browser. So each page sends
// the namespaces its client components use, not the whole dictionary (about 40 KB) in its HTML.
// A client component that starts using a namespace adds it here, for every page that shows it.

type Messages = Record<string, unknown>;

/** On every page: the error page (app/error.tsx) and what forms say themselves (components/ui/form.tsx). */
export const EVERY_PAGE_MESSAGES = ["errors", "auth.signInAgain"] as const;

/** What the client components of each kind of page use, on top of EVERY_PAGE_MESSAGES. */
export const CLIENT_MESSAGES = {
  // components/assessment/*
  assessment: ["assessment", "status"],
  // components/services/service-form.tsx
  serviceForm: ["serviceForm", "tier"],
  // components/checklist-editor/item-form.tsx
  checklistEditor: ["checklistEditor"],
  // components/auth/sign-in-form.tsx and setup-form.tsx
  auth: ["auth"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesFor = keyof typeof CLIENT_MESSAGES;

/** The messages under `paths`: namespaces ("errors") or single messages ("auth.signInAgain"). */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = messages;
    let into = picked;
    for (const [index, key] of keys.entries()) {
      if (typeof from !== "object" || from === null || !(key in from)) break;
      from = (from as Messages)[key];
      if (index === keys.length - 1) into[key] = from;
      else into = (into[key] ??= {}) as Messages;
    }
  }
  return picked;
}
