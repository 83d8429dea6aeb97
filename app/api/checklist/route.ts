import { getCurrentUser } from "@/lib/auth/session";
import { serializeChecklistDocument } from "@/lib/checklist/document";
import { can } from "@/lib/permissions";
import { getChecklistVersion, listChecklistVersions } from "@/lib/queries/checklist-versions";
import { versionQuerySchema } from "@/lib/validations/checklist-editor";

export const dynamic = "force-dynamic";

// A published version of the checklist as a file, in the format the import reads.
export async function GET(request: Request) {
  if (!can.readOrganisation(await getCurrentUser()))
    return Response.json({ error: "Sign in first." }, { status: 401 });
  const query = versionQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const number = query.version ?? (await listChecklistVersions())[0]!.number;
  const version = await getChecklistVersion(number);
  if (!version) return Response.json({ error: "No such version." }, { status: 404 });
  const body = serializeChecklistDocument(version.document, query.format);
  return new Response(body, {
    headers: {
      "Content-Type":
        query.format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="tenken-checklist-v${version.number}.${query.format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
