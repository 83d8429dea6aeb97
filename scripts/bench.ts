// npm run bench: seeds 500 services with answers into DATABASE_URL, serves the built app on it,
// and prints one JSON line per operation: { name, n, p50_ms, p95_ms }.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { buildIfStale, nextBin } from "./build-if-stale";
import { ensureGeneratedClient } from "./generate";
import { prepareDatabase } from "./prepare-db";

const SERVICES = 500;
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 5;

if (!process.env.DATABASE_URL) {
  console.error("npm run bench needs DATABASE_URL: a PostgreSQL database it may fill with 500 benchmark services.");
  process.exit(2);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function measure(name: string, runs: number, operation: (index: number) => Promise<void>) {
  for (let index = 0; index < WARMUP; index++) await operation(index);
  const timings: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await operation(index);
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  console.log(JSON.stringify({ name, n: runs, p50_ms: round(percentile(timings, 50)), p95_ms: round(percentile(timings, 95)) }));
}

async function seedBenchServices() {
  const { getDb } = await import("@/lib/db");
  const { ensureLocalUser } = await import("@/lib/queries/users");
  await ensureBenchAdmin();
  const db = getDb();
  const existing = await db.service.count({ where: { team: { slug: "bench" } } });
  if (existing >= SERVICES) return;
  const actor = await ensureLocalUser();
  const team = await db.team.upsert({ where: { slug: "bench" }, update: {}, create: { slug: "bench", name: "Benchmark" }, select: { id: true } });
  const items = await db.checklistItem.findMany({ select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true } } } });
  const statuses = ["MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE"] as const;
  const traitSets = [["SERVES_HTTP", "BEHIND_NGINX"], ["SERVES_HTTP"], ["RUNS_BATCH"], ["USES_JOB_QUEUE", "SERVES_HTTP"], []] as const;
  for (let index = existing; index < SERVICES; index++) {
    const service = await db.service.create({
      data: { slug: `bench-${String(index).padStart(4, "0")}`, name: `Bench service ${index}`, teamId: team.id, tier: (index % 3) + 1, traits: [...traitSets[index % traitSets.length]!] },
      select: { id: true },
    });
    // Most items answered, each with a little history, a link of evidence on every other answer
    // (a third of it stale) and a quarter verified, written in bulk.
    const answered = items.filter((_, itemIndex) => (itemIndex + index) % 5 !== 0);
    const at = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    const rows = answered.map((item, itemIndex) => {
      const status = statuses[(itemIndex + index) % 4]!;
      return {
        id: randomUUID(),
        serviceId: service.id,
        itemId: item.id,
        status,
        updatedAt: at,
        updatedById: actor.id,
        review: itemIndex % 4 === 0 && (status === "MET" || status === "PARTIAL") ? ("VERIFIED" as const) : ("DECLARED" as const),
        naState: status === "NOT_APPLICABLE" ? (itemIndex % 2 ? ("APPROVED" as const) : ("PENDING" as const)) : null,
        note: status === "NOT_APPLICABLE" ? "benchmark reason" : "",
      };
    });
    await db.$transaction([
      db.answer.createMany({ data: rows }),
      db.answerEvent.createMany({
        data: rows.map((row, itemIndex) => ({ serviceId: service.id, itemId: row.itemId, itemVersionId: answered[itemIndex]!.versions[0]!.id, toStatus: row.status, review: row.review, naState: row.naState, note: row.note, actorId: actor.id, createdAt: at })),
      }),
      db.evidence.createMany({
        data: rows
          .filter((_, itemIndex) => itemIndex % 2 === 0)
          .map((row, evidenceIndex) => ({
            answerId: row.id,
            kind: "LINK" as const,
            url: `https://wiki.example.com/bench/${index}/${evidenceIndex}`,
            createdById: actor.id,
            checkedById: actor.id,
            createdAt: at,
            checkedOn: new Date(Date.now() - (evidenceIndex % 3 === 0 ? 120 : 30) * 24 * 3600 * 1000),
          })),
      }),
    ]);
  }
}

const BENCH_ADMIN = { email: "bench-admin@bench.tenken.example", password: "bench-password-1234", name: "Bench admin", role: "ADMIN" } as const;

async function ensureBenchAdmin() {
  const { createUser } = await import("@/lib/queries/users");
  // Refused as "email taken" on later runs, which is what we want.
  await createUser(BENCH_ADMIN, null, { allowWithoutActor: true });
}

async function benchPrincipal() {
  const { getDb } = await import("@/lib/db");
  const { getPrincipal } = await import("@/lib/queries/users");
  const user = await getDb().user.findUniqueOrThrow({ where: { email: BENCH_ADMIN.email }, select: { id: true } });
  return getPrincipal(user.id);
}

