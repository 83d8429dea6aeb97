import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import type { Change, PeriodEvent } from "@/lib/retrospective/changes";
import { naChangeText, staleStretchText, type StaleStretch } from "@/lib/retrospective/wording";

const english = createTranslator({ locale: "en", messages: en }) as never;
const japanese = createTranslator({ locale: "ja", messages: ja as typeof en }) as never;
const change = (
  action: PeriodEvent["action"],
  before: PeriodEvent["fromStatus"],
  after: PeriodEvent["toStatus"],
): Change<PeriodEvent> => ({
  event: {
    serviceId: "s",
    itemId: "i",
    action,
    fromStatus: before,
    toStatus: after,
    actorName: "Mei",
    createdAt: new Date(),
  },
  before,
  after,
});
const stretch = (ended: Partial<StaleStretch> = {}): StaleStretch => ({
  service_slug: "s",
  service_name: "S",
  item_key: "k",
  text_en: "",
  text_ja: "",
  title: "Runbook",
  url: null,
  kind: "LINK",
  stale_from: "2033-10-13",
  ended_on: null,
  ended_by: null,
  ended_by_name: null,
  ...ended,
});
const asIs = (day: string) => day;

describe("the retrospective's words", () => {
  it("says whether N/A was declared, withdrawn or decided", () => {
    expect(naChangeText(english, change("SAVED", "PARTIAL", "NOT_APPLICABLE"))).toBe(
      "declared N/A; the answer before was Partially met",
    );
    expect(naChangeText(english, change("SAVED", null, "NOT_APPLICABLE"))).toBe(
      "declared N/A; the answer before was Unanswered",
    );
    expect(naChangeText(english, change("SAVED", "NOT_APPLICABLE", "MET"))).toBe(
      "N/A withdrawn; answered Met instead",
    );
    expect(naChangeText(english, change("NA_APPROVED", "NOT_APPLICABLE", "NOT_APPLICABLE"))).toBe(
      "N/A approved",
    );
    expect(naChangeText(japanese, change("SAVED", "NOT_APPLICABLE", "MET"))).toBe(
      `該当なしを取り下げ、${ja.status.MET} と回答`,
    );
  });

  it("says when evidence went stale and how that ended", () => {
    expect(staleStretchText(english, stretch(), asIs)).toBe("stale from 2033-10-13, still stale");
    expect(
      staleStretchText(
        english,
        stretch({ ended_on: "2033-10-23", ended_by: "RENEWED", ended_by_name: "Mei" }),
        asIs,
      ),
    ).toBe("stale from 2033-10-13, marked still valid on 2033-10-23 by Mei, after 10 days");
    expect(
      staleStretchText(
        english,
        stretch({ ended_on: "2033-10-14", ended_by: "REMOVED", ended_by_name: "Mei" }),
        asIs,
      ),
    ).toBe("stale from 2033-10-13, removed on 2033-10-14 by Mei, after 1 day stale");
    expect(
      staleStretchText(
        japanese,
        stretch({ ended_on: "2033-10-23", ended_by: "RENEWED", ended_by_name: "Mei" }),
        asIs,
      ),
    ).toBe("2033-10-13 から期限切れ、2033-10-23 に Mei がまだ有効としてマーク（期限切れから 10 日後）");
  });
});
