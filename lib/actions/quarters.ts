"use server";

import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
import { closeQuarter } from "@/lib/read-models/quarter-snapshots";
import { quarterCloseSchema } from "@/lib/validations/trends";

export async function closeQuarterAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "closeQuarters",
    schema: quarterCloseSchema,
    run: (quarter, actor) => closeQuarter(quarter, actor),
    done: { key: "trends.closed" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}
