import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { minutesFile } from "@/lib/retrospective/downloads";

export const dynamic = "force-dynamic";

// The retrospective's minutes as Markdown, to paste into a wiki.
export async function GET(request: Request) {
  if (!can.readOrganisation(await getCurrentUser()))
    return Response.json({ error: "Sign in first." }, { status: 401 });
  const { body, name } = await minutesFile(new URL(request.url));
  return new Response(body, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
