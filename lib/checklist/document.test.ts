import { describe, expect, it } from "vitest";

import { readDefaultChecklistDocument } from "@/lib/checklist/default";
import {
  MAX_DOCUMENT_ITEMS,
  parseChecklistDocument,
  serializeChecklistDocument,
} from "@/lib/checklist/document";

const minimal = `format: tenken-checklist/1
key: mini
title:
  ja: ミニ
  en: Mini
traits:
  - key: USES_CDN
    name: { ja: CDNあり, en: Uses a CDN }
categories:
  - key: edge
    title: { ja: エッジ, en: Edge }
    items:
      - key: edge.cache-hit
        text: { ja: キャッシュヒット率を監視している, en: The cache hit ratio is monitored }
        requires: [USES_CDN]
      - key: edge.origin-errors
        text: { ja: オリジンのエラーを監視している, en: Origin errors are monitored }
        weight: 2
`;

describe("checklist files", () => {
  it("read YAML and JSON alike, with defaults filled in, and write back what they read", () => {
    const parsed = parseChecklistDocument(minimal);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(
      parsed.document.categories[0]!.items.map((item) => [
        item.key,
        item.weight,
        item.requires,
        item.guidance.en,
      ]),
    ).toEqual([
      ["edge.cache-hit", 1, ["USES_CDN"], ""],
      ["edge.origin-errors", 2, [], ""],
    ]);
    for (const format of ["yaml", "json"] as const) {
      const again = parseChecklistDocument(serializeChecklistDocument(parsed.document, format));
      expect(again).toEqual({ ok: true, document: parsed.document });
    }
  });

  it("ship the default checklist: 31 items in 10 categories, every trait it names declared", () => {
    const document = readDefaultChecklistDocument();
    expect(document.categories).toHaveLength(10);
    expect(document.categories.flatMap((category) => category.items)).toHaveLength(31);
    expect(document.traits.map((trait) => trait.key)).toEqual([
      "SERVES_HTTP",
      "BEHIND_NGINX",
      "RUNS_BATCH",
      "USES_JOB_QUEUE",
    ]);
  });

  it("report every mistake with its line: a missing translation, a duplicate key, an unknown trait, a bad weight", () => {
    const broken = minimal
      .replace(
        "text: { ja: オリジンのエラーを監視している, en: Origin errors are monitored }",
        "text: { en: Origin errors are monitored }",
      )
      .replace("key: edge.origin-errors", "key: edge.cache-hit")
      .replace("requires: [USES_CDN]", "requires: [USES_CDM]")
      .replace("weight: 2", "weight: 99");
    const parsed = parseChecklistDocument(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => [error.line, error.path, error.key, error.values])).toEqual([
      [
        15,
        "categories[0].items[0].requires[0]",
        "validation.checklist.requires.unknownTrait",
        { trait: "USES_CDM" },
      ],
      [16, "categories[0].items[1].key", "validation.checklist.key.duplicate", { key: "edge.cache-hit" }],
      [17, "categories[0].items[1].text.ja", "validation.checklist.text.required", undefined],
      [18, "categories[0].items[1].weight", "validation.checklist.weight.invalid", undefined],
    ]);
  });

  it("say where the syntax breaks, and refuse aliases and files of another format", () => {
    const syntax = parseChecklistDocument(minimal.replace("  - key: edge\n", "  - key: edge\n   bad: [\n"));
    expect(syntax.ok ? [] : syntax.errors.map((error) => [error.key, error.line !== null])).toContainEqual([
      "validation.checklist.file.syntax",
      true,
    ]);
    const json = parseChecklistDocument(
      '{\n  "format": "tenken-checklist/1",\n  "key": "x",\n  "title": {"ja": "x", "en": "x"},\n  "categories": [\n}',
    );
    expect(json.ok ? null : json.errors[0]!.line).toBe(6);
    const aliases = parseChecklistDocument(`${minimal}\nextra: &a [1]\nmore: *a\n`);
    expect(aliases.ok ? [] : aliases.errors.map((error) => error.key)).toEqual([
      "validation.checklist.file.aliases",
    ]);
    const other = parseChecklistDocument(minimal.replace("tenken-checklist/1", "something-else"));
    expect(other.ok ? [] : other.errors.map((error) => [error.line, error.key])).toEqual([
      [1, "validation.checklist.format.invalid"],
    ]);
  });

  it("refuse a file naming more items than any checklist has with one message, and report each problem once", () => {
    const file = (items: number) =>
      `format: tenken-checklist/1\nkey: x\ntitle: {ja: a, en: a}\ncategories:\n  - key: c\n    title: {ja: a, en: a}\n    items: [${Array(items).fill("{}").join(", ")}]\n`;
    const huge = parseChecklistDocument(file(MAX_DOCUMENT_ITEMS + 1));
    expect(huge.ok ? [] : huge.errors).toEqual([
      {
        line: null,
        column: null,
        path: "categories",
        key: "validation.checklist.file.tooManyItems",
        values: { max: MAX_DOCUMENT_ITEMS },
      },
    ]);
    // Within the limit, every empty item is wrong twice over (no key, no text): each problem once.
    const many = parseChecklistDocument(file(60));
    const errors = many.ok ? [] : many.errors;
    expect(errors).toHaveLength(120);
    expect(new Set(errors.map((error) => `${error.path} ${error.key}`)).size).toBe(120);
  });
});
