import { readFileSync } from "node:fs";
import path from "node:path";

import { parseChecklistDocument } from "@/lib/checklist/document";
import type { ChecklistDocument } from "@/lib/validations/checklist-document";

// The default checklist (the article's 31 items in 10 categories) ships as the same kind of file
// admins import and export, kept with the other seed data.
export const DEFAULT_CHECKLIST_FILE = path.join(process.cwd(), "prisma", "seed", "default-checklist.yaml");

// The default checklist's wording predates any installation, so it counts as in force from this
// day: scores at past dates (the demo's months of history, imported answers) have items to count.
export const DEFAULT_CHECKLIST_IN_FORCE_FROM = new Date("2020-01-01T00:00:00Z");

export function readDefaultChecklistDocument(): ChecklistDocument {
  const parsed = parseChecklistDocument(readFileSync(DEFAULT_CHECKLIST_FILE, "utf8"));
  if (!parsed.ok)
    throw new Error(`${DEFAULT_CHECKLIST_FILE} is not a valid checklist: ${JSON.stringify(parsed.errors)}`);
  return parsed.document;
}
