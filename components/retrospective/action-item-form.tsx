import { useLocale, useTranslations } from "next-intl";

import { ActionForm, type ActionField } from "@/components/ui/action-form";
import { createActionItemAction, updateActionItemAction } from "@/lib/actions/retrospectives";
import { dayOf } from "@/lib/dates";
import type { ActionItemRow } from "@/lib/queries/action-items";
import type { ChecklistCategoryView } from "@/lib/queries/checklist";
import { ACTION_ITEM_STATUSES } from "@/lib/validations/retrospective";

type Props = {
  teams: { id: string; name: string }[];
  owners: { id: string; name: string }[];
  services: { id: string; name: string }[];
  checklist: ChecklistCategoryView[];
  defaultDueOn: string;
  // A new item is raised for this quarter ("2026-Q3"); an existing one is edited.
  quarter?: string;
  action?: ActionItemRow;
  defaultOwnerId?: string;
};

/** Adds an action item to a retrospective, or edits one: what, who, by when, and what it improves. */
export function ActionItemForm({
  teams,
  owners,
  services,
  checklist,
  defaultDueOn,
  quarter,
  action,
  defaultOwnerId,
}: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const fields: ActionField[] = [
    {
      name: "title",
      label: t("retrospective.actionTitle"),
      type: "text",
      defaultValue: action?.title ?? "",
      required: true,
    },
    {
      name: "teamId",
      label: t("retrospective.team"),
      type: "select",
      defaultValue: action?.team.id ?? teams[0]?.id ?? "",
      options: teams.map((team) => ({ value: team.id, label: team.name })),
    },
    {
      name: "ownerId",
      label: t("retrospective.owner"),
      type: "select",
      defaultValue: action?.owner.id ?? defaultOwnerId ?? "",
      options: [
        { value: "", label: "—" },
        ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
      ],
      required: true,
    },
    {
      name: "dueOn",
      label: t("retrospective.dueOn"),
      type: "date",
      defaultValue: action ? dayOf(action.dueOn) : defaultDueOn,
      required: true,
    },
    {
      name: "serviceId",
      label: t("retrospective.actionService"),
      type: "select",
      defaultValue: action?.service?.id ?? "",
      options: [
        { value: "", label: t("retrospective.noService") },
        ...services.map((service) => ({ value: service.id, label: service.name })),
      ],
    },
    {
      name: "itemKey",
      label: t("retrospective.actionItem"),
      type: "select",
      defaultValue: action?.item?.key ?? "",
      options: [
        { value: "", label: t("retrospective.noItem") },
        ...checklist.flatMap((category) =>
          category.items.map((item) => ({
            value: item.key,
            label: `${locale === "ja" ? category.titleJa : category.titleEn}: ${locale === "ja" ? item.textJa : item.textEn}`,
          })),
        ),
      ],
    },
    ...(action
      ? [
          {
            name: "status",
            label: t("retrospective.status"),
            type: "select" as const,
            defaultValue: action.status,
            options: ACTION_ITEM_STATUSES.map((status) => ({
              value: status,
              label: t(`retrospective.statuses.${status}`),
            })),
          },
        ]
      : []),
  ];
  return (
    <ActionForm
      action={action ? updateActionItemAction : createActionItemAction}
      hidden={
        action ? { actionItemId: action.id, revision: String(action.revision) } : { quarter: quarter ?? "" }
      }
      formLabel={action ? t("retrospective.editActionTitle") : t("retrospective.addActionTitle")}
      submitLabel={action ? t("retrospective.saveAction") : t("retrospective.addAction")}
      fields={fields}
    />
  );
}
