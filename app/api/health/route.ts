import { checkDatabase } from "@/lib/queries/health";

export const dynamic = "force-dynamic";

// For load balancers, CI and the error page: is the app up, and can it reach its database?
export async function GET() {
  const database = await checkDatabase().catch(() => "error" as const);
  const healthy = database === "ok";
  return Response.json(
    { status: healthy ? "ok" : "degraded", database },
    { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
