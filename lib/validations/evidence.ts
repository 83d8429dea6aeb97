import { readEvidenceUpload } from "@/lib/evidence/upload";
import { revisionField, storableText, z } from "@/lib/validations/zod";

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
  itemKey: storableText()
    .trim()
    .min(1, "validation.answer.item.invalid")
    .max(100, "validation.answer.item.invalid"),
};

const linkFields = {
  url: storableText()
    .trim()
    .min(1, "validation.evidence.url.required")
    .max(2000, "validation.evidence.url.invalid")
    .refine(isWebUrl, "validation.evidence.url.invalid"),
  title: storableText().trim().max(200, "validation.evidence.title.tooLong").default(""),
};
const noteFields = {
  body: storableText()
    .trim()
    .min(1, "validation.evidence.body.required")
    .max(MAX_NOTE_LENGTH, "validation.evidence.body.tooLong"),
};

/** A file field, read and checked from its bytes (lib/evidence/upload.ts): what is stored, or the field's error. */
function uploadedFile(maxBytes: number) {
  return z.unknown().transform(async (value, ctx) => {
    const upload = await readEvidenceUpload(value instanceof File ? value : null, maxBytes);
    if (!upload.ok) {
      ctx.addIssue({
        code: "custom",
        message: upload.key,
        ...(upload.values ? { params: upload.values } : {}),
      });
      return z.NEVER;
    }
    return { name: upload.name, contentType: upload.contentType, bytes: upload.bytes };
  });
}

/** New evidence: a link, a note, or a file of at most `maxBytes`, whose type its bytes decide. */
export function newEvidenceSchema(maxBytes: number) {
  return z.discriminatedUnion(
    "kind",
    [
      z.object({ ...target, kind: z.literal("LINK"), ...linkFields }),
      z.object({ ...target, kind: z.literal("NOTE"), ...noteFields }),
      z.object({ ...target, kind: z.literal("FILE"), file: uploadedFile(maxBytes) }),
    ],
    "validation.evidence.kind.invalid",
  );
}

const evidenceId = { evidenceId: z.uuid("validation.evidence.unknown") };
export const evidenceIdSchema = z.object(evidenceId);
// The forms that change a piece (edit, "still valid", remove) carry the revision the page read it at.
const atRevision = { ...evidenceId, revision: revisionField };
/** Marking a piece still valid, or removing it. */
export const evidenceAtRevisionSchema = z.object(atRevision);
export const evidenceEditSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...atRevision, kind: z.literal("LINK"), ...linkFields }),
    z.object({ ...atRevision, kind: z.literal("NOTE"), ...noteFields }),
  ],
  "validation.evidence.kind.invalid",
);

export type NewEvidenceInput = z.output<ReturnType<typeof newEvidenceSchema>>;
export type EvidenceAtRevision = z.infer<typeof evidenceAtRevisionSchema>;
export type EvidenceEdit = z.infer<typeof evidenceEditSchema>;
