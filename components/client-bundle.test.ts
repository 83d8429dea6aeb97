import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Validation stays on the server: a client component that reaches zod, even through a shared
// module, ships all of it to every page that shows the component (about 90 KB gzipped).
const ROOT = path.resolve(import.meta.dirname, "..");
const SERVER_ONLY_PACKAGES = ["zod"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(full) && !full.endsWith(".test.ts") ? [full] : [];
  });
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : path.resolve(path.dirname(from), specifier);
  return [".ts", ".tsx", "/index.ts", "/index.tsx", ""]
    .map((ext) => base + ext)
    .find((file) => existsSync(file) && statSync(file).isFile());
}

/** Modules a file imports at run time (type-only imports never reach the browser). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)].map(
    (match) => match[1]!,
  );
}

/** The chain of modules from `file` to a server-only package, if there is one. */
function pathToServerOnly(file: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const specifier of runtimeImports(file)) {
    if (SERVER_ONLY_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`)))
      return [file, specifier];
    // A server action reaches the browser as a reference, not as its code.
    if (!specifier.startsWith("@/") && !specifier.startsWith(".")) continue;
    const target = resolveLocal(file, specifier);
    if (!target || /^\s*["']use server["']/.test(readFileSync(target, "utf8"))) continue;
    const rest = pathToServerOnly(target, seen);
    if (rest) return [file, ...rest];
  }
  return undefined;
}

describe("what client components bring to the browser", () => {
  it("never reaches zod", () => {
    const clientFiles = ["app", "components"]
      .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
      .filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));
    expect(clientFiles.length).toBeGreaterThan(5);
    const offenders = clientFiles
      .map((file) => pathToServerOnly(file))
      .filter((chain): chain is string[] => Boolean(chain))
      .map((chain) => chain.map((step) => path.relative(ROOT, step)).join(" → "));
    expect(offenders).toEqual([]);
  });
});
