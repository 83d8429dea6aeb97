import { itemKey, MAX_WEIGHT, text, traitKey } from "@/lib/validations/checklist-document";
import { z } from "@/lib/validations/zod";

// The checklist editor's forms. Every form carries the draft revision it was rendered from.
const revision = {
  revision: z.coerce
    .number("validation.checklist.draft.gone")
    .int()
    .min(0, "validation.checklist.draft.gone"),
};
const guidance = z.string().trim().max(5000, "validation.checklist.guidance.tooLong").default("");

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
  summary: z
    .string()
    .trim()
    .min(1, "validation.checklist.summary.required")
    .max(2000, "validation.checklist.summary.tooLong"),
});
export const revisionSchema = z.object(revision);
// A checklist file to import: uploaded, or pasted into the text box when no file is chosen.
export const checklistImportSchema = z.object({
  ...revision,
  file: z.unknown(),
  source: z.string().default(""),
});
export const versionQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional().catch(undefined),
  from: z.coerce.number().int().min(1).optional().catch(undefined),
  to: z.coerce.number().int().min(1).optional().catch(undefined),
  format: z.enum(["yaml", "json"]).catch("yaml"),
});
