// npm run bench: seeds 2,000 services with eight quarters of answer history (over a million answer
// events, see scripts/bench/seed.ts) into DATABASE_URL, closes the past quarters as admins would,
// serves the built app on it, and prints one JSON line per operation: { name, n, p50_ms, p95_ms }.
// Pages are timed over HTTP as a signed-in admin; "raw SQL" lines time the same aggregate computed
// by one SQL statement straight through pg (scripts/bench/raw-sql.ts), as a yardstick. The
// assessment page's first view also gets lines of bytes ({ name, n: files, bytes, gzip_bytes }: its
// HTML, and the scripts it loads) and its Largest Contentful Paint in headless Chromium
// (scripts/bench/page-weight.ts).
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import pg from "pg";

import { largestContentfulPaints, pageWeight } from "./bench/page-weight";
import { overviewAggregate, trendAggregate, type TrendRow } from "./bench/raw-sql";
import { BIG_TEAM_SERVICES, seedBench, SERVICES } from "./bench/seed";
import { buildIfStale, serverArgs } from "./build-if-stale";
import { ensureGeneratedClient } from "./generate";
import { percentile, signIn, waitForHealth } from "./http";
import { prepareDatabase } from "./prepare-db";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 5;
// BENCH_ONLY=<regular expression>: measure only the operations whose names match, e.g. "overview".
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : undefined;

if (!process.env.DATABASE_URL) {
  console.error(
    `npm run bench needs DATABASE_URL: an empty PostgreSQL database it may fill with ${SERVICES} benchmark services.`,
  );
  process.exit(2);
}

async function measure(
  name: string,
  runs: number,
  operation: (index: number) => Promise<unknown>,
  warmup = WARMUP,
) {
  if (ONLY && !ONLY.test(name)) return;
  for (let index = 0; index < warmup; index++) await operation(index);
  const timings: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await operation(index);
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  console.log(
    JSON.stringify({
      name,
      n: runs,
      p50_ms: round(percentile(timings, 50)),
      p95_ms: round(percentile(timings, 95)),
    }),
  );
}

const BENCH_ADMIN = {
  email: "bench-admin@bench.tenken.example",
  password: "bench-password-1234",
  name: "Bench admin",
  role: "ADMIN",
} as const;

async function benchAdmin() {
  const { getDb } = await import("@/lib/db");
  const { createUser, getPrincipal } = await import("@/lib/queries/users");
  const { attempt } = await import("@/lib/write");
  // Refused as "email taken" on later runs, which is what we want.
  await attempt(() => createUser(BENCH_ADMIN, null, { allowWithoutActor: true }));
  const user = await getDb().user.findUniqueOrThrow({
    where: { email: BENCH_ADMIN.email },
    select: { id: true },
  });
  return (await getPrincipal(user.id))!;
}

/** The trend's eight quarters, as of now; the history starts with the oldest. */
async function trendQuarters() {
  const { todayIn } = await import("@/lib/dates");
  const { env } = await import("@/lib/env");
  const { getFiscalStartMonth } = await import("@/lib/queries/settings");
  const { recentQuarters } = await import("@/lib/quarters");
  const { TREND_QUARTERS } = await import("@/lib/read-models/trends");
  return recentQuarters(todayIn(env.TENKEN_TIME_ZONE), TREND_QUARTERS, await getFiscalStartMonth());
}

