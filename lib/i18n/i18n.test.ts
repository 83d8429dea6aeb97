import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { negotiateLocale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string, extensions = [".tsx"]): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full, extensions);
    return extensions.some((extension) => full.endsWith(extension)) ? [full] : [];
  });
}

describe("locale negotiation", () => {
  it("follows Accept-Language and its weights", () => {
    expect(negotiateLocale("ja,en-US;q=0.9,en;q=0.8")).toBe("ja");
    expect(negotiateLocale("ja-JP")).toBe("ja");
    expect(negotiateLocale("en-GB,en;q=0.9,ja;q=0.8")).toBe("en");
    expect(negotiateLocale("fr-FR,ja;q=0.5,en;q=0.4")).toBe("ja");
    expect(negotiateLocale("en;q=0.2,ja;q=0.9")).toBe("ja");
  });

  it("falls back to English", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("de,fr;q=0.8")).toBe("en");
    expect(negotiateLocale("ja;q=0")).toBe("en");
  });
});

describe("messages", () => {
  it("have the same keys in Japanese and English", () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it("cover every message key the code names: validations, refusals and what forms say once saved", () => {
    const all = new Set(keys(en));
    const code = ["lib", "app", "components"]
      .flatMap((dir) => sourceFiles(dir, [".ts", ".tsx"]))
      .filter((file) => !file.endsWith(".test.ts") && !file.includes(`${path.sep}generated${path.sep}`));
    const used = code.flatMap((file) =>
      [
        ...readFileSync(file, "utf8").matchAll(
          /"((?:validation|errors|assessment|review|evidence|comments|trends|retrospective|checklistEditor|admin|auth|app)\.[A-Za-z.]+)"/g,
        ),
      ].map((match) => `${file}: ${match[1]!}`),
    );
    // Strings shaped like message keys that are something else.
    const notMessages = new Set(["auth.secret"]); // an instance setting's name (lib/auth/server.ts)
    expect(used.length).toBeGreaterThan(100);
    expect(
      used.filter((entry) => !all.has(entry.split(": ")[1]!) && !notMessages.has(entry.split(": ")[1]!)),
    ).toEqual([]);
  });

  it("are the only source of words in components: no bare text between JSX tags", () => {
    const offenders = [...sourceFiles("app"), ...sourceFiles("components")].flatMap((file) => {
      const source = readFileSync(file, "utf8");
      // Text between the end of a JSX tag and the next tag that contains a letter (arrows,
      // comparisons and generics are not tag ends).
      return [...source.matchAll(/(?<=[\w"}/])>\s*([^<>{}\s][^<>{}]*?)\s*[<{]/g)]
        .map((match) => match[1]!)
        .filter((text) => /\p{L}/u.test(text) && !/[()=;?]/.test(text))
        .map((text) => `${file}: ${text}`);
    });
    expect(offenders).toEqual([]);
  });
});
