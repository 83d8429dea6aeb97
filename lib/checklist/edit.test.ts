import { describe, expect, it } from "vitest";

import { readDefaultChecklistDocument } from "@/lib/checklist/default";
import { diffChecklists } from "@/lib/checklist/diff";
import { retireTrait, setCategoryRetired, type EditResult } from "@/lib/checklist/edit";
import { checklistDocument, type ChecklistDocument } from "@/lib/validations/checklist-document";

const base = readDefaultChecklistDocument();
const edited = (result: EditResult): ChecklistDocument => {
  if (!result.ok) throw new Error(`refused: ${result.message.key}`);
  // Every edit must leave a document the file format accepts.
  return checklistDocument.parse(result.data);
};

describe("retiring a category in a draft", () => {
  it("retires all its items, without weight, and keeping them brings them back", () => {
    const retired = edited(setCategoryRetired(base, "batch", true));
    const batch = retired.categories.find((category) => category.key === "batch")!;
    expect(batch.items.every((item) => item.retired === true && item.weight === 0)).toBe(true);
    expect(diffChecklists(base, retired).categories.retired.map((category) => category.key)).toEqual([
      "batch",
    ]);

    const kept = edited(setCategoryRetired(retired, "batch", false));
    expect(
      kept.categories
        .find((category) => category.key === "batch")!
        .items.every((item) => !item.retired && item.weight > 0),
    ).toBe(true);
  });

  it("refuses a category the draft does not have", () => {
    // No field: the form is a single button.
    expect(setCategoryRetired(base, "no-such-category", true)).toEqual({
      ok: false,
      code: "invalid",
      message: { key: "validation.checklist.category.unknown", values: { key: "no-such-category" } },
    });
  });
});

describe("retiring a trait in a draft", () => {
  it("is refused while an item that stays needs it, naming the items", () => {
    const result = retireTrait(base, "RUNS_BATCH");
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({
      code: "invalid",
      message: { key: "validation.checklist.trait.inUse", values: { key: "RUNS_BATCH" } },
    });
    expect(!result.ok && result.fieldErrors).toBeFalsy();
    expect(!result.ok && result.message.values!.items).toMatch(/^batch\./);
  });

  it("takes it out once no item that stays needs it; retired items forget it", () => {
    const withoutBatch = edited(setCategoryRetired(base, "batch", true));
    const result = edited(retireTrait(withoutBatch, "RUNS_BATCH"));
    expect(result.traits.map((trait) => trait.key)).not.toContain("RUNS_BATCH");
    expect(
      result.categories
        .flatMap((category) => category.items)
        .some((item) => item.requires.includes("RUNS_BATCH")),
    ).toBe(false);
    expect(diffChecklists(base, result).traits.retired.map((trait) => trait.key)).toEqual(["RUNS_BATCH"]);
  });

  it("refuses a trait the draft does not have", () => {
    expect(retireTrait(base, "USES_NOTHING")).toMatchObject({
      ok: false,
      message: { key: "validation.checklist.trait.unknown" },
    });
  });
});
