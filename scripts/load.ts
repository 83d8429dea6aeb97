// npm run load: drives a running tenken with LOAD_CLIENTS signed-in people at once, each on its own
// connection with its own session, for LOAD_SECONDS per scenario: the services list, an assessment
// page, the organisation overview, and saving answers through the assessment page's own server
// action. Prints one JSON line per scenario: { name, clients, seconds, requests, rps, p50_ms,
// p95_ms, p99_ms, errors, non2xx, rss_before_mb, rss_after_mb }, RSS being the server process's
// (from /proc) before and after the scenario, and for saves how many the app refused. Exits 1,
// saying which, when any request failed, answered other than 2xx, or was a refused save.
//
// By default it prepares DATABASE_URL, builds the app if stale and serves it on LOAD_PORT itself;
// with LOAD_URL it drives an instance already running on DATABASE_URL, and reports RSS only when
// LOAD_PID names that instance's process. Either way it adds, once, through the app's own writes,
// a team owning one service (one more per checklist's worth of clients beyond the first) and
// LOAD_CLIENTS members who may answer it.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

import { buildIfStale, serverArgs } from "./build-if-stale";
import { ensureGeneratedClient } from "./generate";
import { percentile, signIn, waitForHealth } from "./http";
import { prepareDatabase } from "./prepare-db";

