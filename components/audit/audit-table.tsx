import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { ColumnHeaders } from "@/components/ui/column-headers";
import { env } from "@/lib/env";
import type { AuditEntry } from "@/lib/queries/audit";

type Change = { field: string; before?: string; after?: string };

function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map(display).join(", ") : "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

// Only what differs; a creation shows everything it was created with.
export function changesOf(before: unknown, after: unknown): Change[] {
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({
      field,
      ...(field in from ? { before: display(from[field]) } : {}),
      ...(field in to ? { after: display(to[field]) } : {}),
    }));
}

export async function AuditTable({
  entries,
  caption,
  showService = true,
}: {
  entries: AuditEntry[];
  caption: string;
  showService?: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <ColumnHeaders
          look="caps"
          labels={[t("when"), t("actor"), t("kind"), ...(showService ? [t("service")] : []), t("what")]}
        />
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id} className="align-top">
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                <time dateTime={entry.createdAt.toISOString()}>
                  {format.dateTime(entry.createdAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: env.TENKEN_TIME_ZONE,
                  })}
                </time>
              </td>
              <td className="px-3 py-2">{entry.actorName}</td>
              <td className="px-3 py-2">{t(`kinds.${entry.kind}`)}</td>
              {showService && (
                <td className="px-3 py-2">
                  {entry.serviceSlug ? (
                    <Link href={`/services/${entry.serviceSlug}`} className="text-blue-700 underline">
                      {entry.serviceName}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              )}
              <td className="px-3 py-2">
                <ul className="space-y-0.5">
                  {changesOf(entry.before, entry.after).map((change) => (
                    <li key={change.field}>
                      <span className="font-mono text-xs text-slate-500">{change.field}</span>{" "}
                      {change.before !== undefined && <del className="text-rose-800">{change.before}</del>}
                      {change.before !== undefined && change.after !== undefined && " → "}
                      {change.after !== undefined && (
                        <ins className="text-teal-800 no-underline">{change.after}</ins>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
