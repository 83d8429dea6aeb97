import { z } from "@/lib/validations/zod";

export const MAX_NOTE_LENGTH = 20_000;

// Only http and https: anything else (javascript:, data:, file:) would be followed from the page.
export function isWebUrl(value: string) {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

const target = {
  serviceId: z.uuid("validation.answer.service.invalid"),
  itemKey: z
    .string()
    .trim()
    .min(1, "validation.answer.item.invalid")
    .max(100, "validation.answer.item.invalid"),
};

const linkFields = {
  url: z
    .string()
    .trim()
    .min(1, "validation.evidence.url.required")
    .max(2000, "validation.evidence.url.invalid")
    .refine(isWebUrl, "validation.evidence.url.invalid"),
  title: z.string().trim().max(200, "validation.evidence.title.tooLong").default(""),
};
const noteFields = {
  body: z
    .string()
    .trim()
    .min(1, "validation.evidence.body.required")
    .max(MAX_NOTE_LENGTH, "validation.evidence.body.tooLong"),
};

export const newEvidenceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...target, kind: z.literal("LINK"), ...linkFields }),
    z.object({ ...target, kind: z.literal("NOTE"), ...noteFields }),
    // The file itself is checked from its bytes (lib/evidence/file-type.ts), not here.
    z.object({ ...target, kind: z.literal("FILE") }),
  ],
  "validation.evidence.kind.invalid",
);

const evidenceId = { evidenceId: z.uuid("validation.evidence.unknown") };
export const evidenceIdSchema = z.object(evidenceId);
export const evidenceEditSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...evidenceId, kind: z.literal("LINK"), ...linkFields }),
    z.object({ ...evidenceId, kind: z.literal("NOTE"), ...noteFields }),
  ],
  "validation.evidence.kind.invalid",
);

export type NewEvidenceInput = z.infer<typeof newEvidenceSchema>;
export type EvidenceEdit = z.infer<typeof evidenceEditSchema>;

/** The fields of an evidence form as the schema expects them: absent fields stay absent. */
export function evidenceFormFields(formData: FormData, names: readonly string[]) {
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = formData.get(name);
      return typeof value === "string" ? [[name, value]] : [];
    }),
  );
}
