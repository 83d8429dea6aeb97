import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { scoresFile } from "@/lib/retrospective/downloads";

export const dynamic = "force-dynamic";

// Every service's scores at the quarter's end as CSV, for spreadsheets.
export async function GET(request: Request) {
  if (!can.readOrganisation(await getCurrentUser()))
    return Response.json({ error: "Sign in first." }, { status: 401 });
  const { body, name } = await scoresFile(new URL(request.url));
  // A byte order mark, so that spreadsheet programs read the Japanese in it as UTF-8.
  return new Response(`\uFEFF${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
