import { addDays, dayOf, todayIn } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import type { AnswerStatus } from "@/lib/generated/prisma/enums";
import { quarterOf, shiftQuarter } from "@/lib/quarters";
import { createActionItem, updateActionItem } from "@/lib/queries/action-items";
import { saveAnswer } from "@/lib/queries/answers";
import { addEvidence } from "@/lib/queries/evidence";
import { listIncidentCauses, recordIncident } from "@/lib/queries/incidents";
import { decideOnAnswer } from "@/lib/queries/review";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { createUser, getPrincipal } from "@/lib/queries/users";

// A small organisation for a newcomer to look around in: three teams, five services of
// different shapes, answers given over the past months so that history and scores have shape.
const teams = [
  { slug: "platform", name: "Platform", description: "Shared infrastructure and tooling" },
  { slug: "payments", name: "Payments", description: "Checkout and billing" },
  { slug: "search", name: "Search", description: "Search and recommendations" },
];

type DemoService = {
  slug: string;
  name: string;
  team: string;
  tier: number;
  description: string;
  traits: string[];
  answers: [itemKey: string, status: AnswerStatus, note?: string][];
  // Proof and review, so that the review queue, staleness and verified scores have something to show.
  evidence?: [itemKey: string, url: string, title: string][];
  reviews?: [itemKey: string, decision: "ACCEPT" | "REQUEST_CHANGES" | "APPROVE_NA", comment?: string][];
};

const services: DemoService[] = [
  {
    slug: "checkout-api",
    name: "Checkout API",
    team: "payments",
    tier: 1,
    description: "Takes orders and payments from the web and mobile apps.",
    traits: ["SERVES_HTTP", "BEHIND_NGINX", "USES_JOB_QUEUE"],
    answers: [
      ["connectivity.each-component", "MET", "External checks on every component, see the runbook."],
      ["connectivity.over-network", "MET"],
      ["connectivity.alert-tested", "PARTIAL", "Tested for the database, not yet for the queue."],
      ["metrics.prefer-metrics", "MET"],
      ["metrics.business-logic", "MET", "Orders per minute and payment failures are metrics."],
      ["alerting.threshold-rationale", "PARTIAL"],
      ["alerting.runbook-link", "MET"],
      ["alerting.severity-levels", "NOT_MET"],
      ["http.monitor-4xx", "MET"],
      ["http.nginx-499", "NOT_MET"],
      ["http.latency", "MET"],
      ["job-queue.success-rate", "PARTIAL"],
    ],
    evidence: [
      [
        "connectivity.each-component",
        "https://wiki.example.com/payments/checkout/runbook",
        "Checkout runbook",
      ],
      ["metrics.business-logic", "https://grafana.example.com/d/checkout-orders", "Orders dashboard"],
      ["http.latency", "https://grafana.example.com/d/checkout-latency", "Latency p95 dashboard"],
    ],
    reviews: [
      ["connectivity.each-component", "ACCEPT", "Checked the external monitors list."],
      ["metrics.business-logic", "ACCEPT"],
      ["http.latency", "REQUEST_CHANGES", "The dashboard shows p50 only; add p95 and p99."],
    ],
  },
  {
    slug: "billing-batch",
    name: "Billing batch",
    team: "payments",
    tier: 2,
    description: "Nightly invoicing and settlement jobs.",
    traits: ["RUNS_BATCH"],
    answers: [
      ["batch.success", "MET"],
      ["batch.duration", "PARTIAL", "Duration is logged but not graphed yet."],
      ["batch.schedule", "NOT_MET"],
      [
        "other.architecture-diagram",
        "NOT_APPLICABLE",
        "Single job; the diagram lives with the checkout API.",
      ],
    ],
    reviews: [["other.architecture-diagram", "APPROVE_NA", "Agreed: covered by the checkout API's diagram."]],
  },
  {
    slug: "search-api",
    name: "Search API",
    team: "search",
    tier: 1,
    description: "Full-text search for the storefront.",
    traits: ["SERVES_HTTP"],
    answers: [
      ["connectivity.each-component", "MET"],
      ["metrics.prefer-metrics", "PARTIAL"],
      ["http.latency", "MET"],
      ["dashboard.golden-signals", "MET"],
      ["dashboard.compare-previous", "NOT_MET"],
    ],
  },
  {
    slug: "indexer",
    name: "Indexer",
    team: "search",
    tier: 2,
    description: "Consumes catalogue changes and updates the search index.",
    traits: ["USES_JOB_QUEUE", "RUNS_BATCH"],
    answers: [],
  },
  {
    slug: "log-pipeline",
    name: "Log pipeline",
    team: "platform",
    tier: 2,
    description: "Fluent Bit collectors shipping logs to long-term storage.",
    traits: [],
    answers: [
      ["logs.delivery-reliability", "MET", "Fluent Bit output metrics are sent to Mackerel."],
      ["logs.log-to-metric-backlog", "PARTIAL"],
      ["retrospective.incident-causes", "MET"],
    ],
  },
];

