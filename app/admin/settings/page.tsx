import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { saveSettingsAction } from "@/app/admin/actions";
import { ActionForm } from "@/components/ui/action-form";
import { cardClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { dateOfDay, todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { quarterName } from "@/lib/i18n/quarters";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { quarterOf } from "@/lib/quarters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("settingsTitle") };
}

export default async function SettingsPage() {
  await requirePermission("manageSettings");
  const [t, format, locale, startMonth] = await Promise.all([getTranslations(), getFormatter(), getLocale(), getFiscalStartMonth()]);
  const current = quarterOf(todayIn(env.TENKEN_TIME_ZONE), startMonth);
  const monthName = (month: number) => new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, month - 1, 1)));

  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("admin.settingsTitle")}</h1>
        <p className="text-slate-600">{t("admin.settingsIntro")}</p>
      </div>
      <section aria-labelledby="fiscal-heading" className={`${cardClass} space-y-4`}>
        <h2 id="fiscal-heading" className="text-lg font-semibold">{t("admin.fiscalTitle")}</h2>
        <p className="text-sm text-slate-700">
          {t("admin.currentQuarter", {
            quarter: quarterName(t, current),
            start: format.dateTime(dateOfDay(current.start), { dateStyle: "medium", timeZone: "UTC" }),
            end: format.dateTime(new Date(dateOfDay(current.end).getTime() - 86_400_000), { dateStyle: "medium", timeZone: "UTC" }),
          })}
        </p>
        <ActionForm
          action={saveSettingsAction}
          formLabel={t("admin.fiscalTitle")}
          submitLabel={t("admin.saveSettings")}
          fields={[
            {
              name: "fiscalStartMonth",
              label: t("admin.fiscalStartMonth"),
              type: "select",
              defaultValue: String(startMonth),
              hint: t("admin.fiscalStartMonthHint"),
              options: Array.from({ length: 12 }, (_, index) => ({ value: String(index + 1), label: monthName(index + 1) })),
            },
          ]}
        />
      </section>
    </div>
  );
}
