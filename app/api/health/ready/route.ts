import { EXPECTED_MIGRATIONS } from "@/lib/migrations-expected";
import { pendingMigrations } from "@/lib/queries/health";
import { isDraining } from "@/lib/shutdown.mjs";

export const dynamic = "force-dynamic";

function notReady(body: Record<string, unknown>) {
  return Response.json(
    { status: "not-ready", ...body },
    { status: 503, headers: { "Cache-Control": "no-store" } },
  );
}

// For orchestrators' readiness probes and load balancers: send this replica requests? Not while it
// is shutting down (scripts/serve.mjs), nor while its database does not answer or lacks a
// migration this build needs. Asked afresh every time: a cached answer would hide an outage.
export async function GET() {
  if (isDraining()) return notReady({ reason: "shutting down" });
  const result = await pendingMigrations(EXPECTED_MIGRATIONS).catch(() => ({ database: "error" as const }));
  if (result.database !== "ok")
    return notReady({ reason: "database not reachable", database: result.database });
  if (result.pending.length)
    return notReady({ reason: "migrations pending", database: "ok", pending: result.pending });
  return Response.json(
    { status: "ready", database: "ok", migrations: "applied" },
    { headers: { "Cache-Control": "no-store" } },
  );
}
