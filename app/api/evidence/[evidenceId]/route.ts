import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getEvidenceFile } from "@/lib/queries/evidence";
import { evidenceIdSchema } from "@/lib/validations/evidence";

export const dynamic = "force-dynamic";

const json = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

// An evidence file, to those who may read its service. Images show inline (thumbnails and full
// size); PDFs download. The stored type was decided from the bytes, and nosniff keeps it so.
export async function GET(_request: Request, { params }: { params: Promise<{ evidenceId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return json(401, "Sign in first.");
  if (!can.readEvidence(user)) return json(403, "Forbidden.");
  const parsed = evidenceIdSchema.safeParse(await params);
  if (!parsed.success) return json(404, "No such evidence file.");
  const file = await getEvidenceFile(parsed.data);
  if (!file) return json(404, "No such evidence file.");
  const disposition = file.contentType.startsWith("image/") ? "inline" : "attachment";
  const name = file.evidence.title || "evidence";
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.byteSize),
      // Next.js drops Content-Length from a route's answer; the server (scripts/serve.mjs) sets it from this.
      "X-Tenken-Content-Length": String(file.byteSize),
      "Content-Disposition": `${disposition}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      // Private: evidence may be confidential; the browser may keep it, shared caches may not.
      "Cache-Control": "private, max-age=300",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
