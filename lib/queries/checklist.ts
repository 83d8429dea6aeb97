import { getDb } from "@/lib/db";
import type { ChecklistDocument } from "@/lib/validations/checklist-document";

export type ChecklistItemView = {
  id: string;
  key: string;
  categoryKey: string;
  versionId: string;
  textJa: string;
  textEn: string;
  guidanceJa: string | null;
  guidanceEn: string | null;
  weight: number;
  requiredTraits: string[];
};

export type ChecklistCategoryView = {
  key: string;
  titleJa: string;
  titleEn: string;
  items: ChecklistItemView[];
};

/**
 * The checklist as it stood at `at` (default: now): items that existed and were not yet
 * retired, each with the version in force then. Past scores are computed against this.
 */
export async function getChecklist({ at }: { at?: Date } = {}): Promise<ChecklistCategoryView[]> {
  const moment = at ?? new Date();
  const categories = await getDb().checklistCategory.findMany({
    orderBy: { position: "asc" },
    select: {
      key: true,
      titleJa: true,
      titleEn: true,
      items: {
        where: { createdAt: { lte: moment }, OR: [{ retiredAt: null }, { retiredAt: { gt: moment } }] },
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          versions: {
            where: { effectiveFrom: { lte: moment } },
            orderBy: { version: "desc" },
            take: 1,
            select: {
              id: true,
              textJa: true,
              textEn: true,
              guidanceJa: true,
              guidanceEn: true,
              weight: true,
              requiredTraits: true,
            },
          },
        },
      },
    },
  });
  // A category whose items all came later (or were all retired by then) was not part of it then.
  return categories
    .map((category) => ({
      key: category.key,
      titleJa: category.titleJa,
      titleEn: category.titleEn,
      items: category.items.flatMap((item) => {
        const version = item.versions[0];
        if (!version) return [];
        const { id: versionId, ...rest } = version;
        return [{ id: item.id, key: item.key, categoryKey: category.key, versionId, ...rest }];
      }),
    }))
    .filter((category) => category.items.length > 0);
}

/** Loads a checklist once, atomically; an existing checklist with the same key is left as it is. */
export async function seedChecklist(document: ChecklistDocument, { at = new Date() }: { at?: Date } = {}) {
  const db = getDb();
  const existing = await db.checklist.findUnique({ where: { key: document.key }, select: { id: true } });
  if (existing) return { created: false };
  await db.checklist.create({
    data: {
      key: document.key,
      titleJa: document.title.ja,
      titleEn: document.title.en,
      createdAt: at,
      categories: {
        create: document.categories.map((category, categoryIndex) => ({
          key: category.key,
          position: categoryIndex,
          titleJa: category.title.ja,
          titleEn: category.title.en,
          createdAt: at,
          items: {
            create: category.items.map((item, itemIndex) => ({
              key: item.key,
              position: itemIndex,
              createdAt: at,
              versions: {
                create: {
                  version: 1,
                  textJa: item.text.ja,
                  textEn: item.text.en,
                  guidanceJa: item.guidance.ja,
                  guidanceEn: item.guidance.en,
                  weight: item.weight,
                  requiredTraits: item.requires,
                  effectiveFrom: at,
                },
              },
            })),
          },
        })),
      },
    },
  });
  return { created: true };
}

/** An item's guidance in the version in force, in both languages; null for an unknown or retired item. */
export async function getItemGuidance(key: string) {
  const now = new Date();
  const item = await getDb().checklistItem.findFirst({
    where: { key, createdAt: { lte: now }, OR: [{ retiredAt: null }, { retiredAt: { gt: now } }] },
    select: {
      versions: {
        where: { effectiveFrom: { lte: now } },
        orderBy: { version: "desc" },
        take: 1,
        select: { guidanceJa: true, guidanceEn: true },
      },
    },
  });
  return item?.versions[0] ?? null;
}
