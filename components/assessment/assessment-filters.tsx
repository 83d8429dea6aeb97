"use client";

import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";

/**
 * The assessment's filters, applied as they change: the choice goes into the address (so the
 * link can be shared) and the server renders the rows that match. Without JavaScript the form
 * is an ordinary GET form.
 */
export function AssessmentFilters({ label, children }: { label: string; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <form
      role="search"
      aria-label={label}
      className="flex flex-wrap items-end gap-3"
      onChange={(event) => {
        const params = new URLSearchParams();
        for (const [name, value] of new FormData(event.currentTarget))
          if (typeof value === "string" && value) params.set(name, value);
        const query = params.toString();
        router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
      }}
    >
      {children}
    </form>
  );
}
