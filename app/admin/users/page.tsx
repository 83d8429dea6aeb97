import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/layout/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { cardClass } from "@/components/ui/styles";
import {
  changeRoleAction,
  createUserAction,
  deactivateUserAction,
  reactivateUserAction,
} from "@/lib/actions/users";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listUsers } from "@/lib/queries/users";
import { PASSWORD_MIN_LENGTH, USER_ROLES } from "@/lib/validations/user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("usersTitle") };
}

export default async function UsersPage() {
  const me = await requirePermission("manageUsers");
  const [t, format, users] = await Promise.all([getTranslations(), getFormatter(), listUsers()]);
  const roleOptions = USER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  return (
    <div className="space-y-8">
      <PageHeader title={t("admin.usersTitle")} intro={t("admin.usersIntro")} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("admin.usersTitle")}</caption>
          <ColumnHeaders
            look="caps"
            labels={[
              t("admin.name"),
              t("admin.teams"),
              t("admin.signInMethods"),
              t("admin.role"),
              t("admin.status"),
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id} className="align-top">
                <th scope="row" className="px-3 py-2 font-medium">
                  {user.name}
                  <span className="block text-xs font-normal text-slate-600">{user.email}</span>
                </th>
                <td className="px-3 py-2">
                  {user.memberships.length ? (
                    user.memberships.map((membership) => membership.team.name).join(", ")
                  ) : (
                    <span className="text-slate-500">{t("admin.noTeams")}</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {user.accounts
                    .map((account) =>
                      account.providerId === "credential" ? t("admin.methodPassword") : t("admin.methodSso"),
                    )
                    .join(", ") || "—"}
                </td>
                <td className="px-3 py-2">
                  <ActionForm
                    action={changeRoleAction}
                    hidden={{ userId: user.id, revision: String(user.revision) }}
                    layout="inline"
                    secondary
                    formLabel={t("admin.changeRole")}
                    fields={[
                      {
                        name: "role",
                        type: "select",
                        label: t("admin.role"),
                        hideLabel: true,
                        options: roleOptions,
                        defaultValue: user.role,
                      },
                    ]}
                    submitLabel={t("admin.saveRole")}
                  />
                </td>
                <td className="px-3 py-2">
                  <p className="mb-1">
                    {user.deactivatedAt
                      ? `${t("admin.deactivated")} (${format.dateTime(user.deactivatedAt, { dateStyle: "medium", timeZone: env.TENKEN_TIME_ZONE })})`
                      : t("admin.active")}
                  </p>
                  {user.id !== me.id && (
                    <ActionForm
                      action={user.deactivatedAt ? reactivateUserAction : deactivateUserAction}
                      hidden={{ userId: user.id, revision: String(user.revision) }}
                      layout="inline"
                      secondary
                      formLabel={`${user.deactivatedAt ? t("admin.reactivate") : t("admin.deactivate")}: ${user.name}`}
                      submitLabel={user.deactivatedAt ? t("admin.reactivate") : t("admin.deactivate")}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="create-user" className={`${cardClass} max-w-xl space-y-4`}>
        <h2 id="create-user" className="text-lg font-semibold">
          {t("admin.createUserTitle")}
        </h2>
        <ActionForm
          action={createUserAction}
          fields={[
            { name: "name", type: "text", label: t("admin.name"), autoComplete: "off" },
            { name: "email", type: "email", label: t("admin.email"), autoComplete: "off" },
            {
              name: "role",
              type: "select",
              label: t("admin.role"),
              options: roleOptions,
              defaultValue: "MEMBER",
              hint: USER_ROLES.map((role) => `${t(`roles.${role}`)}: ${t(`roleHelp.${role}`)}`).join(" "),
            },
            {
              name: "password",
              type: "password",
              label: t("admin.initialPassword"),
              autoComplete: "new-password",
              hint: t("auth.passwordHint", { min: PASSWORD_MIN_LENGTH }),
            },
          ]}
          submitLabel={t("admin.createUser")}
        />
      </section>
    </div>
  );
}
