import { describe, expect, it } from "vitest";

import { readDefaultChecklistDocument } from "@/lib/checklist/default";

const japanese = /[\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

const categories = readDefaultChecklistDocument().categories;
const items = categories.flatMap((category) =>
  category.items.map((item) => ({ ...item, categoryKey: category.key })),
);
const itemByKey = (key: string) => {
  const item = items.find((candidate) => candidate.key === key);
  if (!item) throw new Error(`No checklist item ${key}`);
  return item;
};

// Keys are stored with answers, so renaming one must be a deliberate change to this list.
const expectedKeys = [
  "connectivity.each-component",
  "connectivity.over-network",
  "connectivity.alert-tested",
  "metrics.prefer-metrics",
  "metrics.business-logic",
  "logs.delivery-reliability",
  "logs.log-to-metric-backlog",
  "alerting.threshold-rationale",
  "alerting.runbook-link",
  "alerting.severity-levels",
  "alerting.resend",
  "http.monitor-4xx",
  "http.nginx-499",
  "http.latency",
  "http.per-endpoint",
  "batch.success",
  "batch.duration",
  "batch.schedule",
  "job-queue.success-rate",
  "job-queue.processing-delay",
  "job-queue.enqueued-vs-processed",
  "dashboard.golden-signals",
  "dashboard.ratios",
  "dashboard.compare-previous",
  "dashboard.release-markers",
  "dashboard.long-term-trends",
  "retrospective.release-impact",
  "retrospective.review-monitors",
  "retrospective.incident-causes",
  "other.architecture-diagram",
  "other.dependency-impact",
];

describe("the default checklist", () => {
  it("has the article's ten categories in order", () => {
    expect(categories.map((category) => category.title.ja)).toEqual([
      "疎通確認",
      "メトリック",
      "ログ",
      "アラート通知",
      "HTTPリクエストの場合",
      "バッチの場合",
      "ジョブキューの場合",
      "ダッシュボード",
      "開発メンバーとの振り返り",
      "その他",
    ]);
    expect(categories.map((category) => category.key)).toEqual([
      "connectivity",
      "metrics",
      "logs",
      "alerting",
      "http",
      "batch",
      "job-queue",
      "dashboard",
      "retrospective",
      "other",
    ]);
    for (const category of categories) {
      expect(category.title.en.trim()).not.toBe("");
      expect(category.title.en).not.toMatch(japanese);
    }
  });

  it("has the 31 items with their stable keys", () => {
    expect(items).toHaveLength(31);
    expect(items.map((item) => item.key)).toEqual(expectedKeys);
  });

  it("has unique keys prefixed by their category key", () => {
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    for (const item of items) {
      expect(item.key).toMatch(/^[a-z-]+\.[a-z0-9-]+$/);
      expect(item.key.startsWith(`${item.categoryKey}.`)).toBe(true);
    }
  });

  it("has texts and guidance in both languages", () => {
    for (const item of items) {
      expect(item.text.ja.trim(), item.key).not.toBe("");
      expect(item.text.ja, item.key).toMatch(japanese);
      expect(item.text.en.trim(), item.key).not.toBe("");
      expect(item.text.en, item.key).not.toMatch(japanese);
      expect(item.guidance.ja.trim(), item.key).not.toBe("");
      expect(item.guidance.ja, item.key).toMatch(japanese);
      expect(item.guidance.en.trim(), item.key).not.toBe("");
      expect(item.guidance.en, item.key).not.toMatch(japanese);
    }
  });

  it("quotes the article's wording", () => {
    expect(itemByKey("connectivity.each-component").text.ja).toBe(
      "それぞれのコンポーネントに対して疎通確認を行っている",
    );
    expect(itemByKey("http.nginx-499").text.ja).toBe(
      "nginxを使っている場合、499とその他の4xx系を区別してモニタリングしている",
    );
    expect(itemByKey("alerting.resend").text.ja).toBe("通知の再送を設定している");
    expect(itemByKey("dashboard.golden-signals").text.ja).toBe(
      "The Four Golden Signalsに従ってダッシュボードを構築している",
    );
    expect(itemByKey("other.dependency-impact").text.ja).toBe(
      "依存している他サービスがあれば、そのサービスが動かなかったときの影響を考慮できている",
    );
  });

  it("requires service traits only where the article says so", () => {
    expect(itemByKey("http.nginx-499").requires).toEqual(["SERVES_HTTP", "BEHIND_NGINX"]);
    for (const item of items) {
      if (item.key === "http.nginx-499") continue;
      const expected =
        item.categoryKey === "http"
          ? ["SERVES_HTTP"]
          : item.categoryKey === "batch"
            ? ["RUNS_BATCH"]
            : item.categoryKey === "job-queue"
              ? ["USES_JOB_QUEUE"]
              : [];
      expect(item.requires, item.key).toEqual(expected);
    }
  });

  it("has positive integer weights", () => {
    for (const item of items) {
      expect(Number.isInteger(item.weight), item.key).toBe(true);
      expect(item.weight, item.key).toBeGreaterThan(0);
    }
  });
});