// One person of each role, all with the same password, listed in the README. A demo only:
// anyone who reads the README can sign in as them.
export const DEMO_PASSWORD = "tenken-demo-pass";
export const demoUsers = [
  { email: "admin@demo.tenken.example", name: "Aiko Admin", role: "ADMIN", teams: [] },
  { email: "sre@demo.tenken.example", name: "Sato SRE", role: "SRE", teams: ["platform"] },
  { email: "member@demo.tenken.example", name: "Mei Member", role: "MEMBER", teams: ["payments"] },
  { email: "search@demo.tenken.example", name: "Sho Search", role: "MEMBER", teams: ["search"] },
  { email: "viewer@demo.tenken.example", name: "Vic Viewer", role: "VIEWER", teams: [] },
] as const;

const DAY = 24 * 60 * 60 * 1000;

export async function seedDemoOrganisation(now = new Date()) {
  const db = getDb();
  const teamIds = new Map<string, string>();
  for (const team of teams) {
    const created = await db.team.create({ data: team, select: { id: true } });
    teamIds.set(team.slug, created.id);
  }
  const userIds = new Map<string, string>();
  for (const { teams: memberOf, ...user } of demoUsers) {
    const created = await createUser({ ...user, password: DEMO_PASSWORD }, null, { allowWithoutActor: true });
    userIds.set(user.email, created.id);
    await db.teamMembership.createMany({
      data: memberOf.map((team) => ({ teamId: teamIds.get(team)!, userId: created.id })),
    });
  }
  // Each team's answers are given by one of its members, as they would be.
  const answerer = new Map<string, string>([
    ["platform", "sre@demo.tenken.example"],
    ["payments", "member@demo.tenken.example"],
    ["search", "search@demo.tenken.example"],
  ]);
  const serviceIds = new Map<string, string>();
  const knownItems = new Set(
    (await db.checklistItem.findMany({ select: { key: true } })).map((item) => item.key),
  );
  const reviewer = await getPrincipal(userIds.get("sre@demo.tenken.example")!);
  for (const [
    serviceIndex,
    { answers, evidence = [], reviews = [], team, ...service },
  ] of services.entries()) {
    // The services were there before their first answers, months ago.
    const created = await db.service.create({
      data: { ...service, teamId: teamIds.get(team)!, createdAt: new Date(now.getTime() - 150 * DAY) },
      select: { id: true },
    });
    serviceIds.set(service.slug, created.id);
    const actor = await getPrincipal(userIds.get(answerer.get(team)!)!);
    for (const [answerIndex, [itemKey, status, note = ""]] of answers.entries()) {
      if (!knownItems.has(itemKey))
        throw new Error(`Demo answer refers to unknown checklist item ${itemKey}`);
      // Spread over the last ~120 days so that history reads like real use.
      const at = new Date(now.getTime() - (120 - serviceIndex * 7 - answerIndex * 9) * DAY);
      await saveAnswer({ serviceId: created.id, itemKey, status, note }, actor, { at });
    }
    // The first piece of proof was checked 100 days ago, so the demo has stale evidence to show.
    for (const [index, [itemKey, url, title]] of evidence.entries()) {
      const at = new Date(now.getTime() - (index === 0 ? 100 : 40 - index * 5) * DAY);
      await addEvidence({ serviceId: created.id, itemKey, kind: "LINK", url, title }, actor, {
        today: dayOf(at),
        at,
      });
    }
    for (const [index, [itemKey, decision, comment = ""]] of reviews.entries()) {
      const at = new Date(now.getTime() - (20 - index * 3) * DAY);
      await decideOnAnswer({ serviceId: created.id, itemKey, decision, comment }, reviewer, {
        today: dayOf(at),
        at,
      });
    }
  }
  await seedDemoRetrospective(now, { userIds, serviceIds });
}

