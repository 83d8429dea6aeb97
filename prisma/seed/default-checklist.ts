import { readFileSync } from "node:fs";
import path from "node:path";

import { parseChecklistDocument } from "@/lib/checklist/document";
import type { ChecklistDocument } from "@/lib/validations/checklist-document";

export type ChecklistItemSeed = {
  key: string;
  textJa: string;
  textEn: string;
  guidanceJa: string;
  guidanceEn: string;
  weight: number;
  requiredTraits: string[];
};

export type ChecklistCategorySeed = {
  key: string;
  titleJa: string;
  titleEn: string;
  items: ChecklistItemSeed[];
};

export type ChecklistSeed = {
  key: string;
  titleJa: string;
  titleEn: string;
  categories: ChecklistCategorySeed[];
};

// The default checklist ships as the same kind of file admins import and export.
export const DEFAULT_CHECKLIST_FILE = path.join(process.cwd(), "prisma", "seed", "default-checklist.yaml");

export function readDefaultChecklistDocument(): ChecklistDocument {
  const parsed = parseChecklistDocument(readFileSync(DEFAULT_CHECKLIST_FILE, "utf8"));
  if (!parsed.ok)
    throw new Error(`${DEFAULT_CHECKLIST_FILE} is not a valid checklist: ${JSON.stringify(parsed.errors)}`);
  return parsed.document;
}

export function checklistSeedOf(document: ChecklistDocument): ChecklistSeed {
  return {
    key: document.key,
    titleJa: document.title.ja,
    titleEn: document.title.en,
    categories: document.categories.map((category) => ({
      key: category.key,
      titleJa: category.title.ja,
      titleEn: category.title.en,
      items: category.items.map((item) => ({
        key: item.key,
        textJa: item.text.ja,
        textEn: item.text.en,
        guidanceJa: item.guidance.ja,
        guidanceEn: item.guidance.en,
        weight: item.weight,
        requiredTraits: item.requires,
      })),
    })),
  };
}

export const defaultChecklist: ChecklistSeed = checklistSeedOf(readDefaultChecklistDocument());