async function seedIfEmpty(client: pg.Client, admin: { id: string }) {
  const { rows } = await client.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM services WHERE slug LIKE 'bench-%'",
  );
  if (rows[0]!.count >= SERVICES) return false;
  if (rows[0]!.count > 0)
    throw new Error(
      `DATABASE_URL holds ${rows[0]!.count} benchmark services from an older bench: use a fresh database.`,
    );
  const { env } = await import("@/lib/env");
  const { ensureLocalUser } = await import("@/lib/queries/users");
  const { startOfDayIn } = await import("@/lib/dates");
  const started = performance.now();
  const start = startOfDayIn((await trendQuarters())[0]!.start, env.TENKEN_TIME_ZONE);
  await seedBench(client, {
    start,
    end: new Date(Date.now() - 5 * 60_000),
    localUserId: (await ensureLocalUser()).id,
    reviewerId: admin.id,
  });
  await vacuum(client);
  const { rows: counts } = await client.query<{ events: number; answers: number }>(
    "SELECT (SELECT count(*) FROM answer_events)::int AS events, (SELECT count(*) FROM answers)::int AS answers",
  );
  console.log(
    JSON.stringify({
      name: "seed",
      services: SERVICES,
      answers: counts[0]!.answers,
      answer_events: counts[0]!.events,
      from: start.toISOString(),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    }),
  );
  // The figures are meant for a million events at least: a smaller history would flatter them.
  if (counts[0]!.events < 1_000_000)
    throw new Error(`the bench seeded only ${counts[0]!.events} answer events; it needs at least 1,000,000`);
  return true;
}

// Measure the steady state: visibility map and statistics as autovacuum would have left them after the bulk load.
async function vacuum(client: pg.Client) {
  await client.query("VACUUM ANALYZE");
}

/** Closes every past quarter of the trend that is still open, as admins do at each quarter's end. */
async function closePastQuarters(admin: Awaited<ReturnType<typeof benchAdmin>>) {
  const { closeQuarter } = await import("@/lib/read-models/quarter-snapshots");
  const { attempt } = await import("@/lib/write");
  const { todayIn } = await import("@/lib/dates");
  const { env } = await import("@/lib/env");
  const past = (await trendQuarters()).filter((quarter) => quarter.end <= todayIn(env.TENKEN_TIME_ZONE));
  const timings: number[] = [];
  for (const quarter of past) {
    const start = performance.now();
    if ((await attempt(() => closeQuarter(quarter, admin))).ok) timings.push(performance.now() - start);
  }
  return timings;
}

let sessionCookie = "";

/**
 * What a first view of a page weighs (its HTML, and the JavaScript it loads, raw and gzipped) and
 * how soon its largest content is painted in headless Chromium, as lines of their own.
 */
async function measureFirstView(name: string, pathname: string) {
  const baseUrl = `http://127.0.0.1:${PORT}`;
  if (!ONLY || ONLY.test(`${name} bytes`)) {
    const { html, javascript } = await pageWeight(baseUrl, pathname, sessionCookie);
    for (const [what, { files, bytes, gzip_bytes }] of [
      ["first-load JavaScript", javascript],
      ["HTML", html],
    ] as const)
      console.log(JSON.stringify({ name: `${name} ${what}`, n: files, bytes, gzip_bytes }));
  }
  const lcpName = `${name} largest contentful paint (Chromium, 1366x768)`;
  if (ONLY && !ONLY.test(lcpName)) return;
  const runs = Number(process.env.BENCH_LCP_RUNS ?? 10);
  const paints = await largestContentfulPaints(baseUrl, pathname, sessionCookie, runs);
  const round = (value: number) => Math.round(value * 10) / 10;
  console.log(
    JSON.stringify({
      name: lcpName,
      n: runs,
      p50_ms: round(percentile(paints, 50)),
      p95_ms: round(percentile(paints, 95)),
    }),
  );
}

