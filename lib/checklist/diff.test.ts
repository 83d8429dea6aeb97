import { describe, expect, it } from "vitest";

import { readDefaultChecklistDocument } from "@/lib/checklist/default";
import { changesScores, diffChecklists } from "@/lib/checklist/diff";
import { parseChecklistDocument } from "@/lib/checklist/document";
import { checklistDocument } from "@/lib/validations/checklist-document";

const base = readDefaultChecklistDocument();
const edit = (change: (document: ReturnType<typeof structuredClone<typeof base>>) => void) => {
  const copy = structuredClone(base);
  change(copy);
  return checklistDocument.parse(copy);
};

describe("the difference between two checklists", () => {
  it("is nothing between a checklist and itself", () => {
    expect(diffChecklists(base, base)).toEqual({
      items: [],
      categories: { added: [], retired: [], renamed: [] },
      traits: { added: [], retired: [], renamed: [] },
    });
  });

  it("keeps a reworded item's identity, and tells wording from changes that move scores", () => {
    const after = edit((document) => {
      document.traits.push({
        key: "USES_CDN",
        name: { ja: "CDNあり", en: "Uses a CDN" },
        description: { ja: "", en: "" },
      });
      const http = document.categories.find((category) => category.key === "http")!;
      http.items[0]!.text.en = "4xx responses are watched as closely as 5xx";
      http.items[1]!.weight = 2;
      http.items.push({
        key: "http.cdn-hit-ratio",
        text: { ja: "CDNのヒット率を監視している", en: "The CDN hit ratio is monitored" },
        guidance: { ja: "", en: "" },
        weight: 1,
        requires: ["USES_CDN"],
        retired: undefined,
      });
      http.items[2]!.retired = true;
      http.items[2]!.weight = 0;
    });
    const diff = diffChecklists(base, after);
    expect(
      diff.items.map((change) => [
        change.kind,
        change.key,
        change.kind === "changed" ? change.fields : [],
        changesScores(change),
      ]),
    ).toEqual([
      ["changed", "http.monitor-4xx", ["text"], false],
      ["changed", "http.nginx-499", ["weight"], true],
      ["changed", "http.per-endpoint", ["position"], false],
      ["added", "http.cdn-hit-ratio", [], true],
      ["retired", "http.latency", [], true],
    ]);
    expect(diff.traits.added).toEqual([{ key: "USES_CDN", name: { ja: "CDNあり", en: "Uses a CDN" } }]);
    const reworded = diff.items[0]!;
    expect(reworded.kind === "changed" && [reworded.before.text, reworded.after.text]).toEqual([
      base.categories.find((category) => category.key === "http")!.items[0]!.text,
      {
        ...base.categories.find((category) => category.key === "http")!.items[0]!.text,
        en: "4xx responses are watched as closely as 5xx",
      },
    ]);
  });

  it("gives a renamed category and trait their old and new names in both languages", () => {
    const http = base.categories.find((category) => category.key === "http")!;
    const trait = base.traits[0]!;
    const after = edit((document) => {
      document.categories.find((category) => category.key === "http")!.title.ja = "HTTPの監視";
      document.traits[0]!.name = { ja: "新しい名前", en: "A new name" };
    });
    const diff = diffChecklists(base, after);
    expect(diff.items).toEqual([]);
    expect(diff.categories.renamed).toEqual([
      { key: "http", before: http.title, name: { ja: "HTTPの監視", en: http.title.en } },
    ]);
    expect(diff.traits.renamed).toEqual([
      { key: trait.key, before: trait.name, name: { ja: "新しい名前", en: "A new name" } },
    ]);
    expect(diff.categories.added).toEqual([]);
  });

  it("refuses a retired item that still carries weight, with its line", () => {
    const yaml = `format: tenken-checklist/1
key: mini
title: { ja: ミニ, en: Mini }
categories:
  - key: edge
    title: { ja: エッジ, en: Edge }
    items:
      - key: edge.origin-errors
        text: { ja: オリジンのエラーを監視している, en: Origin errors are monitored }
        retired: true
`;
    const parsed = parseChecklistDocument(yaml);
    expect(parsed.ok ? [] : parsed.errors.map((error) => [error.line, error.key, error.values])).toEqual([
      [8, "validation.checklist.retired.weight", { key: "edge.origin-errors" }],
    ]);
  });
});
