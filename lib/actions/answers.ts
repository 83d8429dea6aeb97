"use server";

import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
import { saveAnswer } from "@/lib/queries/answers";
import { answerSchema } from "@/lib/validations/answer";

export async function saveAnswerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: answerSchema,
    run: (input, actor) => saveAnswer(input, actor),
    done: ({ changed }) => ({ key: changed ? "assessment.saved" : "assessment.unchanged" }),
    revalidate: CHANGED_PAGES.answer,
  });
}
