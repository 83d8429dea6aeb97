import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/layout/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { cardClass } from "@/components/ui/styles";
import {
  createCauseAction,
  moveCauseAction,
  renameCauseAction,
  restoreCauseAction,
  retireCauseAction,
  saveSettingsAction,
} from "@/lib/actions/settings";
import { requirePermission } from "@/lib/auth/session";
import { dateOfDay, todayIn } from "@/lib/dates";
import { env } from "@/lib/env";
import { quarterName, quarterOf } from "@/lib/quarters";
import { listIncidentCauses } from "@/lib/queries/incidents";
import { getFiscalStartMonth } from "@/lib/queries/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("settingsTitle") };
}

export default async function SettingsPage() {
  await requirePermission("manageSettings");
  const [t, format, locale, startMonth, causes] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale(),
    getFiscalStartMonth(),
    listIncidentCauses({ includeRetired: true }),
  ]);
  const current = quarterOf(todayIn(env.TENKEN_TIME_ZONE), startMonth);
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2026, month - 1, 1)),
    );

  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t("admin.settingsTitle")} intro={t("admin.settingsIntro")} />
      <section aria-labelledby="fiscal-heading" className={`${cardClass} space-y-4`}>
        <h2 id="fiscal-heading" className="text-lg font-semibold">
          {t("admin.fiscalTitle")}
        </h2>
        <p className="text-sm text-slate-700">
          {t("admin.currentQuarter", {
            quarter: quarterName(t, current),
            start: format.dateTime(dateOfDay(current.start), { dateStyle: "medium", timeZone: "UTC" }),
            end: format.dateTime(new Date(dateOfDay(current.end).getTime() - 86_400_000), {
              dateStyle: "medium",
              timeZone: "UTC",
            }),
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
              options: Array.from({ length: 12 }, (_, index) => ({
                value: String(index + 1),
                label: monthName(index + 1),
              })),
            },
          ]}
        />
      </section>
      <section aria-labelledby="causes-heading" className={`${cardClass} space-y-4`}>
        <h2 id="causes-heading" className="text-lg font-semibold">
          {t("admin.causesTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("admin.causesIntro")}</p>
        <ul className="divide-y divide-slate-100">
          {causes.map((cause, index) => {
            const name = locale === "ja" ? cause.nameJa : cause.nameEn;
            return (
              <li key={cause.id} className="space-y-2 py-3">
                <p className="font-medium">
                  {name}{" "}
                  {cause.retiredAt && (
                    <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                      {t("admin.retired")}
                    </span>
                  )}
                </p>
                <ActionForm
                  action={renameCauseAction}
                  layout="inline"
                  hidden={{ causeId: cause.id }}
                  formLabel={t("admin.causeEdit", { name })}
                  submitLabel={t("admin.saveCause")}
                  fields={[
                    {
                      name: "nameEn",
                      label: t("admin.causeNameEn"),
                      type: "text",
                      defaultValue: cause.nameEn,
                    },
                    {
                      name: "nameJa",
                      label: t("admin.causeNameJa"),
                      type: "text",
                      defaultValue: cause.nameJa,
                    },
                  ]}
                />
                <div className="flex flex-wrap gap-2">
                  {index > 0 && (
                    <ActionForm
                      action={moveCauseAction}
                      layout="inline"
                      secondary
                      hidden={{ causeId: cause.id, direction: "up" }}
                      formLabel={`${t("admin.moveUp")}: ${name}`}
                      submitLabel={t("admin.moveUp")}
                    />
                  )}
                  {index < causes.length - 1 && (
                    <ActionForm
                      action={moveCauseAction}
                      layout="inline"
                      secondary
                      hidden={{ causeId: cause.id, direction: "down" }}
                      formLabel={`${t("admin.moveDown")}: ${name}`}
                      submitLabel={t("admin.moveDown")}
                    />
                  )}
                  <ActionForm
                    action={cause.retiredAt ? restoreCauseAction : retireCauseAction}
                    layout="inline"
                    secondary
                    hidden={{ causeId: cause.id }}
                    formLabel={`${cause.retiredAt ? t("admin.restoreCause") : t("admin.retireCause")}: ${name}`}
                    submitLabel={cause.retiredAt ? t("admin.restoreCause") : t("admin.retireCause")}
                  />
                </div>
              </li>
            );
          })}
        </ul>
        <h3 className="font-semibold">{t("admin.addCauseTitle")}</h3>
        <ActionForm
          action={createCauseAction}
          formLabel={t("admin.addCauseTitle")}
          submitLabel={t("admin.addCause")}
          fields={[
            { name: "nameEn", label: t("admin.causeNameEn"), type: "text", required: true },
            { name: "nameJa", label: t("admin.causeNameJa"), type: "text", required: true },
          ]}
        />
      </section>
    </div>
  );
}