// Incidents over the last months and action items, one of them carried over and late, so the
// retrospective and its presenter view have a meeting's worth to show.
async function seedDemoRetrospective(
  now: Date,
  { userIds, serviceIds }: { userIds: Map<string, string>; serviceIds: Map<string, string> },
) {
  const today = todayIn(env.TENKEN_TIME_ZONE, now);
  const causes = new Map((await listIncidentCauses()).map((cause) => [cause.key, cause.id]));
  const sre = (await getPrincipal(userIds.get("sre@demo.tenken.example")!))!;
  const payments = (await getPrincipal(userIds.get("member@demo.tenken.example")!))!;
  const incidents = [
    [
      110,
      "SEV2",
      "change-release",
      ["checkout-api"],
      "A release raised checkout latency to 4 s for 25 minutes; rolled back.",
    ],
    [
      75,
      "SEV3",
      "dependency",
      ["checkout-api", "billing-batch"],
      "The card processor's sandbox was down; retries piled up in the queue.",
    ],
    [
      40,
      "SEV2",
      "monitoring-gap",
      ["billing-batch"],
      "Invoicing did not start one night and nobody noticed for 3 hours: no alert on the schedule.",
    ],
    [
      12,
      "SEV3",
      "capacity",
      ["search-api"],
      "Index rebuild saturated the search cluster's disks during peak hours.",
    ],
  ] as const;
  for (const [daysAgo, severity, cause, slugs, summary] of incidents) {
    const known = slugs.flatMap((slug) => serviceIds.get(slug) ?? []);
    if (known.length === 0) continue;
    await recordIncident(
      {
        occurredOn: addDays(today, -daysAgo),
        severity,
        summary,
        causeId: causes.get(cause)!,
        serviceIds: known,
      },
      sre,
      { today },
    );
  }
  const startMonth = await getFiscalStartMonth();
  const current = quarterOf(today, startMonth);
  const previous = shiftQuarter(current, -1, startMonth);
  const team = (await getDb().team.findUniqueOrThrow({ where: { slug: "payments" }, select: { id: true } }))
    .id;
  const billing = serviceIds.get("billing-batch");
  const late = await createActionItem(
    {
      title: "Alert when the nightly invoicing job does not start on time",
      teamId: team,
      ownerId: payments.id,
      dueOn: addDays(today, -10),
      serviceId: billing,
      itemKey: billing ? "batch.schedule" : undefined,
    },
    previous,
    payments,
  );
  const done = await createActionItem(
    {
      title: "Write the rollback runbook for checkout releases",
      teamId: team,
      ownerId: payments.id,
      dueOn: addDays(today, -30),
      serviceId: serviceIds.get("checkout-api"),
    },
    previous,
    payments,
  );
  await updateActionItem(done.id, { status: "DONE" }, payments, { at: new Date(now.getTime() - 35 * DAY) });
  await updateActionItem(late.id, { status: "IN_PROGRESS" }, payments, {
    at: new Date(now.getTime() - 20 * DAY),
  });
  await createActionItem(
    {
      title: "Add p95 and p99 to the latency dashboard",
      teamId: team,
      ownerId: payments.id,
      dueOn: addDays(current.end, -1),
      serviceId: serviceIds.get("checkout-api"),
      itemKey: "http.latency",
    },
    current,
    payments,
  );
}
