import type { Quarter } from "@/lib/quarters";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A quarter's name as people read it, e.g. "FY2026 Q3" or "2026年度 第3四半期". */
export function quarterName(t: Translate, quarter: Pick<Quarter, "fiscalYear" | "quarter">) {
  return t("quarter.name", { year: quarter.fiscalYear, quarter: quarter.quarter });
}
