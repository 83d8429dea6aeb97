import { isNode, LineCounter, parseDocument, stringify, type Document } from "yaml";

import {
  checklistDocument,
  checklistRuleIssues,
  type ChecklistDocument,
} from "@/lib/validations/checklist-document";

export type DocumentError = {
  // 1-based, as editors count; null when the problem is the file as a whole.
  line: number | null;
  column: number | null;
  // Where in the document, e.g. "categories[2].items[0].text.ja".
  path: string;
  key: string;
  values?: Record<string, string | number>;
};

export type ParseResult = { ok: true; document: ChecklistDocument } | { ok: false; errors: DocumentError[] };

export const MAX_DOCUMENT_BYTES = 1_000_000;
// More than any real checklist (the default has 31): a file beyond it is refused before it is checked.
export const MAX_DOCUMENT_ITEMS = 1_000;
// Problems reported per file: enough to fix a file in one go, few enough to read.
const MAX_REPORTED_ERRORS = 200;

/** How many items a file names, counted without trusting its shape. */
function itemCount(plain: unknown) {
  const categories = (plain as { categories?: unknown } | null)?.categories;
  if (!Array.isArray(categories)) return 0;
  return categories.reduce<number>((total, category) => {
    const items = (category as { items?: unknown } | null)?.items;
    return total + (Array.isArray(items) ? items.length : 0);
  }, 0);
}

function pathText(path: readonly PropertyKey[]) {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${String(part)}`))
    .join("");
}

/** The line of the closest node to `path` that exists: a missing field points at its parent. */
function locate(doc: Document, lines: LineCounter, path: readonly PropertyKey[]) {
  for (let length = path.length; length >= 0; length--) {
    const node = doc.getIn(path.slice(0, length) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return { line: null, column: null };
}

/**
 * Reads a checklist file, YAML or JSON (JSON is read as the YAML it also is, so both report
 * errors by line). Every problem is reported, each with its line, not just the first.
 */
export function parseChecklistDocument(source: string): ParseResult {
  if (Buffer.byteLength(source, "utf8") > MAX_DOCUMENT_BYTES)
    return {
      ok: false,
      errors: [{ line: null, column: null, path: "", key: "validation.checklist.file.tooLarge" }],
    };
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const position = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
        return {
          line: position.line,
          column: position.col,
          path: "",
          key: "validation.checklist.file.syntax",
          values: { detail: error.message.split("\n")[0]! },
        };
      }),
    };
  }
  let plain: unknown;
  try {
    // Aliases could make a small file expand enormously; a checklist has no use for them.
    plain = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return {
      ok: false,
      errors: [{ line: null, column: null, path: "", key: "validation.checklist.file.aliases" }],
    };
  }
  if (itemCount(plain) > MAX_DOCUMENT_ITEMS)
    return {
      ok: false,
      errors: [
        {
          line: null,
          column: null,
          path: "categories",
          key: "validation.checklist.file.tooManyItems",
          values: { max: MAX_DOCUMENT_ITEMS },
        },
      ],
    };
  const parsed = checklistDocument.safeParse(plain);
  if (parsed.success) return { ok: true, document: parsed.data };
  // The schema checks the rules across entries only once every entry is well formed; a file
  // with mistakes of both kinds hears of both at once. Each problem once, in one pass.
  const seen = new Set<string>();
  const unique = [...parsed.error.issues, ...checklistRuleIssues(plain)].filter((issue) => {
    const id = `${issue.message}|${pathText(issue.path)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return {
    ok: false,
    errors: unique
      .slice(0, MAX_REPORTED_ERRORS)
      .map((issue) => ({
        ...locate(doc, lines, issue.path),
        path: pathText(issue.path),
        key: issue.message,
        ...("params" in issue && issue.params
          ? { values: issue.params as Record<string, string | number> }
          : {}),
      }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

export function serializeChecklistDocument(document: ChecklistDocument, format: "yaml" | "json") {
  return format === "json" ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { lineWidth: 0 });
}
