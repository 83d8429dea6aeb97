import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";

import { PageHeader } from "@/components/layout/page-header";
import { ServiceForm } from "@/components/services/service-form";
import { traitChoices } from "@/components/services/trait-choices";
import { updateServiceAction } from "@/lib/actions/services";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getServiceBySlug } from "@/lib/queries/services";
import { listTeams } from "@/lib/queries/teams";
import { listTraits } from "@/lib/queries/traits";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [t, service] = await Promise.all([
    getTranslations("serviceForm"),
    getServiceBySlug((await params).slug),
  ]);
  return { title: service ? t("editTitle", { name: service.name }) : undefined };
}

export default async function EditServicePage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser();
  const [t, service, allTeams, traits, locale] = await Promise.all([
    getTranslations("serviceForm"),
    getServiceBySlug(slug),
    listTeams(),
    listTraits({ includeRetired: true }),
    getLocale(),
  ]);
  if (!service) notFound();
  if (!can.editService(user, { teamId: service.teamId })) forbidden();
  // The service may move only to a team this person also belongs to.
  const teams = allTeams.filter((team) =>
    can.editService(user, { teamId: service.teamId, newTeamId: team.id }),
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("editTitle", { name: service.name })} />
      <ServiceForm
        action={updateServiceAction.bind(null, service.id)}
        teams={teams}
        traits={traitChoices(
          traits.filter((trait) => !trait.retiredAt || service.traits.includes(trait.key)),
          locale,
        )}
        initial={{ ...service, traits: service.traits }}
        revision={service.revision}
        submitLabel={t("save")}
        cancelHref={`/services/${service.slug}`}
      />
    </div>
  );
}
