import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { CLIENT_MESSAGES, EVERY_PAGE_MESSAGES, pickMessages } from "@/lib/i18n/client-messages";
import en from "@/lib/i18n/messages/en.json";

function clientComponents(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return clientComponents(full);
    if (!full.endsWith(".tsx")) return [];
    return /^\s*["']use client["']/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

/**
 * The messages a client component asks for: useTranslations("namespace"), and with
 * useTranslations() the first segment of each t("namespace.key") or t(`namespace.${...}`).
 */
function namespacesUsedBy(source: string) {
  if (!source.includes("useTranslations")) return [];
  const scoped = [...source.matchAll(/useTranslations\(\s*["']([\w.]+)["']\s*\)/g)].map((match) => match[1]!);
  const unscoped = /useTranslations\(\s*\)/.test(source)
    ? [...source.matchAll(/\bt\(\s*["'`]([\w]+)\./g)].map((match) => match[1]!)
    : [];
  return [...new Set([...scoped, ...unscoped])];
}

describe("the messages sent to the browser", () => {
  it("picks namespaces and single messages", () => {
    const messages = { a: { x: "1", y: "2" }, b: { z: "3" }, c: "4" };
    expect(pickMessages(messages, ["a.x", "c"])).toEqual({ a: { x: "1" }, c: "4" });
    expect(pickMessages(messages, ["b", "a.y", "missing", "a.missing"])).toEqual({
      a: { y: "2" },
      b: { z: "3" },
    });
  });

  it("name only namespaces and messages that exist", () => {
    const paths = [...EVERY_PAGE_MESSAGES, ...Object.values(CLIENT_MESSAGES).flat()];
    for (const messagePath of paths) expect(pickMessages(en, [messagePath]), messagePath).not.toEqual({});
  });

  // A namespace a client component uses but no page sends would show raw keys in the browser.
  it("cover every namespace a client component uses", () => {
    const sent = new Set<string>([
      ...EVERY_PAGE_MESSAGES.map((messagePath) => messagePath.split(".")[0]!),
      ...Object.values(CLIENT_MESSAGES).flat(),
    ]);
    const missing = ["app", "components"].flatMap((dir) =>
      clientComponents(dir).flatMap((file) =>
        namespacesUsedBy(readFileSync(file, "utf8"))
          .filter((namespace) => !sent.has(namespace))
          .map((namespace) => `${file}: ${namespace}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});
