import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import type { Locale } from "@/lib/i18n/config";

export async function SiteHeader() {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/services" className="text-lg font-bold tracking-tight text-slate-900">
          {t("app.name")}
          <span className="ml-2 text-sm font-normal text-slate-500">{t("app.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.label")} className="flex gap-4 text-sm">
          <Link href="/services" className="text-slate-700 hover:text-blue-700 hover:underline">
            {t("nav.services")}
          </Link>
          <Link href="/services/new" className="text-slate-700 hover:text-blue-700 hover:underline">
            {t("nav.newService")}
          </Link>
        </nav>
        <div className="ml-auto">
          <LocaleSwitcher current={locale as Locale} />
        </div>
      </div>
    </header>
  );
}