let sessionCookie = "";

// Pages are measured as a signed-in admin sees them, through Better Auth's own sign-in endpoint.
async function signIn() {
  const origin = `http://127.0.0.1:${PORT}`;
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  sessionCookie = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}

async function waitForHealth(server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("the app exited before it answered");
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the app did not answer within 60 s");
}

async function get(pathname: string) {
  const response = await fetch(`http://127.0.0.1:${PORT}${pathname}`, { headers: { "accept-language": "en", cookie: sessionCookie }, redirect: "manual" });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${pathname}: ${response.status}`);
}

await ensureGeneratedClient();
await prepareDatabase({ demo: false });
await seedBenchServices();
{
  // Measure the steady state: statistics as autovacuum would have gathered them after the bulk load.
  const { getDb } = await import("@/lib/db");
  await getDb().$executeRawUnsafe("ANALYZE");
}

buildIfStale();
const server = spawn(process.execPath, [nextBin, "start", "--port", String(PORT)], { stdio: "ignore", env: { ...process.env, PORT: String(PORT), TENKEN_BASE_URL: `http://127.0.0.1:${PORT}` } });
try {
  await waitForHealth(server);
  await signIn();
  await measure("services list page", RUNS, () => get("/services"));
  await measure("assessment page", RUNS, () => get("/services/bench-0042"));
  await measure("item evidence and review page", RUNS, () => get("/services/bench-0042/items/connectivity.each-component"));
  await measure("review queue page", RUNS, () => get("/review"));
  await measure("needs attention page", RUNS, () => get("/attention?team=bench"));
  await measure("organisation overview page", RUNS, () => get("/overview"));
  await measure("organisation trend page (8 quarters)", RUNS, () => get("/trends"));
  await measure("team retrospective page", RUNS, () => get("/retrospectives?team=bench"));

  const { submitAnswerForm } = await import("@/lib/answer-form");
  const { getServiceBySlug } = await import("@/lib/queries/services");
  const service = await getServiceBySlug("bench-0007");
  const actor = await benchPrincipal();
  const statuses = ["MET", "PARTIAL", "NOT_MET"];
  await measure("save answer", RUNS * 2, async (index) => {
    const form = new FormData();
    form.set("serviceId", service!.id);
    form.set("itemKey", "connectivity.each-component");
    form.set("status", statuses[index % statuses.length]!);
    form.set("note", `bench ${index}`);
    const state = await submitAnswerForm(form, actor);
    if (state.status !== "saved") throw new Error(`save failed: ${JSON.stringify(state)}`);
  });

  // Evidence and review through the same code paths as the item page's forms.
  const { submitNewEvidence, submitReviewDecision } = await import("@/lib/item-forms");
  const today = new Date().toISOString().slice(0, 10);
  const screenshot = await readFile("public/screenshot.png");
  await measure("add link evidence", RUNS, async (index) => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ serviceId: service!.id, itemKey: "connectivity.each-component", kind: "LINK", url: `https://example.com/proof/${index}` })) form.set(key, value);
    const state = await submitNewEvidence(form, { actor, today });
    if (state.status !== "saved") throw new Error(`evidence failed: ${JSON.stringify(state)}`);
  });
  await measure("upload screenshot evidence (150 KB)", RUNS, async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ serviceId: service!.id, itemKey: "connectivity.each-component", kind: "FILE" })) form.set(key, value);
    form.set("file", new Blob([screenshot]), "screenshot.png");
    const state = await submitNewEvidence(form, { actor, today });
    if (state.status !== "saved") throw new Error(`upload failed: ${JSON.stringify(state)}`);
  });
  // Only met or partial answers are reviewed; the saves above may have left it not met.
  const met = new FormData();
  for (const [key, value] of Object.entries({ serviceId: service!.id, itemKey: "connectivity.each-component", status: "MET", note: "verified in the benchmark" })) met.set(key, value);
  await submitAnswerForm(met, actor);
  await measure("review decision", RUNS, async (index) => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ serviceId: service!.id, itemKey: "connectivity.each-component", decision: index % 2 ? "ACCEPT" : "REQUEST_CHANGES", comment: `bench ${index}` })) form.set(key, value);
    const state = await submitReviewDecision(form, { actor, today });
    if (state.status !== "saved") throw new Error(`review failed: ${JSON.stringify(state)}`);
  });
} finally {
  server.kill("SIGTERM");
  const { closeDb } = await import("@/lib/db");
  await closeDb();
}
