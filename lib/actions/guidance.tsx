"use server";

import { getLocale } from "next-intl/server";

import { Markdown } from "@/components/ui/markdown";
import { getCurrentUser } from "@/lib/auth/session";
import { pick, type Locale } from "@/lib/i18n/config";
import { getItemGuidance } from "@/lib/queries/checklist";
import { itemKey } from "@/lib/validations/checklist-document";

/**
 * An item's guidance, rendered here, for the assessment page's "Guidance" disclosure: read when a
 * person opens it rather than sent with all 31 items on every view of the page.
 */
export async function readGuidanceAction(key: unknown) {
  const parsed = itemKey.safeParse(key);
  if (!parsed.success || !(await getCurrentUser())) return null;
  const [guidance, locale] = await Promise.all([
    getItemGuidance(parsed.data),
    getLocale() as Promise<Locale>,
  ]);
  const source = guidance && pick(locale, { ja: guidance.guidanceJa, en: guidance.guidanceEn });
  return source ? <Markdown source={source} /> : null;
}
