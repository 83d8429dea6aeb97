import { isApplicable } from "@/lib/scoring";

export type TraitSet = { traits: readonly string[]; services: number };

/** How many services an item requiring these traits applies to, from the services' trait sets. */
export function servicesMatching(requires: readonly string[], traitSets: readonly TraitSet[]) {
  return traitSets.reduce(
    (sum, set) => sum + (isApplicable({ requiredTraits: requires }, set.traits) ? set.services : 0),
    0,
  );
}
