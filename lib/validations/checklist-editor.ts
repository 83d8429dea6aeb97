import { itemKey, MAX_WEIGHT, text, traitKey } from "@/lib/validations/checklist-document";
import { storableText, z } from "@/lib/validations/zod";

// The checklist editor's forms. Every form carries the draft revision it was rendered from.
const revision = {
  revision: z.coerce
    .number("validation.checklist.draft.gone")
    .int()
    .min(0, "validation.checklist.draft.gone"),
};
const guidance = storableText().trim().max(5000, "validation.checklist.guidance.tooLong").default("");

const itemFields = {
  textJa: text(500, "text"),
  textEn: text(500, "text"),
  guidanceJa: guidance,
  guidanceEn: guidance,
  weight: z.coerce
    .number("validation.checklist.weight.invalid")
    .int("validation.checklist.weight.invalid")
    .min(0, "validation.checklist.weight.invalid")
    .max(MAX_WEIGHT, "validation.checklist.weight.invalid"),
  requires: z.array(traitKey).default([]),
};

export const itemEditSchema = z.object({ ...revision, key: itemKey, ...itemFields });
export const itemAddSchema = z.object({ ...revision, categoryKey: itemKey, key: itemKey, ...itemFields });
export const itemKeySchema = z.object({ ...revision, key: itemKey });
export const itemMoveSchema = z.object({ ...revision, key: itemKey, direction: z.enum(["up", "down"]) });
export const categoryEditSchema = z.object({
  ...revision,
  key: itemKey,
  titleJa: text(120, "title"),
  titleEn: text(120, "title"),
});
export const categoryKeySchema = z.object({ ...revision, key: itemKey });
export const traitKeySchema = z.object({ ...revision, key: traitKey });
export const categoryMoveSchema = z.object({ ...revision, key: itemKey, direction: z.enum(["up", "down"]) });
export const categoryAddSchema = z.object({
  ...revision,
  key: itemKey,
  titleJa: text(120, "title"),
  titleEn: text(120, "title"),
  itemKey,
  ...itemFields,
});
export const traitSchema = z.object({
  ...revision,
  key: traitKey,
  nameJa: text(80, "traitName"),
  nameEn: text(80, "traitName"),
  descriptionJa: guidance,
  descriptionEn: guidance,
});
export const publishSchema = z.object({
  ...revision,
  summary: storableText()
    .trim()
    .min(1, "validation.checklist.summary.required")
    .max(2000, "validation.checklist.summary.tooLong"),
});
export const revisionSchema = z.object(revision);
// A checklist file to import: uploaded, or pasted into the text box when no file is chosen.
export const checklistImportSchema = z.object({
  ...revision,
  file: z.unknown(),
  source: storableText().default(""),
});
const versionNumber = z.coerce.number().int().min(1).max(2_147_483_647).optional().catch(0);
export const versionQuerySchema = z.object({
  // A number that cannot be a version's (out of range, not a number) names none: 0, not found.
  version: versionNumber,
  from: versionNumber,
  to: versionNumber,
  format: z.enum(["yaml", "json"]).catch("yaml"),
});
