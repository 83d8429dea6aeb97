import { describe, expect, it } from "vitest";

import { EVIDENCE_FILE_TYPES, sniffEvidenceFile, type EvidenceFileType } from "@/lib/evidence/file-type";

const fromBase64 = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));
const fromText = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

// 1×1 red pixels made by ImageMagick and cwebp, each checked to decode with a real decoder
// (ImageMagick, djpeg, dwebp), so the sniffer is tested against what tools really write.
const PNG = fromBase64(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABAQMAAAAl21bKAAAAA1BMVEX/AAAZ4gk3AAAACklEQVQI12NgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==",
);
const JPEG = fromBase64(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCKALXj/9k=",
);
const GIF = fromBase64("R0lGODlhAQABAPAAAP8AAAAAACH5BAAAAAAALAAAAAABAAEAAAICRAEAOw==");
const WEBP = fromBase64("UklGRhwAAABXRUJQVlA4TA8AAAAvAAAAAAcQ/Y/+ByKi/wEA");

// A one-page PDF whose xref offsets are computed, so it is a real file and not just a header.
function minimalPdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>",
  ];
  let text = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = text.length;
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return fromText(text);
}
const PDF = minimalPdf();

const VALID: [string, Uint8Array, EvidenceFileType][] = [
  ["PNG", PNG, "image/png"],
  ["JPEG", JPEG, "image/jpeg"],
  ["GIF", GIF, "image/gif"],
  ["WebP", WEBP, "image/webp"],
  ["PDF", PDF, "application/pdf"],
];

const half = (bytes: Uint8Array) => bytes.slice(0, Math.floor(bytes.length / 2));

describe("sniffEvidenceFile", () => {
  it.each(VALID)("recognises a real %s", (_name, bytes, contentType) => {
    expect(sniffEvidenceFile(bytes)).toEqual({
      ok: true,
      contentType,
      extension: EVIDENCE_FILE_TYPES[contentType],
      isImage: contentType !== "application/pdf",
    });
  });

  it("maps each type to its usual extension", () => {
    expect(EVIDENCE_FILE_TYPES).toEqual({
      "image/png": "png",
      "image/jpeg": "jpg",
      "image/webp": "webp",
      "image/gif": "gif",
      "application/pdf": "pdf",
    });
  });

  it("accepts trailing bytes after a complete PNG, WebP and PDF", () => {
    const extra = fromText("\n\n");
    for (const bytes of [PNG, WEBP, PDF]) expect(sniffEvidenceFile(concat(bytes, extra)).ok).toBe(true);
  });

  it("calls zero bytes empty", () => {
    expect(sniffEvidenceFile(new Uint8Array())).toEqual({ ok: false, reason: "empty" });
  });

  it.each([
    ["SVG with script", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ["SVG with XML prolog", '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'],
    ["a shell script renamed .png", "#!/bin/sh\nrm -rf /\n"],
    ["HTML", "<!doctype html><html><body><script>alert(1)</script></body></html>"],
    ["plain text", "screenshot.png"],
    ["a ZIP archive", "PK\u0003\u0004\u0014\u0000\u0000\u0000"],
    ["a WAV (RIFF but not WEBP)", "RIFF\u0024\u0000\u0000\u0000WAVEfmt "],
    ["a PDF signature not at the start", " %PDF-1.4\n%%EOF\n"],
  ])("rejects %s as unsupported", (_name, text) => {
    expect(sniffEvidenceFile(fromText(text))).toEqual({ ok: false, reason: "unsupported" });
  });

  it.each(VALID)("calls a %s cut to half its length truncated", (_name, bytes) => {
    expect(sniffEvidenceFile(half(bytes))).toEqual({ ok: false, reason: "truncated" });
  });

  it.each(VALID.filter(([name]) => name !== "PDF"))(
    "never accepts any shorter prefix of a %s",
    (_name, bytes) => {
      for (let length = 1; length < bytes.length; length++) {
        expect(sniffEvidenceFile(bytes.slice(0, length)).ok, `first ${length} bytes`).toBe(false);
      }
    },
  );

  it("calls a PDF cut inside its %%EOF marker truncated", () => {
    // The newline after %%EOF may go; the marker itself may not.
    expect(sniffEvidenceFile(PDF.slice(0, PDF.length - 2))).toEqual({ ok: false, reason: "truncated" });
  });

  it("rejects a PNG signature followed by garbage", () => {
    const signature = PNG.slice(0, 8);
    expect(sniffEvidenceFile(concat(signature, fromText("this is not a chunk stream at all")))).toEqual({
      ok: false,
      reason: "unsupported",
    });
    expect(sniffEvidenceFile(signature)).toEqual({ ok: false, reason: "truncated" });
  });

  it("rejects a PNG that never reaches IEND", () => {
    const withoutIend = PNG.slice(0, PNG.length - 12);
    expect(sniffEvidenceFile(withoutIend)).toEqual({ ok: false, reason: "truncated" });
  });

  it("rejects a PNG whose chunk claims more data than the file holds", () => {
    const lying = PNG.slice();
    lying[8] = 0x7f; // IHDR length now about 2 GB
    expect(sniffEvidenceFile(lying)).toEqual({ ok: false, reason: "truncated" });
  });

  it("rejects a WebP whose RIFF size is too small to hold a chunk", () => {
    const tiny = WEBP.slice();
    tiny.set([4, 0, 0, 0], 4);
    expect(sniffEvidenceFile(tiny)).toEqual({ ok: false, reason: "unsupported" });
  });

  it("rejects a PDF whose %%EOF is further than 1024 bytes from the end", () => {
    const padded = concat(PDF, fromText(" ".repeat(1024)));
    expect(sniffEvidenceFile(padded)).toEqual({ ok: false, reason: "truncated" });
  });

  it("rejects a bare signature too short to hold any image", () => {
    expect(sniffEvidenceFile(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toEqual({
      ok: false,
      reason: "truncated",
    });
    expect(sniffEvidenceFile(fromText("GIF89a;"))).toEqual({ ok: false, reason: "truncated" });
  });

  it("never throws on random or truncated input", () => {
    // A fixed-seed generator keeps a failure reproducible.
    let seed = 0x2545f491;
    const random = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 2 ** 32;
    };
    const randomBytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(random() * 256));
    const inputs: Uint8Array[] = [];
    for (let i = 0; i < 2000; i++) inputs.push(randomBytes(Math.floor(random() * 64)));
    for (const [, bytes] of VALID) {
      for (let length = 0; length <= bytes.length; length++) inputs.push(bytes.slice(0, length));
      // Keep a real header and scramble what follows, to reach deep into each parser.
      for (let i = 0; i < 300; i++) {
        const mutated = bytes.slice(0, 1 + Math.floor(random() * bytes.length));
        const flips = 1 + Math.floor(random() * 4);
        for (let f = 0; f < flips; f++)
          mutated[12 + Math.floor(random() * Math.max(1, mutated.length - 12))] = Math.floor(random() * 256);
        inputs.push(mutated);
      }
    }
    for (const input of inputs) {
      const result = sniffEvidenceFile(input);
      expect(typeof result.ok).toBe("boolean");
    }
    expect(inputs.length).toBeGreaterThan(3000);
  });
});
