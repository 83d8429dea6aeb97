import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";

import { env } from "@/lib/env";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/config";

// No locale in the URL: a person's explicit choice (cookie) wins, then the browser's
// Accept-Language.
export async function resolveLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages, timeZone: env.TENKEN_TIME_ZONE };
});
