import { getDb } from "@/lib/db";

/** The traits services can have, in order; retired ones only when asked (history, editing). */
export async function listTraits({ includeRetired = false } = {}) {
  return getDb().trait.findMany({
    where: includeRetired ? {} : { retiredAt: null },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: {
      key: true,
      nameJa: true,
      nameEn: true,
      descriptionJa: true,
      descriptionEn: true,
      retiredAt: true,
    },
  });
}

export type TraitRow = Awaited<ReturnType<typeof listTraits>>[number];

/** Trait names in a language, by key, for showing the keys services and items hold. */
export async function traitNames(locale: string) {
  return Object.fromEntries(
    (await listTraits({ includeRetired: true })).map((trait) => [
      trait.key,
      locale === "ja" ? trait.nameJa : trait.nameEn,
    ]),
  );
}

/** How many services have each combination of traits: what an item's rule would apply to. */
export async function countServicesByTraits() {
  const rows = await getDb().$queryRaw<
    { traits: string[] | null; services: bigint }[]
  >`SELECT traits, count(*) AS services FROM services GROUP BY traits`;
  return rows.map((row) => ({ traits: row.traits ?? [], services: Number(row.services) }));
}
