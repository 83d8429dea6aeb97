import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { createServiceAction } from "@/app/services/actions";
import { ServiceForm } from "@/components/services/service-form";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { listTeams } from "@/lib/queries/teams";
import { forbidden } from "next/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("serviceForm"))("createTitle") };
}

export default async function NewServicePage() {
  const user = await requireUser();
  const [t, allTeams] = await Promise.all([getTranslations("serviceForm"), listTeams()]);
  // Only the teams this person may create services for.
  const teams = allTeams.filter((team) => can.createService(user, { teamId: team.id }));
  if (allTeams.length > 0 && teams.length === 0) forbidden();
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
