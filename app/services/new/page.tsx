import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";

import { PageHeader } from "@/components/layout/page-header";
import { ServiceForm } from "@/components/services/service-form";
import { traitChoices } from "@/components/services/trait-choices";
import { createServiceAction } from "@/lib/actions/services";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { listTeams } from "@/lib/queries/teams";
import { listTraits } from "@/lib/queries/traits";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("serviceForm"))("createTitle") };
}

export default async function NewServicePage() {
  const user = await requireUser();
  const [t, allTeams, traits, locale] = await Promise.all([
    getTranslations("serviceForm"),
    listTeams(),
    listTraits(),
    getLocale(),
  ]);
  // Only the teams this person may create services for.
  const teams = allTeams.filter((team) => can.createService(user, { teamId: team.id }));
  if (allTeams.length > 0 && teams.length === 0) forbidden();
  return (
    <div className="space-y-6">
      <PageHeader title={t("createTitle")} />
      {teams.length === 0 ? (
        <p className="text-slate-700">{t("noTeams")}</p>
      ) : (
        <ServiceForm
          action={createServiceAction}
          teams={teams}
          traits={traitChoices(traits, locale)}
          submitLabel={t("create")}
          cancelHref="/services"
        />
      )}
    </div>
  );
}
