import type { ChecklistDocument, ChecklistItemDocument } from "@/lib/validations/checklist-document";

export type ItemChange =
  | { kind: "added"; key: string; category: string; item: ChecklistItemDocument }
  | { kind: "retired"; key: string; category: string; item: ChecklistItemDocument }
  | {
      kind: "changed";
      key: string;
      category: string;
      before: ChecklistItemDocument;
      after: ChecklistItemDocument;
      fields: ItemField[];
    };

export type ItemField = "text" | "guidance" | "weight" | "requires" | "category" | "position";

type Bilingual = { ja: string; en: string };

/** A category or trait as it reads: its name now, and before when it was renamed. */
export type NamedChange = { key: string; name: Bilingual; before?: Bilingual };

export type PartChanges = { added: NamedChange[]; retired: NamedChange[]; renamed: NamedChange[] };

export type ChecklistDiff = {
  items: ItemChange[];
  categories: PartChanges;
  traits: PartChanges;
};

const isRetired = (item: ChecklistItemDocument & { retired?: boolean }) => item.retired === true;

function itemsOf(document: ChecklistDocument) {
  return new Map(
    document.categories.flatMap((category) =>
      category.items
        .filter((item) => !isRetired(item))
        .map((item, position) => [item.key, { item, category: category.key, position }] as const),
    ),
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What publishing `after` over `before` changes: items added, retired and changed (and in what),
 * categories and traits added, retired and renamed. An item keeps its identity by its key.
 */
export function diffChecklists(before: ChecklistDocument, after: ChecklistDocument): ChecklistDiff {
  const [old, next] = [itemsOf(before), itemsOf(after)];
  const items: ItemChange[] = [];
  for (const [key, entry] of next) {
    const previous = old.get(key);
    if (!previous) {
      items.push({ kind: "added", key, category: entry.category, item: entry.item });
      continue;
    }
    const fields: ItemField[] = [];
    if (!same(previous.item.text, entry.item.text)) fields.push("text");
    if (!same(previous.item.guidance, entry.item.guidance)) fields.push("guidance");
    if (previous.item.weight !== entry.item.weight) fields.push("weight");
    if (!same([...previous.item.requires].sort(), [...entry.item.requires].sort())) fields.push("requires");
    if (previous.category !== entry.category) fields.push("category");
    else if (previous.position !== entry.position) fields.push("position");
    if (fields.length)
      items.push({
        kind: "changed",
        key,
        category: entry.category,
        before: previous.item,
        after: entry.item,
        fields,
      });
  }
  for (const [key, entry] of old)
    if (!next.has(key)) items.push({ kind: "retired", key, category: entry.category, item: entry.item });

  const named = <T extends { key: string }>(list: readonly T[], name: (entry: T) => Bilingual) =>
    new Map(list.map((entry) => [entry.key, name(entry)]));
  const compare = (a: Map<string, Bilingual>, b: Map<string, Bilingual>): PartChanges => ({
    added: [...b].filter(([key]) => !a.has(key)).map(([key, name]) => ({ key, name })),
    retired: [...a].filter(([key]) => !b.has(key)).map(([key, name]) => ({ key, name })),
    renamed: [...b]
      .filter(([key, name]) => a.has(key) && !same(a.get(key), name))
      .map(([key, name]) => ({ key, name, before: a.get(key)! })),
  });
  const liveCategories = (document: ChecklistDocument) =>
    document.categories.filter((category) => category.items.some((item) => !isRetired(item)));
  return {
    items,
    categories: compare(
      named(liveCategories(before), (category) => category.title),
      named(liveCategories(after), (category) => category.title),
    ),
    traits: compare(
      named(before.traits, (trait) => trait.name),
      named(after.traits, (trait) => trait.name),
    ),
  };
}

/** Whether a change alters what a service is scored on, as opposed to wording or order only. */
export function changesScores(change: ItemChange) {
  return (
    change.kind !== "changed" || change.fields.some((field) => field === "weight" || field === "requires")
  );
}
