import type { ReactNode } from "react";

// The three header styles the app's tables use: "plain" inside a card, "card" for a table that is
// its own card, "caps" for the dense admin and audit lists.
const LOOKS = {
  plain: { head: "border-b border-slate-200 text-slate-700", cell: "px-2 py-1.5" },
  card: { head: "bg-slate-50 text-left text-slate-700", cell: "px-4 py-2 font-semibold" },
  caps: { head: "bg-slate-50 text-xs uppercase text-slate-600", cell: "px-3 py-2" },
} as const;

/** A table's header row: one column header per label. */
export function ColumnHeaders({
  labels,
  look = "plain",
}: {
  labels: readonly ReactNode[];
  look?: keyof typeof LOOKS;
}) {
  return (
    <thead className={LOOKS[look].head}>
      <tr>
        {labels.map((label, index) => (
          <th key={index} scope="col" className={LOOKS[look].cell}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
