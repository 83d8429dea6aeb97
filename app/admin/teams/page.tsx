import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/layout/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { cardClass } from "@/components/ui/styles";
import { addMemberAction, createTeamAction, removeMemberAction, updateTeamAction } from "@/lib/actions/teams";
import { requirePermission } from "@/lib/auth/session";
import { listTeamsWithMembers } from "@/lib/queries/teams";
import { listUsers } from "@/lib/queries/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("teamsTitle") };
}

export default async function TeamsPage() {
  await requirePermission("manageTeams");
  const [t, teams, users] = await Promise.all([getTranslations(), listTeamsWithMembers(), listUsers()]);
  const activeUsers = users.filter((user) => !user.deactivatedAt);

  return (
    <div className="space-y-8">
      <PageHeader title={t("admin.teamsTitle")} intro={t("admin.teamsIntro")} />
      <ul className="space-y-4">
        {teams.map((team) => {
          const candidates = activeUsers.filter(
            (user) => !team.memberships.some((membership) => membership.user.id === user.id),
          );
          return (
            <li key={team.id}>
              <section aria-labelledby={`team-${team.slug}`} className={`${cardClass} space-y-4`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`team-${team.slug}`} className="text-lg font-semibold">
                    {team.name}
                  </h2>
                  <p className="text-sm text-slate-600">
                    <span className="font-mono">{team.slug}</span> ·{" "}
                    {t("admin.services", { count: team._count.services })}
                  </p>
                </div>
                <div>
                  <h3 className="text-sm font-semibold">{t("admin.members")}</h3>
                  {team.memberships.length === 0 ? (
                    <p className="text-sm text-slate-600">{t("admin.noMembers")}</p>
                  ) : (
                    <ul className="mt-1 divide-y divide-slate-100" aria-label={t("admin.members")}>
                      {team.memberships.map(({ user }) => (
                        <li
                          key={user.id}
                          className="flex flex-wrap items-center justify-between gap-2 py-1.5 text-sm"
                        >
                          <span>
                            {user.name}{" "}
                            <span className="text-slate-500">
                              · {t(`roles.${user.role}`)}
                              {user.deactivatedAt ? ` · ${t("admin.deactivated")}` : ""}
                            </span>
                          </span>
                          <ActionForm
                            action={removeMemberAction}
                            hidden={{ teamId: team.id, userId: user.id }}
                            layout="inline"
                            secondary
                            submitLabel={t("admin.removeMember", { name: user.name, team: team.name })}
                          />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                {candidates.length > 0 && (
                  <ActionForm
                    action={addMemberAction}
                    hidden={{ teamId: team.id }}
                    layout="inline"
                    formLabel={`${t("admin.addMember")}: ${team.name}`}
                    fields={[
                      {
                        name: "userId",
                        type: "select",
                        label: t("admin.addMember"),
                        hideLabel: true,
                        options: [
                          { value: "", label: t("admin.chooseUser") },
                          ...candidates.map((user) => ({
                            value: user.id,
                            label: `${user.name} (${user.email})`,
                          })),
                        ],
                      },
                    ]}
                    submitLabel={t("admin.addMember")}
                  />
                )}
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-slate-700">
                    {t("admin.editTeam", { name: team.name })}
                  </summary>
                  <div className="mt-3 max-w-xl">
                    <ActionForm
                      action={updateTeamAction}
                      hidden={{ teamId: team.id, revision: String(team.revision) }}
                      fields={[
                        { name: "name", type: "text", label: t("admin.teamName"), defaultValue: team.name },
                        { name: "slug", type: "text", label: t("admin.teamSlug"), defaultValue: team.slug },
                        {
                          name: "description",
                          type: "textarea",
                          label: t("admin.teamDescription"),
                          defaultValue: team.description,
                        },
                      ]}
                      submitLabel={t("admin.saveTeam")}
                    />
                  </div>
                </details>
              </section>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="create-team" className={`${cardClass} max-w-xl space-y-4`}>
        <h2 id="create-team" className="text-lg font-semibold">
          {t("admin.createTeamTitle")}
        </h2>
        <ActionForm
          action={createTeamAction}
          fields={[
            { name: "name", type: "text", label: t("admin.teamName") },
            {
              name: "slug",
              type: "text",
              label: t("admin.teamSlug"),
              hint: t("serviceForm.slugHint"),
              slugFrom: {
                field: "name",
                proposed: t("serviceForm.slugProposed"),
                none: t("serviceForm.slugNoProposal"),
              },
            },
            { name: "description", type: "textarea", label: t("admin.teamDescription") },
          ]}
          submitLabel={t("admin.createTeam")}
        />
      </section>
    </div>
  );
}