async function get(pathname: string) {
  const response = await fetch(`http://127.0.0.1:${PORT}${pathname}`, {
    headers: { "accept-language": "en", cookie: sessionCookie },
    redirect: "manual",
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${pathname}: ${response.status}`);
}

/** The raw SQL must compute what the app shows, or its timing means nothing. */
function expectClose(what: string, app: number | null | undefined, sql: number | null | undefined) {
  if (app === sql || (typeof app === "number" && typeof sql === "number" && Math.abs(app - sql) <= 0.11))
    return;
  throw new Error(`raw SQL and app disagree on ${what}: app ${app}, SQL ${sql}`);
}

async function checkOverviewAggregate(client: pg.Client, timeZone: string) {
  const { loadOverview } = await import("@/lib/read-models/overview");
  const { COMPARISONS, comparisonMoments } = await import("@/lib/dates");
  const now = new Date();
  const [overview, rows] = await Promise.all([
    loadOverview({}, now),
    overviewAggregate(client, {
      now,
      moments: COMPARISONS.map((comparison) => comparisonMoments(now)[comparison]),
      timeZone,
    }),
  ]);
  const average = (teamId: string | null, k: number) =>
    rows.find((row) => row.team_id === teamId && row.k === k)?.average;
  const round = (value: number) => Math.round(value * 10) / 10;
  const check = (
    label: string,
    teamId: string | null,
    rollup: { overall: { average: number } | null },
    deltas: Record<string, number | null>,
  ) => {
    expectClose(`${label} now`, rollup.overall?.average, average(teamId, 0));
    COMPARISONS.forEach((comparison, index) =>
      expectClose(
        `${label} ${comparison} delta`,
        deltas[comparison],
        round(average(teamId, 0)! - average(teamId, index + 1)!),
      ),
    );
  };
  check("organisation", null, overview.organisation.rollup, overview.organisation.deltas);
  const { listTeams } = await import("@/lib/queries/teams");
  const teamIds = new Map((await listTeams()).map((team) => [team.slug, team.id]));
  for (const team of overview.teams)
    check(`team ${team.slug}`, teamIds.get(team.slug)!, team.rollup, team.deltas);
}

async function checkTrendAggregate(client: pg.Client, timeZone: string, teamId?: string) {
  const { loadTrend } = await import("@/lib/read-models/trends");
  const now = new Date();
  const trend = await loadTrend(teamId ? { teamId } : {}, now);
  const rows = await trendAggregate(client, {
    now,
    oldest: trend.points[0]!.quarter.start,
    teamId,
    timeZone,
  });
  for (const point of trend.points) {
    const row = (series: string) =>
      rows.find(
        (candidate) =>
          candidate.series === series &&
          (point.current ? candidate.starts_on === null : candidate.starts_on === point.quarter.start),
      );
    const same = (
      label: string,
      app: { count: number; average: number; min: number; median: number; max: number } | null | undefined,
      sql: TrendRow | undefined,
    ) => {
      for (const key of ["count", "average", "min", "median", "max"] as const)
        expectClose(
          `${label} ${key} ${point.quarter.start}`,
          app?.[key] ?? null,
          sql && sql.count > 0 ? sql[key] : null,
        );
    };
    same("trend", point.overall, row("overall"));
    same("verified trend", point.verified, row("verified"));
    for (const [key, distribution] of Object.entries(point.categories))
      same(`${key} trend`, distribution, row(key));
  }
}

await ensureGeneratedClient();
await prepareDatabase({ demo: false });
const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: "-c jit=off" });
await client.connect();
const admin = await benchAdmin();
await seedIfEmpty(client, admin);
const { env } = await import("@/lib/env");
const { getDb } = await import("@/lib/db");
const bigTeam = await getDb().team.findUniqueOrThrow({ where: { slug: "bench" }, select: { id: true } });

await buildIfStale();
const server = spawn(process.execPath, serverArgs, {
  stdio: "ignore",
  env: { ...process.env, PORT: String(PORT), TENKEN_BASE_URL: `http://127.0.0.1:${PORT}` },
});
try {
  await waitForHealth(`http://127.0.0.1:${PORT}`, server);
  // Pages are measured as a signed-in admin sees them, through Better Auth's own sign-in endpoint.
  sessionCookie = await signIn(`http://127.0.0.1:${PORT}`, BENCH_ADMIN);
  const { rows: closes } = await client.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM quarter_closes",
  );
  if (closes[0]!.count === 0) {
    // Before any quarter is closed, the trend recomputes all eight from the answer events.
    await measure(
      "organisation trend page, no quarter closed (8 quarters recomputed)",
      Number(process.env.BENCH_UNCLOSED_RUNS ?? 3),
      () => get("/trends"),
      1,
    );
  }
  const closings = await closePastQuarters(admin);
  await client.query("ANALYZE quarter_closes, quarter_snapshots");
  if (closings.length) {
    closings.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        name: `close a quarter (${SERVICES} services)`,
        n: closings.length,
        p50_ms: Math.round(percentile(closings, 50)),
        p95_ms: Math.round(percentile(closings, 95)),
      }),
    );
  }

  await measure("services list page", RUNS, () => get("/services"));
  await measure("assessment page", RUNS, () => get("/services/bench-0042"));
  await measureFirstView("assessment page", "/services/bench-0042");
  await measure("item evidence and review page", RUNS, () =>
    get("/services/bench-0042/items/connectivity.each-component"),
  );
  await measure("review queue page", RUNS, () => get("/review"));
  await measure("needs attention page", RUNS, () => get("/attention?team=bench"));

  await checkOverviewAggregate(client, env.TENKEN_TIME_ZONE);
  await checkTrendAggregate(client, env.TENKEN_TIME_ZONE);
  await checkTrendAggregate(client, env.TENKEN_TIME_ZONE, bigTeam.id);
  const { COMPARISONS, comparisonMoments } = await import("@/lib/dates");
  const oldest = (await trendQuarters())[0]!.start;
  await measure("organisation overview page", RUNS, () => get("/overview"));
  await measure("organisation overview, raw SQL", RUNS, () => {
    const now = new Date();
    return overviewAggregate(client, {
      now,
      moments: COMPARISONS.map((comparison) => comparisonMoments(now)[comparison]),
      timeZone: env.TENKEN_TIME_ZONE,
    });
  });
  await measure(`team trend page (8 quarters, ${BIG_TEAM_SERVICES} services)`, RUNS, () =>
    get("/trends?team=bench"),
  );
  await measure("team trend, raw SQL", RUNS, () =>
    trendAggregate(client, { now: new Date(), oldest, teamId: bigTeam.id, timeZone: env.TENKEN_TIME_ZONE }),
  );
  await measure("organisation trend page (8 quarters)", RUNS, () => get("/trends"));
  await measure("organisation trend, raw SQL", RUNS, () =>
    trendAggregate(client, { now: new Date(), oldest, timeZone: env.TENKEN_TIME_ZONE }),
  );
  await measure("team retrospective page", RUNS, () => get("/retrospectives?team=bench"));

  // Writes go through the forms' write path (lib/forms/submit.ts) with the forms' own schemas and
  // writes, as their server actions do, minus the revalidation of pages.
  const { submitForm } = await import("@/lib/forms/submit");
  const { saveAnswer } = await import("@/lib/queries/answers");
  const { answerSchema } = await import("@/lib/validations/answer");
  const submitAnswer = (form: FormData) => submitForm(form, admin, { schema: answerSchema, run: saveAnswer });
  const { getServiceBySlug } = await import("@/lib/queries/services");
  const service = await getServiceBySlug("bench-0007");
  const statuses = ["MET", "PARTIAL", "NOT_MET"];
  // The form sends the answer's revision as its page read it; every save below changes the answer.
  const { getAnswer } = await import("@/lib/queries/answers");
  const benchItem = await getDb().checklistItem.findUniqueOrThrow({
    where: { key: "connectivity.each-component" },
  });
  let revision = (await getAnswer({ serviceId: service!.id, itemId: benchItem.id }))?.revision ?? 0;
  await measure("save answer", RUNS * 2, async (index) => {
    const form = new FormData();
    form.set("serviceId", service!.id);
    form.set("itemKey", "connectivity.each-component");
    form.set("status", statuses[index % statuses.length]!);
    form.set("note", `bench ${index}`);
    form.set("revision", String(revision++));
    const { state } = await submitAnswer(form);
    if (!state.ok) throw new Error(`save failed: ${JSON.stringify(state)}`);
  });

  const { addEvidence } = await import("@/lib/queries/evidence");
  const { decideOnAnswer } = await import("@/lib/queries/review");
  const { newEvidenceSchema } = await import("@/lib/validations/evidence");
  const { reviewDecisionSchema } = await import("@/lib/validations/review");
  const { maxUploadBytes } = await import("@/lib/evidence/upload");
  const today = new Date().toISOString().slice(0, 10);
  const submitEvidence = (form: FormData) =>
    submitForm(form, admin, {
      schema: newEvidenceSchema(maxUploadBytes(env.TENKEN_EVIDENCE_MAX_MB)),
      run: (input, actor) => addEvidence(input, actor, { today }),
    });
  const screenshot = await readFile("public/screenshot.png");
  await measure("add link evidence", RUNS, async (index) => {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      serviceId: service!.id,
      itemKey: "connectivity.each-component",
      kind: "LINK",
      url: `https://example.com/proof/${index}`,
    }))
      form.set(key, value);
    const { state } = await submitEvidence(form);
    if (!state.ok) throw new Error(`evidence failed: ${JSON.stringify(state)}`);
  });
  await measure("upload screenshot evidence (150 KB)", RUNS, async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      serviceId: service!.id,
      itemKey: "connectivity.each-component",
      kind: "FILE",
    }))
      form.set(key, value);
    form.set("file", new Blob([screenshot]), "screenshot.png");
    const { state } = await submitEvidence(form);
    if (!state.ok) throw new Error(`upload failed: ${JSON.stringify(state)}`);
  });
  // Only met or partial answers are reviewed; the saves above may have left it not met.
  const met = new FormData();
  for (const [key, value] of Object.entries({
    serviceId: service!.id,
    itemKey: "connectivity.each-component",
    status: "MET",
    note: "verified in the benchmark",
    revision: String(revision),
  }))
    met.set(key, value);
  if (!(await submitAnswer(met)).state.ok) throw new Error("the answer to review was not saved");
  // A review decision does not change the answer's revision.
  revision += 1;
  await measure("review decision", RUNS, async (index) => {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      serviceId: service!.id,
      itemKey: "connectivity.each-component",
      decision: index % 2 ? "ACCEPT" : "REQUEST_CHANGES",
      comment: `bench ${index}`,
      revision: String(revision),
    }))
      form.set(key, value);
    const { state } = await submitForm(form, admin, {
      schema: reviewDecisionSchema,
      run: (decision, actor) => decideOnAnswer(decision, actor, { today }),
    });
    if (!state.ok) throw new Error(`review failed: ${JSON.stringify(state)}`);
  });

  // The checklist file an admin imports is checked in time linear in its size: the worst case
  // found by probing (thousands of empty items, each wrong twice) is refused at once.
  const { parseChecklistDocument } = await import("@/lib/checklist/document");
  const worst = `format: tenken-checklist/1\nkey: x\ntitle: {ja: a, en: a}\ncategories:\n  - key: c\n    title: {ja: a, en: a}\n    items: [${Array(8000).fill("{}").join(", ")}]\n`;
  await measure("checklist file check, worst case (8,000 empty items)", 20, async () => {
    if (parseChecklistDocument(worst).ok) throw new Error("the worst case was accepted");
  });

  // Every answer says what its latest event says, in commit order (lib/queries/answers.ts).
  const { listAnswersDisagreeingWithHistory } = await import("@/lib/queries/answers");
  const disagreeing = await listAnswersDisagreeingWithHistory();
  console.log(
    JSON.stringify({ name: "answers disagreeing with their latest event", count: disagreeing.length }),
  );
  if (disagreeing.length > 0)
    throw new Error(`answers disagree with their history: ${JSON.stringify(disagreeing.slice(0, 5))}`);

  const { rows } = await client.query<{ events: number; table_bytes: number; index_bytes: number }>(
    "SELECT count(*)::int AS events, pg_table_size('answer_events')::float8 AS table_bytes, pg_indexes_size('answer_events')::float8 AS index_bytes FROM answer_events",
  );
  const { events, table_bytes, index_bytes } = rows[0]!;
  console.log(
    JSON.stringify({
      name: "storage per answer event",
      bytes: Math.round((table_bytes + index_bytes) / events),
      table_bytes: Math.round(table_bytes / events),
      index_bytes: Math.round(index_bytes / events),
      events,
    }),
  );
} finally {
  server.kill("SIGTERM");
  await client.end();
  const { closeDb } = await import("@/lib/db");
  await closeDb();
}
