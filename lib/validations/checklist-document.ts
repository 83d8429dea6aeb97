import { TRAIT_KEY_PATTERN } from "@/lib/traits";
import { storableText, z } from "@/lib/validations/zod";

// A checklist as a file (YAML or JSON): what admins export, edit and import, and how the default
// checklist ships. Messages are i18n keys; `values` name what was wrong where it helps.

export const CHECKLIST_FORMAT = "tenken-checklist/1";
export const MAX_WEIGHT = 10;

export const text = (max: number, key: string) =>
  storableText(`validation.checklist.${key}.required`)
    .trim()
    .min(1, `validation.checklist.${key}.required`)
    .max(max, `validation.checklist.${key}.tooLong`);
const bilingual = (max: number, key: string) =>
  z.object({ ja: text(max, key), en: text(max, key) }, `validation.checklist.${key}.required`);
const optionalBilingual = z
  .object(
    {
      ja: storableText().trim().max(5000, "validation.checklist.guidance.tooLong").default(""),
      en: storableText().trim().max(5000, "validation.checklist.guidance.tooLong").default(""),
    },
    "validation.checklist.guidance.invalid",
  )
  .default({ ja: "", en: "" });

// Keys are stored with answers and never change: lowercase words, dots and hyphens.
export const itemKey = storableText("validation.checklist.key.invalid")
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "validation.checklist.key.invalid")
  .max(100, "validation.checklist.key.invalid");
export const traitKey = storableText("validation.checklist.traitKey.invalid").regex(
  TRAIT_KEY_PATTERN,
  "validation.checklist.traitKey.invalid",
);

export const checklistItemDocument = z.object(
  {
    key: itemKey,
    text: bilingual(500, "text"),
    guidance: optionalBilingual,
    weight: z
      .number("validation.checklist.weight.invalid")
      .int("validation.checklist.weight.invalid")
      .min(0, "validation.checklist.weight.invalid")
      .max(MAX_WEIGHT, "validation.checklist.weight.invalid")
      .default(1),
    // The item applies to a service that has every one of these traits; none: to every service.
    requires: z.array(traitKey, "validation.checklist.requires.invalid").default([]),
    // Only in drafts: marked for retirement at the next publication, its answers kept in history.
    retired: z.boolean("validation.checklist.retired.invalid").optional(),
  },
  "validation.checklist.item.invalid",
);

export const checklistCategoryDocument = z.object(
  {
    key: itemKey,
    title: bilingual(120, "title"),
    items: z
      .array(checklistItemDocument, "validation.checklist.items.required")
      .min(1, "validation.checklist.items.required"),
  },
  "validation.checklist.category.invalid",
);

export const traitDocument = z.object(
  { key: traitKey, name: bilingual(80, "traitName"), description: optionalBilingual },
  "validation.checklist.trait.invalid",
);

export const checklistDocument = z
  .object(
    {
      format: z.literal(CHECKLIST_FORMAT, "validation.checklist.format.invalid"),
      key: itemKey,
      title: bilingual(200, "title"),
      traits: z.array(traitDocument, "validation.checklist.traits.invalid").default([]),
      categories: z
        .array(checklistCategoryDocument, "validation.checklist.categories.required")
        .min(1, "validation.checklist.categories.required"),
    },
    "validation.checklist.document.invalid",
  )
  .superRefine((document, ctx) => {
    for (const issue of checklistRuleIssues(document)) ctx.addIssue({ code: "custom", ...issue });
  });

type RuleIssue = { path: (string | number)[]; message: string; params: Record<string, string> };
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, name: string): unknown =>
  value && typeof value === "object" ? (value as Record<string, unknown>)[name] : undefined;

/**
 * The rules across entries: keys used twice, and rules naming a trait the file does not declare.
 * Written for any input, so that a file with other mistakes too gets these reported as well.
 */
export function checklistRuleIssues(document: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  const once = (kind: string, key: unknown, path: (string | number)[]) => {
    if (typeof key !== "string") return;
    if (seen.has(`${kind}:${key}`))
      issues.push({ path: [...path, "key"], message: "validation.checklist.key.duplicate", params: { key } });
    seen.add(`${kind}:${key}`);
  };
  list(field(document, "traits")).forEach((trait, index) =>
    once("trait", field(trait, "key"), ["traits", index]),
  );
  const traits = new Set(list(field(document, "traits")).map((trait) => field(trait, "key")));
  list(field(document, "categories")).forEach((category, index) => {
    once("category", field(category, "key"), ["categories", index]);
    list(field(category, "items")).forEach((item, itemIndex) => {
      once("item", field(item, "key"), ["categories", index, "items", itemIndex]);
      // Retiring an item takes it out of every score: it cannot keep a weight at the same time.
      const weight = field(item, "weight");
      if (
        field(item, "retired") === true &&
        (weight === undefined || (typeof weight === "number" && weight > 0))
      ) {
        issues.push({
          path: ["categories", index, "items", itemIndex, "weight"],
          message: "validation.checklist.retired.weight",
          params: { key: String(field(item, "key")) },
        });
      }
      list(field(item, "requires")).forEach((trait, traitIndex) => {
        if (typeof trait === "string" && !traits.has(trait))
          issues.push({
            path: ["categories", index, "items", itemIndex, "requires", traitIndex],
            message: "validation.checklist.requires.unknownTrait",
            params: { trait },
          });
      });
    });
  });
  return issues;
}

export type ChecklistDocument = z.infer<typeof checklistDocument>;
export type ChecklistItemDocument = z.infer<typeof checklistItemDocument>;
