import { getTranslations } from "next-intl/server";

import { setLocaleAction } from "@/lib/actions/locale";
import { LOCALES, type Locale } from "@/lib/i18n/config";

// A plain form of two buttons: works without JavaScript and with the keyboard.
export async function LocaleSwitcher({ current }: { current: Locale }) {
  const t = await getTranslations("locale");
  return (
    <form
      action={setLocaleAction}
      className="flex items-center gap-1 text-sm"
      aria-label={t("label")}
      role="group"
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white"
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
