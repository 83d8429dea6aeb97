"use server";

import { todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { maxUploadBytes } from "@/lib/evidence/upload";
import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
import { addEvidence, removeEvidence, renewEvidence, updateEvidence } from "@/lib/queries/evidence";
import { evidenceAtRevisionSchema, evidenceEditSchema, newEvidenceSchema } from "@/lib/validations/evidence";

export async function addEvidenceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: newEvidenceSchema(maxUploadBytes(env.TENKEN_EVIDENCE_MAX_MB)),
    run: (input, actor) => addEvidence(input, actor, { today: todayIn(env.TENKEN_TIME_ZONE) }),
    done: { key: "evidence.added" },
    revalidate: CHANGED_PAGES.item,
  });
}

export async function updateEvidenceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: evidenceEditSchema,
    run: (edit, actor) => updateEvidence(edit, actor),
    done: { key: "evidence.updated" },
    revalidate: CHANGED_PAGES.item,
  });
}

export async function removeEvidenceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: evidenceAtRevisionSchema,
    run: (target, actor) => removeEvidence(target, actor),
    done: { key: "evidence.removed" },
    revalidate: CHANGED_PAGES.item,
  });
}

export async function renewEvidenceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: evidenceAtRevisionSchema,
    run: (target, actor) => renewEvidence(target, actor, { today: todayIn(env.TENKEN_TIME_ZONE) }),
    done: { key: "evidence.renewed" },
    revalidate: CHANGED_PAGES.item,
  });
}
