import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";

type Language = "en" | "ja";
type Term = {
  idea: string;
  terms: Record<Language, string[]>;
  avoid: Record<Language, string[]>;
  keys: string[];
};

const list = (cell: string, separator: string) =>
  cell
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);

// The table under "## Terms" in docs/glossary.md, one row per idea.
function readGlossary(): Term[] {
  const text = readFileSync("docs/glossary.md", "utf8");
  const table = text.slice(text.indexOf("## Terms"));
  return table
    .split("\n")
    .filter((line) => line.startsWith("|") && !line.startsWith("| Idea") && !line.startsWith("| ---"))
    .map((line) => {
      const [idea = "", english = "", japanese = "", avoidEn = "", avoidJa = "", keys = ""] = line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim());
      return {
        idea,
        terms: { en: list(english, " / "), ja: list(japanese, " / ") },
        avoid: { en: list(avoidEn, ", "), ja: list(avoidJa, ", ") },
        keys: list(keys, ", "),
      };
    });
}

function flatten(messages: object, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value as object, `${prefix}${key}.`),
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Where a word to avoid occurs in a text, except inside one of the terms (カテゴリ is part of
 * カテゴリー). English words match whole and in any case; Japanese ones anywhere.
 */
export function findAvoided(text: string, avoid: string, terms: string[], language: Language): boolean {
  const pattern =
    language === "en"
      ? new RegExp(`(?<![\\w])${escape(avoid)}(?![\\w])`, "gi")
      : new RegExp(escape(avoid), "g");
  return [...text.matchAll(pattern)].some((match) => {
    const start = match.index;
    const end = start + match[0].length;
    return !terms.some((term) =>
      [...text.matchAll(new RegExp(escape(term), language === "en" ? "gi" : "g"))].some(
        (found) => found.index <= start && found.index + found[0].length >= end,
      ),
    );
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx|sql|yaml|json)$/.test(entry) && !entry.endsWith(".test.ts") ? [full] : [];
  });
}

const glossary = readGlossary();
const messages = { en: flatten(en), ja: flatten(ja) };
const allTerms = (language: Language) => glossary.flatMap((term) => term.terms[language]);

describe("the glossary", () => {
  it("has a term in both languages for every idea", () => {
    expect(glossary.length).toBeGreaterThan(30);
    expect(glossary.filter((term) => !term.terms.en.length || !term.terms.ja.length)).toEqual([]);
  });

  it("names the states the schema has: the four answers and the three N/A states", () => {
    const keys = glossary.flatMap((term) => term.keys);
    for (const status of ["MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE"])
      expect(keys).toContain(`status.${status}`);
    for (const state of ["PENDING", "APPROVED", "REJECTED"]) expect(keys).toContain(`review.na.${state}`);
  });
});

describe.each(["en", "ja"] as const)("%s messages", (language) => {
  it("never use a word the glossary says not to", () => {
    const offenders = messages[language].flatMap(([key, value]) =>
      glossary.flatMap((term) =>
        term.avoid[language]
          .filter((avoid) => findAvoided(value, avoid, allTerms(language), language))
          .map(
            (avoid) =>
              `${key}: “${avoid}” for ${term.idea} (${term.terms[language].join(" / ")}) in “${value}”`,
          ),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("use the glossary's term itself where a message is the name of an idea", () => {
    const byKey = new Map(messages[language]);
    const wrong = glossary.flatMap((term) =>
      term.keys
        .filter(
          (key) => !term.terms[language].some((form) => form.toLowerCase() === byKey.get(key)?.toLowerCase()),
        )
        .map((key) => `${key} is “${byKey.get(key)}”, the glossary says ${term.terms[language].join(" / ")}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe("Japanese text outside the messages", () => {
  it("uses the glossary's words too: the default checklist, the minutes, the demo data", () => {
    const files = [...sourceFiles("lib"), ...sourceFiles("prisma")];
    expect(files.some((file) => file.endsWith(path.join("checklist", "default.ts")))).toBe(true);
    const japaneseAvoid = glossary.flatMap((term) =>
      term.avoid.ja.filter((avoid) => /[^\x00-\x7f]/.test(avoid)).map((avoid) => ({ avoid, term })),
    );
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      if (!/[^\x00-\x7f]/.test(text)) return [];
      const terms = allTerms("ja");
      return text
        .split("\n")
        .flatMap((line, index) =>
          japaneseAvoid
            .filter(({ avoid }) => line.includes(avoid) && findAvoided(line, avoid, terms, "ja"))
            .map(({ avoid, term }) => `${file}:${index + 1}: “${avoid}” for ${term.idea}`),
        );
    });
    expect(offenders).toEqual([]);
  });
});

describe("findAvoided", () => {
  it("catches a variant but not the term that contains it", () => {
    expect(findAvoided("すべてのカテゴリ", "カテゴリ", ["カテゴリー"], "ja")).toBe(true);
    expect(findAvoided("すべてのカテゴリー", "カテゴリ", ["カテゴリー"], "ja")).toBe(false);
    expect(findAvoided("カテゴリーとカテゴリ", "カテゴリ", ["カテゴリー"], "ja")).toBe(true);
    expect(findAvoided("エビデンスを追加", "エビデンス", ["証跡"], "ja")).toBe(true);
    expect(findAvoided("Only met or partial answers", "Partial", ["Partially met"], "en")).toBe(true);
    expect(findAvoided("Partially met", "Partial", ["Partially met"], "en")).toBe(false);
  });
});
