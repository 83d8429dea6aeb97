import { EVIDENCE_FILE_TYPES, sniffEvidenceFile, type EvidenceFileType } from "@/lib/evidence/file-type";

export type UploadCheck =
  | { ok: true; name: string; contentType: EvidenceFileType; bytes: Uint8Array }
  | { ok: false; key: string; values?: Record<string, string | number> };

type UploadedFile = { name: string; size: number; stream(): ReadableStream<Uint8Array> };

export function maxUploadBytes(maxMegabytes: number) {
  return Math.floor(maxMegabytes * 1024 * 1024);
}

/** The name shown and offered on download: the uploader's, cleaned, with the extension of what the file really is. */
export function storedFileName(name: string, contentType: EvidenceFileType) {
  const base =
    name
      .replace(/\.[^.]*$/, "")
      .replace(/[\u0000-\u001f\u007f"\\/]/g, "")
      .trim()
      .slice(0, 150) || "evidence";
  return `${base}.${EVIDENCE_FILE_TYPES[contentType]}`;
}

/**
 * Reads an uploaded file under a size cap and decides its type from its bytes. A stream that
 * breaks off (an interrupted upload) or bytes that end early are refused, so nothing partial
 * is ever stored.
 */
export async function readEvidenceUpload(file: UploadedFile | null, maxBytes: number): Promise<UploadCheck> {
  const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  if (!file || (file.size === 0 && !file.name))
    return { ok: false, key: "validation.evidence.file.required" };
  if (file.size > maxBytes)
    return { ok: false, key: "validation.evidence.file.tooLarge", values: { max: megabytes } };
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return { ok: false, key: "validation.evidence.file.tooLarge", values: { max: megabytes } };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, key: "validation.evidence.file.interrupted" };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const sniffed = sniffEvidenceFile(bytes);
  if (!sniffed.ok) return { ok: false, key: `validation.evidence.file.${sniffed.reason}` };
  return {
    ok: true,
    name: storedFileName(file.name, sniffed.contentType),
    contentType: sniffed.contentType,
    bytes,
  };
}
