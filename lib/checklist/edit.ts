import { fail as failure } from "@/lib/errors";
import type { Result } from "@/lib/result";
import type { ChecklistDocument, ChecklistItemDocument } from "@/lib/validations/checklist-document";

// Edits to a draft checklist, one at a time, as the editor's forms make them. Each returns the
// new document or why the edit is wrong (next to its field, when the form has one); the whole
// document is validated again on save.

export type EditResult = Result<ChecklistDocument>;

type Bilingual = { ja: string; en: string };
export type ItemFields = { text: Bilingual; guidance: Bilingual; weight: number; requires: string[] };

const fail = (field: string | undefined, key: string, values?: Record<string, string>): EditResult =>
  failure.invalid(key, { field, values }).toFailure();
const allItems = (document: ChecklistDocument) => document.categories.flatMap((category) => category.items);

function unknownTrait(document: ChecklistDocument, requires: readonly string[]) {
  return requires.find((trait) => !document.traits.some((candidate) => candidate.key === trait));
}

function withItem(
  document: ChecklistDocument,
  key: string,
  change: (item: ChecklistItemDocument) => ChecklistItemDocument | null,
): EditResult {
  const copy = structuredClone(document);
  for (const category of copy.categories) {
    const index = category.items.findIndex((item) => item.key === key);
    if (index < 0) continue;
    const changed = change(category.items[index]!);
    if (changed) category.items[index] = changed;
    return { ok: true, data: copy };
  }
  return fail("key", "validation.checklist.item.unknown", { key });
}

export function addItem(
  document: ChecklistDocument,
  categoryKey: string,
  key: string,
  fields: ItemFields,
): EditResult {
  if (allItems(document).some((item) => item.key === key))
    return fail("key", "validation.checklist.key.duplicate", { key });
  const trait = unknownTrait(document, fields.requires);
  if (trait) return fail("requires", "validation.checklist.requires.unknownTrait", { trait });
  const copy = structuredClone(document);
  const category = copy.categories.find((candidate) => candidate.key === categoryKey);
  if (!category) return fail("categoryKey", "validation.checklist.category.unknown", { key: categoryKey });
  category.items.push({ key, ...fields });
  return { ok: true, data: copy };
}

/** Rewording, reweighting or changing the rule of an item keeps its key, and so its answers. */
export function updateItem(document: ChecklistDocument, key: string, fields: ItemFields): EditResult {
  const trait = unknownTrait(document, fields.requires);
  if (trait) return fail("requires", "validation.checklist.requires.unknownTrait", { trait });
  return withItem(document, key, (item) => ({ ...item, ...fields, ...(item.retired ? { weight: 0 } : {}) }));
}

/** Retiring takes the item out of every score from the publication on, so its weight goes to 0. */
export function setItemRetired(document: ChecklistDocument, key: string, retired: boolean): EditResult {
  return withItem(document, key, ({ retired: _, ...item }) =>
    retired ? { ...item, retired: true, weight: 0 } : { ...item, weight: item.weight || 1 },
  );
}

/** Retires every item of a category (the category leaves current scores with them), or keeps them all. */
export function setCategoryRetired(document: ChecklistDocument, key: string, retired: boolean): EditResult {
  const copy = structuredClone(document);
  const category = copy.categories.find((candidate) => candidate.key === key);
  // No field: these buttons have no key field to show the message next to.
  if (!category) return fail(undefined, "validation.checklist.category.unknown", { key });
  category.items = category.items.map(({ retired: _, ...item }) =>
    retired ? { ...item, retired: true, weight: 0 } : { ...item, weight: item.weight || 1 },
  );
  return { ok: true, data: copy };
}

function move<T>(list: T[], index: number, direction: "up" | "down") {
  const target = index + (direction === "up" ? -1 : 1);
  if (index < 0 || target < 0 || target >= list.length) return false;
  [list[index], list[target]] = [list[target]!, list[index]!];
  return true;
}

export function moveItem(document: ChecklistDocument, key: string, direction: "up" | "down"): EditResult {
  const copy = structuredClone(document);
  const category = copy.categories.find((candidate) => candidate.items.some((item) => item.key === key));
  if (!category) return fail("key", "validation.checklist.item.unknown", { key });
  move(
    category.items,
    category.items.findIndex((item) => item.key === key),
    direction,
  );
  return { ok: true, data: copy };
}

export function addCategory(
  document: ChecklistDocument,
  key: string,
  title: Bilingual,
  firstItem: { key: string } & ItemFields,
): EditResult {
  if (document.categories.some((category) => category.key === key))
    return fail("key", "validation.checklist.key.duplicate", { key });
  if (allItems(document).some((item) => item.key === firstItem.key))
    return fail("itemKey", "validation.checklist.key.duplicate", { key: firstItem.key });
  const trait = unknownTrait(document, firstItem.requires);
  if (trait) return fail("requires", "validation.checklist.requires.unknownTrait", { trait });
  return {
    ok: true,
    data: {
      ...structuredClone(document),
      categories: [...structuredClone(document.categories), { key, title, items: [firstItem] }],
    },
  };
}

export function updateCategory(document: ChecklistDocument, key: string, title: Bilingual): EditResult {
  const copy = structuredClone(document);
  const category = copy.categories.find((candidate) => candidate.key === key);
  if (!category) return fail("key", "validation.checklist.category.unknown", { key });
  category.title = title;
  return { ok: true, data: copy };
}

export function moveCategory(document: ChecklistDocument, key: string, direction: "up" | "down"): EditResult {
  const copy = structuredClone(document);
  move(
    copy.categories,
    copy.categories.findIndex((category) => category.key === key),
    direction,
  );
  return { ok: true, data: copy };
}

export function saveTrait(
  document: ChecklistDocument,
  trait: { key: string; name: Bilingual; description: Bilingual },
  { adding }: { adding: boolean },
): EditResult {
  const copy = structuredClone(document);
  const index = copy.traits.findIndex((candidate) => candidate.key === trait.key);
  if (adding && index >= 0) return fail("key", "validation.checklist.key.duplicate", { key: trait.key });
  if (!adding && index < 0) return fail("key", "validation.checklist.trait.unknown", { key: trait.key });
  if (adding) copy.traits.push(trait);
  else copy.traits[index] = trait;
  return { ok: true, data: copy };
}

/**
 * Takes a trait out of the draft: at publication it is retired (services that have it keep it, it
 * can no longer be chosen). Refused while an item that stays needs it; retired items forget it.
 */
export function retireTrait(document: ChecklistDocument, key: string): EditResult {
  if (!document.traits.some((trait) => trait.key === key))
    return fail(undefined, "validation.checklist.trait.unknown", { key });
  const needing = allItems(document).filter((item) => !item.retired && item.requires.includes(key));
  if (needing.length)
    return fail(undefined, "validation.checklist.trait.inUse", {
      key,
      items: needing.map((item) => item.key).join(", "),
    });
  const copy = structuredClone(document);
  copy.traits = copy.traits.filter((trait) => trait.key !== key);
  for (const item of allItems(copy)) item.requires = item.requires.filter((trait) => trait !== key);
  return { ok: true, data: copy };
}

/** Marks the items under these keys retired (without weight), e.g. retired keys in a restored default. */
export function keepRetired(document: ChecklistDocument, keys: ReadonlySet<string>): ChecklistDocument {
  const copy = structuredClone(document);
  for (const category of copy.categories)
    category.items = category.items.map((item) =>
      keys.has(item.key) ? { ...item, retired: true, weight: 0 } : item,
    );
  return copy;
}
