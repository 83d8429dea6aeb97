import { describe, expect, it } from "vitest";

import { readDefaultChecklistDocument } from "@/lib/checklist/default";
import { getChecklist, seedChecklist } from "@/lib/queries/checklist";
import { ensureFoundation } from "@/lib/queries/setup";
import { setUpTestDatabase } from "@/lib/testing/db";

const getDb = setUpTestDatabase();

describe("the seeded checklist", () => {
  it("holds the 31 items in 10 categories, in both languages, each with a first version", async () => {
    const checklist = await getChecklist();
    expect(checklist.map((category) => category.titleJa)).toEqual([
      "疎通確認",
      "メトリック",
      "ログ",
      "アラート通知",
      "HTTPリクエストの場合",
      "バッチの場合",
      "ジョブキューの場合",
      "ダッシュボード",
      "開発メンバーとの振り返り",
      "その他",
    ]);
    const items = checklist.flatMap((category) => category.items);
    expect(items).toHaveLength(31);
    expect(items.map((item) => item.key)).toEqual(
      readDefaultChecklistDocument().categories.flatMap((category) => category.items.map((item) => item.key)),
    );
    expect(items.every((item) => item.textJa && item.textEn && item.weight === 1)).toBe(true);
    // Other tests add items of their own, far in the future; the seeded ones are these.
    expect(
      await getDb().checklistItemVersion.count({
        where: { version: 1, item: { key: { in: items.map((item) => item.key) } } },
      }),
    ).toBe(31);
  });

  it("is loaded once: seeding again changes nothing", async () => {
    const before = await getDb().checklistItem.count();
    expect(await seedChecklist(readDefaultChecklistDocument())).toEqual({ created: false });
    await ensureFoundation();
    expect(await getDb().checklistItem.count()).toBe(before);
    expect(await getDb().checklistVersion.count({ where: { number: 1 } })).toBe(1);
    expect(await getDb().user.count({ where: { isBuiltIn: true } })).toBe(1);
  });

  it("keeps past wording: a new version applies from its moment on, and a retired item stops counting", async () => {
    const category = await getDb().checklistCategory.findFirstOrThrow({
      where: { key: "other" },
      select: { id: true },
    });
    // Far from now: the item must never be part of the checklist that other tests score against.
    const created = new Date(Date.UTC(2040, 0, 1) + Math.floor(Math.random() * 1e9));
    const reworded = new Date(created.getTime() + 60_000);
    const retired = new Date(created.getTime() + 120_000);
    const key = `other.test-${created.getTime()}`;
    await getDb().checklistItem.create({
      data: {
        key,
        position: 99,
        categoryId: category.id,
        createdAt: created,
        retiredAt: retired,
        versions: {
          create: [
            {
              version: 1,
              textJa: "古い文言",
              textEn: "Old wording",
              weight: 1,
              requiredTraits: [],
              effectiveFrom: created,
            },
            {
              version: 2,
              textJa: "新しい文言",
              textEn: "New wording",
              weight: 2,
              requiredTraits: [],
              effectiveFrom: reworded,
            },
          ],
        },
      },
    });
    const itemAt = async (at: Date) =>
      (await getChecklist({ at })).flatMap((entry) => entry.items).find((entry) => entry.key === key);
    expect(await itemAt(new Date(created.getTime() - 1))).toBeUndefined();
    expect(await itemAt(created)).toMatchObject({ textEn: "Old wording", weight: 1 });
    expect(await itemAt(reworded)).toMatchObject({ textEn: "New wording", textJa: "新しい文言", weight: 2 });
    expect(await itemAt(retired)).toBeUndefined();
    await getDb().checklistItemVersion.deleteMany({ where: { item: { key } } });
    await getDb().checklistItem.delete({ where: { key } });
  });
});
