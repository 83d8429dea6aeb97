import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { signOutAction } from "@/lib/actions/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { isDatabaseUnreachable } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";

// With the database down the header still renders, so the page's own error boundary can say
// what is wrong in the page's language.
async function currentUserUnlessDatabaseDown() {
  try {
    return await getCurrentUser();
  } catch (error) {
    if (isDatabaseUnreachable(error)) return null;
    throw error;
  }
}

const navLink = "text-slate-700 hover:text-blue-700 hover:underline";

export async function SiteHeader() {
  const [t, locale, user] = await Promise.all([
    getTranslations(),
    getLocale(),
    currentUserUnlessDatabaseDown(),
  ]);
  // Only links the person may follow: a viewer sees no "New service", only admins see admin pages.
  const mayCreateServices =
    user !== null && (user.role === "ADMIN" || (user.role !== "VIEWER" && user.teamIds.length > 0));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/services" className="text-lg font-bold tracking-tight text-slate-900">
          {t("app.name")}
          <span className="ml-2 text-sm font-normal text-slate-500">{t("app.tagline")}</span>
        </Link>
        {user && (
          <nav aria-label={t("nav.label")} className="flex flex-wrap gap-4 text-sm">
            <Link href="/services" className={navLink}>
              {t("nav.services")}
            </Link>
            <Link href="/overview" className={navLink}>
              {t("nav.overview")}
            </Link>
            <Link href="/trends" className={navLink}>
              {t("nav.trends")}
            </Link>
            <Link href="/retrospectives" className={navLink}>
              {t("nav.retro")}
            </Link>
            {mayCreateServices && (
              <Link href="/services/new" className={navLink}>
                {t("nav.newService")}
              </Link>
            )}
            {can.seeReviewQueue(user) && (
              <Link href="/review" className={navLink}>
                {t("nav.review")}
              </Link>
            )}
            <Link href="/attention" className={navLink}>
              {t("nav.attention")}
            </Link>
            {can.browseAuditLog(user) && (
              <Link href="/audit" className={navLink}>
                {t("nav.audit")}
              </Link>
            )}
            {can.manageUsers(user) && (
              <Link href="/admin/users" className={navLink}>
                {t("nav.users")}
              </Link>
            )}
            {can.manageTeams(user) && (
              <Link href="/admin/teams" className={navLink}>
                {t("nav.teams")}
              </Link>
            )}
            {can.manageChecklist(user) && (
              <Link href="/admin/checklist" className={navLink}>
                {t("nav.checklist")}
              </Link>
            )}
            {can.manageSettings(user) && (
              <Link href="/admin/settings" className={navLink}>
                {t("nav.settings")}
              </Link>
            )}
          </nav>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-4">
          {user && (
            <form
              action={signOutAction}
              className="flex items-center gap-2 text-sm"
              aria-label={t("nav.account")}
            >
              <span className="text-slate-600">
                {t("nav.signedInAs", { name: user.name })}{" "}
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{t(`roles.${user.role}`)}</span>
              </span>
              <button type="submit" className="rounded px-2 py-1 text-slate-700 underline hover:bg-slate-100">
                {t("nav.signOut")}
              </button>
            </form>
          )}
          <LocaleSwitcher current={locale as Locale} />
        </div>
      </div>
    </header>
  );
}
