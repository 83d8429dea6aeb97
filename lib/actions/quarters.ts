"use server";

import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
import { quarterParam } from "@/lib/quarters";
import { reopenQuarter } from "@/lib/read-models/quarter-reopenings";
import { closeQuarter } from "@/lib/read-models/quarter-snapshots";
import { quarterCloseSchema, quarterReopenSchema } from "@/lib/validations/trends";

// Both leave the confirmation behind: the trend says what was done, and the quarter's row shows it.
export async function closeQuarterAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "closeQuarters",
    schema: quarterCloseSchema,
    run: (quarter, actor) => closeQuarter(quarter, actor),
    done: { key: "trends.closed" },
    revalidate: CHANGED_PAGES.everywhere,
    redirectTo: (_, quarter) => `/trends?closed=${quarterParam(quarter)}`,
  });
}

export async function reopenQuarterAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "reopenQuarters",
    schema: quarterReopenSchema,
    run: (input, actor) => reopenQuarter(input, actor),
    done: { key: "trends.reopenedDone" },
    revalidate: CHANGED_PAGES.everywhere,
    redirectTo: (_, quarter) => `/trends?reopened=${quarterParam(quarter)}`,
  });
}
