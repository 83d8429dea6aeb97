import { ANSWER_STATUSES } from "@/lib/scoring";
import { revisionField, storableText, z } from "@/lib/validations/zod";

// Components import ANSWER_STATUSES from lib/scoring: from here, zod would come along to the browser.
export { ANSWER_STATUSES };

export const answerSchema = z
  .object({
    serviceId: z.uuid("validation.answer.service.invalid"),
    itemKey: storableText()
      .trim()
      .min(1, "validation.answer.item.invalid")
      .max(100, "validation.answer.item.invalid"),
    status: z.enum(ANSWER_STATUSES, "validation.answer.status.required"),
    note: storableText().trim().max(5000, "validation.answer.note.tooLong").default(""),
    // The answer's revision the form was read at; 0 when there was none yet.
    revision: revisionField,
  })
  // "Not applicable" is data a reviewer decides on, so it must say why.
  .superRefine((answer, ctx) => {
    if (answer.status === "NOT_APPLICABLE" && !answer.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "validation.answer.note.naReason" });
  });

export type AnswerInput = z.infer<typeof answerSchema>;
