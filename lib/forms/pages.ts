import type { AfterWrite } from "@/lib/forms/action";

type Revalidate = NonNullable<AfterWrite<unknown, unknown>["revalidate"]>;

// Where each kind of change shows up besides the page it was made on: what a server action
// revalidates once its write is done.
export const CHANGED_PAGES = {
  // A service's answers: its page, the list's scores, the audit log.
  answer: [["/services/[slug]", "page"], ["/services"], ["/audit"]],
  // Evidence, reviews and comments: every service page, the queues and the audit log.
  item: [["/services", "layout"], ["/review"], ["/attention"], ["/audit"]],
  services: [["/services"], ["/audit"]],
  // Roles, teams, settings, the checklist and quarter closes show up everywhere (navigation,
  // quarter names, every assessment).
  everywhere: [["/", "layout"], ["/audit"]],
  retrospectives: [["/retrospectives", "layout"], ["/audit"]],
} as const satisfies Record<string, Revalidate>;
