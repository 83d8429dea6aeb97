import type { TraitRow } from "@/lib/queries/traits";

/** Traits as a service form offers them, in the page's language. */
export function traitChoices(traits: readonly TraitRow[], locale: string) {
  return traits.map((trait) => ({
    key: trait.key,
    name: locale === "ja" ? trait.nameJa : trait.nameEn,
    description: locale === "ja" ? trait.descriptionJa : trait.descriptionEn,
  }));
}
