import { useTranslations } from "next-intl";
import Link from "next/link";

import { ActionForm } from "@/components/ui/action-form";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { isOverdue } from "@/lib/action-items";
import { setActionItemStatusAction } from "@/lib/actions/retrospectives";
import { dayOf } from "@/lib/dates";
import type { ActionItemRow } from "@/lib/queries/action-items";
import { ACTION_ITEM_STATUSES } from "@/lib/validations/retrospective";

type Row = ActionItemRow & { carriedOver: boolean };

/**
 * The retrospective's action items: carried-over ones marked with the quarter that raised them,
 * late ones marked overdue in words, and the status changeable in place by those who may.
 */
export function ActionItemTable({
  actions,
  today,
  canEdit,
  raisedIn,
  itemText,
}: {
  actions: Row[];
  today: string;
  canEdit: (action: Row) => boolean;
  raisedIn: (action: Row) => string;
  itemText: (key: string) => string;
}) {
  const t = useTranslations("retrospective");
  if (actions.length === 0) return <p className="text-sm text-slate-600">{t("noActions")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <ColumnHeaders labels={[t("actionTitle"), t("owner"), t("dueOn"), t("improves"), t("status")]} />
        <tbody>
          {actions.map((action) => {
            const overdue = isOverdue(action, today);
            return (
              <tr key={action.id} className="border-b border-slate-100 align-top">
                <td className="px-2 py-1.5">
                  {canEdit(action) ? (
                    <Link
                      href={`/retrospectives/action-items/${action.id}`}
                      className="font-medium text-blue-700 underline"
                    >
                      {action.title}
                    </Link>
                  ) : (
                    <span className="font-medium">{action.title}</span>
                  )}
                  <span className="block text-xs text-slate-600">
                    {action.team.name} ·{" "}
                    {action.carriedOver
                      ? t("carriedOver", { quarter: raisedIn(action) })
                      : t("newThisQuarter")}
                  </span>
                </td>
                <td className="px-2 py-1.5">{action.owner.name}</td>
                <td className="whitespace-nowrap px-2 py-1.5">
                  <time dateTime={dayOf(action.dueOn)}>{dayOf(action.dueOn)}</time>
                  {overdue && (
                    <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900">
                      {t("overdue")}
                    </span>
                  )}
                </td>
                <td className="px-2 py-1.5">
                  {action.service ? (
                    <Link
                      href={
                        action.item
                          ? `/services/${action.service.slug}/items/${action.item.key}`
                          : `/services/${action.service.slug}`
                      }
                      className="text-blue-700 underline"
                    >
                      {action.service.name}
                      {action.item && `: ${itemText(action.item.key)}`}
                    </Link>
                  ) : (
                    <span className="text-slate-600">—</span>
                  )}
                </td>
                <td className="px-2 py-1.5">
                  {canEdit(action) ? (
                    <ActionForm
                      action={setActionItemStatusAction}
                      layout="inline"
                      secondary
                      hidden={{ actionItemId: action.id, revision: String(action.revision) }}
                      formLabel={`${t("status")}: ${action.title}`}
                      submitLabel={t("saveStatus")}
                      fields={[
                        {
                          name: "status",
                          label: t("status"),
                          hideLabel: true,
                          type: "select",
                          defaultValue: action.status,
                          options: ACTION_ITEM_STATUSES.map((status) => ({
                            value: status,
                            label: t(`statuses.${status}`),
                          })),
                        },
                      ]}
                    />
                  ) : (
                    t(`statuses.${action.status}`)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
