"use server";

import { todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
import { addComment, decideOnAnswer } from "@/lib/queries/review";
import { commentSchema, reviewDecisionSchema } from "@/lib/validations/review";

export async function reviewAnswerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "reviewAnswers",
    schema: reviewDecisionSchema,
    run: (decision, actor) => decideOnAnswer(decision, actor, { today: todayIn(env.TENKEN_TIME_ZONE) }),
    done: (_, { decision }) => ({ key: `review.done.${decision}` }),
    revalidate: CHANGED_PAGES.item,
  });
}

export async function addCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: commentSchema,
    run: (comment, actor) => addComment(comment, actor),
    done: { key: "comments.added" },
    revalidate: CHANGED_PAGES.item,
  });
}