function positiveInteger(name: string, fallback: number) {
  const raw = process.env[name]?.trim();
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a whole number of 1 or more, not ${JSON.stringify(raw)}.`);
    process.exit(2);
  }
  return value;
}

const CLIENTS = positiveInteger("LOAD_CLIENTS", 20);
const SECONDS = positiveInteger("LOAD_SECONDS", 15);
const PORT = positiveInteger("LOAD_PORT", 3400);
const EXTERNAL_URL = process.env.LOAD_URL?.trim() || undefined;
// LOAD_ONLY=<regular expression>: drive only the scenarios whose names match, e.g. "assessment".
const ONLY = process.env.LOAD_ONLY ? new RegExp(process.env.LOAD_ONLY, "i") : undefined;
const BASE_URL = EXTERNAL_URL ? new URL(EXTERNAL_URL).origin : `http://127.0.0.1:${PORT}`;
// Sent explicitly: autocannon would write "host:443" for https, and tenken refuses a server
// action whose origin is not its host.
const HOST = new URL(BASE_URL).host;

if (!process.env.DATABASE_URL) {
  console.error(
    EXTERNAL_URL
      ? "npm run load needs DATABASE_URL: the PostgreSQL database of the instance at LOAD_URL, to add its load users to."
      : "npm run load needs DATABASE_URL: a PostgreSQL database it may add a team, a service and load users to.",
  );
  process.exit(2);
}

const LOAD_DOMAIN = "load.tenken.example";
const LOAD_ADMIN = {
  email: `load-admin@${LOAD_DOMAIN}`,
  password: "tenken-load-admin-pw-5813",
  name: "Load admin",
  role: "ADMIN",
} as const;
const LOAD_TEAM = { slug: "load", name: "Load", description: "Made by npm run load." };
const LOAD_SERVICE_SLUG = "load-service";
const loadUser = (index: number) => ({
  email: `load-${index}@${LOAD_DOMAIN}`,
  password: "tenken-load-client-pw-5813",
  name: `Load client ${index}`,
  role: "MEMBER" as const,
});

/**
 * The load's team, service and members, made through the app's own writes, so checked and
 * audited as an admin's would be. On later runs each is refused as taken, which is what we want;
 * a run with more clients than before adds the missing members.
 */
async function ensureLoadData() {
  const { getDb } = await import("@/lib/db");
  const { createUser, getPrincipal } = await import("@/lib/queries/users");
  const { addMembership, createTeam } = await import("@/lib/queries/teams");
  const { createService } = await import("@/lib/queries/services");
  const { attempt } = await import("@/lib/write");
  const db = getDb();
  const idOf = async (email: string) =>
    (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  await attempt(() => createUser(LOAD_ADMIN, null, { allowWithoutActor: true }));
  const admin = (await getPrincipal(await idOf(LOAD_ADMIN.email)))!;
  await attempt(() => createTeam(LOAD_TEAM, admin));
  const team = await db.team.findUniqueOrThrow({ where: { slug: LOAD_TEAM.slug }, select: { id: true } });
  const itemsPerService = await db.checklistItem.count({ where: { retiredAt: null } });
  if (itemsPerService === 0) throw new Error("the checklist has no items to answer");
  const traits = await db.trait.findMany({ where: { retiredAt: null }, select: { key: true } });
  // Every trait, so that every item applies and the assessment page is as long as it gets; and
  // a further service for each further checklist's worth of clients, so that each client answers
  // an item of its own.
  const serviceSlugs = Array.from({ length: Math.ceil(CLIENTS / itemsPerService) }, (_, index) =>
    index ? `${LOAD_SERVICE_SLUG}-${index + 1}` : LOAD_SERVICE_SLUG,
  );
  for (const [index, slug] of serviceSlugs.entries()) {
    const service = {
      slug,
      name: `Load service${index ? ` ${index + 1}` : ""}`,
      description: "",
      teamId: team.id,
      tier: 2,
      traits: traits.map((trait) => trait.key),
    };
    await attempt(() => createService(service, admin));
  }
  const members = [];
  for (let index = 0; index < CLIENTS; index++) {
    const user = loadUser(index);
    await attempt(() => createUser(user, admin));
    await addMembership(team.id, await idOf(user.email), admin);
    members.push(user);
  }
  return { members, serviceSlugs, itemsPerService };
}

/** The server's resident memory in MB, or undefined when we do not know its process. */
function rssMb(pid: number | undefined) {
  if (pid === undefined) return undefined;
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : undefined;
}

const failures: string[] = [];

/**
 * CLIENTS connections for SECONDS, connection i sending client i's requests. Latencies are
 * recorded here, per response, because autocannon's summary has no p95. `refusal` reads the body
 * of a 2xx answer to client i and says why it is a failure all the same, if it is one.
 */
async function drive(
  name: string,
  pid: number | undefined,
  requestFor: (client: number) => autocannon.Request,
  refusal?: (client: number, body: string) => string | undefined,
) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const refusals = new Map<string, number>();
  let connection = 0;
  const rssBefore = rssMb(pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE_URL,
        connections: CLIENTS,
        duration: SECONDS,
        setupClient(client) {
          const index = connection++ % CLIENTS;
          const request = requestFor(index);
          client.setRequests([
            refusal
              ? {
                  ...request,
                  onResponse(status, body) {
                    const why = status >= 200 && status < 300 ? refusal(index, body) : undefined;
                    if (why) refusals.set(why, (refusals.get(why) ?? 0) + 1);
                  },
                }
              : request,
          ]);
        },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  const rssAfter = rssMb(pid);
  const sorted = latencies.sort((a, b) => a - b);
  // No percentile at all rather than a made-up 0 when nothing completed.
  const ms = (p: number) => (sorted.length ? Math.round(percentile(sorted, p) * 10) / 10 : null);
  const refused = [...refusals.values()].reduce((sum, count) => sum + count, 0);
  console.log(
    JSON.stringify({
      name,
      clients: CLIENTS,
      seconds: result.duration,
      requests: latencies.length,
      rps: Math.round((latencies.length / result.duration) * 10) / 10,
      p50_ms: ms(50),
      p95_ms: ms(95),
      p99_ms: ms(99),
      errors: result.errors,
      non2xx: result.non2xx,
      ...(refusal ? { refused } : {}),
      ...(rssBefore !== undefined && rssAfter !== undefined
        ? { rss_before_mb: rssBefore, rss_after_mb: rssAfter }
        : {}),
    }),
  );
  if (latencies.length === 0) failures.push(`${name}: no request completed within ${SECONDS} s`);
  if (result.errors)
    failures.push(`${name}: ${result.errors} request error(s), ${result.timeouts} of them timeouts`);
  const odd = [...statuses].filter(([status]) => status < 200 || status > 299);
  if (result.non2xx)
    failures.push(
      `${name}: ${result.non2xx} non-2xx response(s), by status ${JSON.stringify(Object.fromEntries(odd))}`,
    );
  if (refused)
    failures.push(`${name}: ${refused} refused, by reason ${JSON.stringify(Object.fromEntries(refusals))}`);
}

// Saving an answer is the assessment page's server action (lib/actions/answers.ts). It is posted
// here as the page's own script posts it (captured from Chromium): to the page, with the action's
// id in next-action, the form's fields prefixed by React's reply encoding and the action's
// arguments (no previous state, then the form) in field 0. The form's hidden fields are sent as
// the page rendered them (the service, the item, the answer's revision where the form has one).
// So a save is measured with everything a person waits for: the session, the write, and the page
// rendered again with the new answer.
// The browser also sends next-router-state-tree; Next.js answers the same page without it, and it
// is Next.js's internal state, so it is left out. The progressive-enhancement fields ($ACTION_...)
// are left out too: the form's input ignores them (lib/forms/state.ts).
const BOUNDARY = "tenkenLoadBoundary5813";

// The arguments' field comes last, as the browser sends it: Next.js decodes the reply as it streams
// in, and arguments read before the form's fields would find the form empty.
function actionBody(fields: Record<string, string>) {
  const parts: [string, string][] = [
    ...Object.entries(fields).map(([name, value]): [string, string] => [`_1_${name}`, value]),
    ["0", '[null,"$K1"]'],
  ];
  const encoded = parts.map(
    ([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return `${encoded.join("")}--${BOUNDARY}--\r\n`;
}

/**
 * The action's id changes with every build; the browser learns it from the page's scripts, where
 * Next.js names each server reference with its export, and so do we, from the very instance we drive.
 */
async function saveAnswerActionId(cookie: string) {
  const page = await fetch(`${BASE_URL}/services/${LOAD_SERVICE_SLUG}`, { headers: { cookie } });
  const scripts = new Set(
    [...(await page.text()).matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
  );
  for (const src of scripts) {
    const code = await fetch(new URL(src, BASE_URL)).then((response) => response.text());
    const id = /"([0-9a-f]{42})",[^"]*"saveAnswerAction"\)/.exec(code)?.[1];
    if (id) return id;
  }
  throw new Error(
    "found no saveAnswerAction in the assessment page's scripts (was the app rebuilt under the server?)",
  );
}

/** Each answer form's hidden fields as the page rendered them, in the page's order. */
function answerForms(html: string) {
  const forms: Record<string, string>[] = [];
  for (const form of html.split("<form").slice(1)) {
    const fields: Record<string, string> = {};
    for (const [, attributes] of form.slice(0, form.indexOf("</form>")).matchAll(/<input\b([^>]*)>/g)) {
      const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes!)?.[1];
      const [type, name, value] = [attribute("type"), attribute("name"), attribute("value")];
      // React's own fields ($ACTION_...) are for browsers without JavaScript.
      if (type === "hidden" && name && !name.startsWith("$")) fields[name] = unescapeHtml(value ?? "");
    }
    if (fields.itemKey) forms.push(fields);
  }
  return forms;
}

function unescapeHtml(text: string) {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, code: string) =>
    code.startsWith("#")
      ? String.fromCodePoint(Number(/^#x/i.test(code) ? `0x${code.slice(2)}` : code.slice(1)))
      : (named[code] ?? entity),
  );
}

/** Why a save was refused, from the action's result in the answer (a React Server Components stream). */
function saveRefusal(body: string) {
  const row = /^0:\{"a":"\$@([0-9a-f]+)"/m.exec(body)?.[1];
  const line = row && new RegExp(`^${row}:(.*)$`, "m").exec(body)?.[1];
  if (!line) return "no action result in the answer";
  const result = JSON.parse(line) as { ok: boolean; code?: string; message?: { key?: string } };
  return result.ok ? undefined : `${result.code}: ${result.message?.key}`;
}

await ensureGeneratedClient();
if (!EXTERNAL_URL) await prepareDatabase({ demo: false });
const data = await ensureLoadData();
const { closeDb } = await import("@/lib/db");
await closeDb();

let server: ChildProcess | undefined;
let pid: number | undefined;
if (EXTERNAL_URL) {
  pid = process.env.LOAD_PID ? positiveInteger("LOAD_PID", 1) : undefined;
  try {
    rssMb(pid);
  } catch {
    console.error(`LOAD_PID=${pid} is no process of this machine whose memory can be read.`);
    process.exit(2);
  }
} else {
  await buildIfStale();
  server = spawn(process.execPath, serverArgs, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(PORT), TENKEN_BASE_URL: BASE_URL },
  });
  pid = server.pid;
}
try {
  await waitForHealth(BASE_URL, server);
  const cookies: string[] = [];
  for (const member of data.members) cookies.push(await signIn(BASE_URL, member));
  // As a browser asks: compressed, so the server's gzip is part of the cost.
  const pageRequest = (pathname: string) => (client: number) =>
    ({
      method: "GET",
      path: pathname,
      headers: { host: HOST, cookie: cookies[client]!, "accept-encoding": "gzip", "accept-language": "en" },
    }) satisfies autocannon.Request;
  const pages = [
    ["services list page", "/services"],
    ["assessment page", `/services/${LOAD_SERVICE_SLUG}`],
    ["organisation overview page", "/overview"],
  ] as const;
  // One view of each page first: the first after a start reads everything (lib/read-models/score-cache.ts),
  // and a page that does not answer 200 to a signed-in member is a setup mistake, not load.
  for (const [, pathname] of pages) {
    const response = await fetch(`${BASE_URL}${pathname}`, {
      headers: { cookie: cookies[0]!, "accept-language": "en" },
      redirect: "manual",
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}, not 200`);
  }

  // The saves are prepared before any load, so that a save that cannot work fails at once.
  const actionId = await saveAnswerActionId(cookies[0]!);
  const saveHeaders = (client: number) => ({
    origin: BASE_URL,
    cookie: cookies[client]!,
    accept: "text/x-component",
    "accept-language": "en",
    "next-action": actionId,
    "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
  });
  // Each client answers an item of its own, and every save changes the answer (its note names this
  // run and the save, never written before): otherwise the saves would queue on one answer's lock
  // (lib/queries/answers.ts), or write nothing and leave the answer's revision where it was.
  const run = new Date().toISOString();
  const pageOf = (client: number) =>
    `/services/${data.serviceSlugs[Math.floor(client / data.itemsPerService)]!}`;
  const formsOn = async (pathname: string) =>
    answerForms(
      await fetch(`${BASE_URL}${pathname}`, {
        headers: { cookie: cookies[0]!, "accept-language": "en" },
      }).then((response) => response.text()),
    );
  const formOf = (forms: Record<string, string>[], client: number) => {
    const form = forms[client % data.itemsPerService];
    if (!form) throw new Error(`${pageOf(client)} shows fewer answer forms than the checklist has items`);
    return { ...form };
  };
  const statuses = ["MET", "PARTIAL", "NOT_MET"];
  const saveBody = (form: Record<string, string>, client: number, save: number) =>
    actionBody({
      ...form,
      status: statuses[save % statuses.length]!,
      note: `load client ${client}, run ${run}, save ${save}`,
    });
  // One save first, so that a request Next.js no longer understands is reported as such, once.
  const first = await fetch(`${BASE_URL}${pageOf(0)}`, {
    method: "POST",
    headers: saveHeaders(0),
    body: saveBody(formOf(await formsOn(pageOf(0)), 0), 0, 0),
  });
  const firstRefusal = first.ok ? saveRefusal(await first.text()) : `HTTP ${first.status}`;
  if (firstRefusal) throw new Error(`saving an answer through the server action failed: ${firstRefusal}`);
  const pageForms = new Map<string, Record<string, string>[]>();
  for (const slug of data.serviceSlugs)
    pageForms.set(`/services/${slug}`, await formsOn(`/services/${slug}`));
  const clientForms = data.members.map((_, client) => formOf(pageForms.get(pageOf(client))!, client));
  // A person's next save is made from the page the last one rendered again, at the answer's next
  // revision: each client's saves follow one another on its connection, so the next is one more.
  const saveOutcome = (client: number, body: string) => {
    const refusal = saveRefusal(body);
    const form = clientForms[client]!;
    if (!refusal && form.revision !== undefined) form.revision = String(Number(form.revision) + 1);
    return refusal;
  };
  const saveRequest = (client: number): autocannon.Request => {
    let saves = 0;
    return {
      method: "POST",
      path: pageOf(client),
      headers: { host: HOST, ...saveHeaders(client) },
      setupRequest: (request) => ({ ...request, body: saveBody(clientForms[client]!, client, ++saves) }),
    };
  };

  for (const [name, pathname] of pages)
    if (!ONLY || ONLY.test(name)) await drive(name, pid, pageRequest(pathname));
  // The answer must be readable to tell a refused save from a saved one: no accept-encoding.
  const saveName = "save answer (server action)";
  if (!ONLY || ONLY.test(saveName)) await drive(saveName, pid, saveRequest, saveOutcome);
} finally {
  server?.kill("SIGTERM");
}

if (failures.length) {
  console.error(`npm run load failed:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
