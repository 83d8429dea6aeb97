import { z } from "@/lib/validations/zod";

export const ANSWER_STATUSES = ["MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE"] as const;
export const MAX_LINKS = 20;

// Only http and https: anything else (javascript:, data:, file:) would be followed from the page.
function isWebUrl(value: string) {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

const linksSchema = z
  .string()
  .max(40_000, "validation.answer.links.tooLong")
  .transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
  .superRefine((links, ctx) => {
    if (links.length > MAX_LINKS) ctx.addIssue({ code: "custom", message: "validation.answer.links.tooMany", params: { max: MAX_LINKS } });
    links.forEach((link, index) => {
      if (link.length > 2000 || !isWebUrl(link)) {
        ctx.addIssue({ code: "custom", message: "validation.answer.links.invalid", params: { line: index + 1, link: link.slice(0, 80) } });
      }
    });
  })
  .transform((links) => [...new Set(links)]);

export const answerSchema = z.object({
  serviceId: z.uuid("validation.answer.service.invalid"),
  itemKey: z.string().trim().min(1, "validation.answer.item.invalid").max(100, "validation.answer.item.invalid"),
  status: z.enum(ANSWER_STATUSES, "validation.answer.status.required"),
  note: z.string().trim().max(5000, "validation.answer.note.tooLong").default(""),
  links: linksSchema.default([]),
});

export type AnswerInput = z.infer<typeof answerSchema>;

export function parseAnswerForm(formData: FormData) {
  return answerSchema.safeParse({
    serviceId: formData.get("serviceId") ?? "",
    itemKey: formData.get("itemKey") ?? "",
    status: formData.get("status") ?? undefined,
    note: formData.get("note") ?? "",
    links: formData.get("links") ?? "",
  });
}
