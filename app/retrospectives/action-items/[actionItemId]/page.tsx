import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";

import { PageHeader } from "@/components/layout/page-header";
import { ActionItemForm } from "@/components/retrospective/action-item-form";
import { cardClass } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/session";
import { dayOf } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { quarterOf, quarterParam } from "@/lib/quarters";
import { getActionItem } from "@/lib/queries/action-items";
import { getChecklist } from "@/lib/queries/checklist";
import { listServiceNames } from "@/lib/queries/services";
import { getFiscalStartMonth } from "@/lib/queries/settings";
import { listTeams } from "@/lib/queries/teams";
import { listActiveUsers } from "@/lib/queries/users";
import { actionItemStatusSchema } from "@/lib/validations/retrospective";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retrospective"))("editActionTitle") };
}

export default async function ActionItemPage({ params }: { params: Promise<{ actionItemId: string }> }) {
  const user = await requireUser();
  const parsed = actionItemStatusSchema.shape.actionItemId.safeParse((await params).actionItemId);
  const action = parsed.success ? await getActionItem(parsed.data) : null;
  if (!action) notFound();
  if (!can.manageActionItem(user, { teamId: action.team.id })) forbidden();
  const [t, teams, owners, services, checklist, startMonth] = await Promise.all([
    getTranslations(),
    listTeams(),
    listActiveUsers(),
    listServiceNames(),
    getChecklist(),
    getFiscalStartMonth(),
  ]);
  // The current owner stays offered even if deactivated since: other changes must not need a new owner.
  const ownerChoices = owners.some((owner) => owner.id === action.owner.id)
    ? owners
    : [action.owner, ...owners];
  const back = `/retrospectives?${new URLSearchParams({ quarter: quarterParam(quarterOf(dayOf(action.raisedForStartsOn), startMonth)), team: action.team.slug })}`;

  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader
        title={t("retrospective.editActionTitle")}
        back={{ href: back, label: t("retrospective.backToRetro") }}
      >
        <p className="text-sm text-slate-600">{action.title}</p>
      </PageHeader>
      <section className={cardClass} aria-label={t("retrospective.editActionTitle")}>
        <ActionItemForm
          action={action}
          teams={teams.filter(
            (team) =>
              team.id === action.team.id ||
              can.manageActionItem(user, { teamId: action.team.id, newTeamId: team.id }),
          )}
          owners={ownerChoices}
          services={services}
          checklist={checklist}
          defaultDueOn={dayOf(action.dueOn)}
        />
      </section>
    </div>
  );
}
