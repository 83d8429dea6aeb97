/**
 * Decides what an uploaded evidence file is from its bytes alone. The name and the
 * browser-sent Content-Type are chosen by the uploader, so neither can be trusted to keep
 * an SVG or HTML page (which can run script when served back) out of evidence storage.
 */

export const EVIDENCE_FILE_TYPES = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "application/pdf": "pdf",
} as const;

export type EvidenceFileType = keyof typeof EVIDENCE_FILE_TYPES;

export type SniffResult =
  | { ok: true; contentType: EvidenceFileType; extension: string; isImage: boolean }
  | { ok: false; reason: "empty" | "unsupported" | "truncated" };

type Check = "ok" | "unsupported" | "truncated";

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const GIF87A = ascii("GIF87a");
const GIF89A = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const PDF_SIGNATURE = ascii("%PDF-");
const PDF_EOF = ascii("%%EOF");
const WEBP_FIRST_CHUNKS = ["VP8 ", "VP8L", "VP8X"];

// PDF readers look for the end-of-file marker only near the end, so must we.
const PDF_EOF_WINDOW = 1024;
// Signature + logical screen descriptor + trailer: anything shorter cannot be a whole GIF.
const GIF_MIN_LENGTH = 6 + 7 + 1;

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (at < 0 || at + prefix.length > bytes.length) return false;
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

function indexOf(bytes: Uint8Array, needle: readonly number[], from: number): number {
  for (let at = Math.max(0, from); at + needle.length <= bytes.length; at++) {
    if (startsWith(bytes, needle, at)) return at;
  }
  return -1;
}

// Callers check bounds first; `?? 0` only satisfies noUncheckedIndexedAccess.
const byteAt = (bytes: Uint8Array, at: number): number => bytes[at] ?? 0;

const uint32BE = (bytes: Uint8Array, at: number): number =>
  byteAt(bytes, at) * 2 ** 24 +
  ((byteAt(bytes, at + 1) << 16) | (byteAt(bytes, at + 2) << 8) | byteAt(bytes, at + 3));

const uint32LE = (bytes: Uint8Array, at: number): number =>
  byteAt(bytes, at + 3) * 2 ** 24 +
  ((byteAt(bytes, at + 2) << 16) | (byteAt(bytes, at + 1) << 8) | byteAt(bytes, at));

const fourCC = (bytes: Uint8Array, at: number): string =>
  String.fromCharCode(byteAt(bytes, at), byteAt(bytes, at + 1), byteAt(bytes, at + 2), byteAt(bytes, at + 3));

const isChunkType = (type: string): boolean => /^[A-Za-z]{4}$/.test(type);

// A PNG cut anywhere loses its IEND chunk, so walking the chunk lengths from IHDR to IEND
// catches truncation without decoding anything. CRCs are not checked: corruption is not
// what this guards against.
function checkPng(bytes: Uint8Array): Check {
  let offset = PNG_SIGNATURE.length;
  let first = true;
  while (offset + 8 <= bytes.length) {
    const length = uint32BE(bytes, offset);
    const type = fourCC(bytes, offset + 4);
    if (!isChunkType(type) || (first && type !== "IHDR")) return "unsupported";
    const next = offset + 12 + length;
    if (next > bytes.length) return "truncated";
    if (type === "IEND") return "ok";
    offset = next;
    first = false;
  }
  return "truncated";
}

function checkJpeg(bytes: Uint8Array): Check {
  // The end-of-image marker must not overlap the start-of-image one.
  if (bytes.length < JPEG_SIGNATURE.length + 2) return "truncated";
  return byteAt(bytes, bytes.length - 2) === 0xff && byteAt(bytes, bytes.length - 1) === 0xd9
    ? "ok"
    : "truncated";
}

function checkGif(bytes: Uint8Array): Check {
  if (bytes.length < GIF_MIN_LENGTH) return "truncated";
  return byteAt(bytes, bytes.length - 1) === 0x3b ? "ok" : "truncated";
}

function checkWebp(bytes: Uint8Array): Check {
  const riffSize = uint32LE(bytes, 4);
  // "WEBP" plus at least one chunk header; a smaller RIFF is malformed, not cut short.
  if (riffSize < 12) return "unsupported";
  if (riffSize + 8 > bytes.length) return "truncated";
  return WEBP_FIRST_CHUNKS.includes(fourCC(bytes, 12)) ? "ok" : "unsupported";
}

function checkPdf(bytes: Uint8Array): Check {
  return indexOf(bytes, PDF_EOF, bytes.length - PDF_EOF_WINDOW) === -1 ? "truncated" : "ok";
}

function detect(bytes: Uint8Array): { type: EvidenceFileType; check: () => Check } | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return { type: "image/png", check: () => checkPng(bytes) };
  if (startsWith(bytes, JPEG_SIGNATURE)) return { type: "image/jpeg", check: () => checkJpeg(bytes) };
  if (startsWith(bytes, GIF87A) || startsWith(bytes, GIF89A))
    return { type: "image/gif", check: () => checkGif(bytes) };
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8))
    return { type: "image/webp", check: () => checkWebp(bytes) };
  if (startsWith(bytes, PDF_SIGNATURE)) return { type: "application/pdf", check: () => checkPdf(bytes) };
  return null;
}

export function sniffEvidenceFile(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  const detected = detect(bytes);
  if (!detected) return { ok: false, reason: "unsupported" };
  const check = detected.check();
  if (check !== "ok") return { ok: false, reason: check };
  return {
    ok: true,
    contentType: detected.type,
    extension: EVIDENCE_FILE_TYPES[detected.type],
    isImage: detected.type.startsWith("image/"),
  };
}
