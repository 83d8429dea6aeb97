import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { createServiceAction } from "@/app/services/actions";
import { ServiceForm } from "@/components/services/service-form";
import { listTeams } from "@/lib/queries/teams";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("serviceForm"))("createTitle") };
}

export default async function NewServicePage() {
  const [t, teams] = await Promise.all([getTranslations("serviceForm"), listTeams()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("createTitle")}</h1>
      {teams.length === 0 ? (
        <p className="text-slate-700">{t("noTeams")}</p>
      ) : (
        <ServiceForm action={createServiceAction} teams={teams} submitLabel={t("create")} cancelHref="/services" />
      )}
    </div>
  );
}
