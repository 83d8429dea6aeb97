export const dynamic = "force-dynamic";

// For orchestrators' liveness probes: the process answers. Never touches the database, so that an
// outage of the database does not get every replica restarted.
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
