import { useTranslations } from "next-intl";

import { ActionForm } from "@/components/ui/action-form";
import { saveRetrospectiveNotesAction } from "@/lib/actions/retrospectives";

/** The meeting's notes in Markdown; the version it was opened at guards against overwriting a colleague's save. */
export function RetrospectiveNotesForm({
  quarter,
  team,
  body,
  version,
}: {
  quarter: string;
  team?: string;
  body: string;
  version: number;
}) {
  const t = useTranslations("retrospective");
  return (
    <ActionForm
      action={saveRetrospectiveNotesAction}
      hidden={{ quarter, team: team ?? "", version: String(version) }}
      formLabel={t("notesTitle")}
      submitLabel={t("saveNotes")}
      fields={[
        {
          name: "body",
          label: t("notesLabel"),
          type: "textarea",
          rows: 10,
          defaultValue: body,
          hint: t("notesHint"),
        },
      ]}
    />
  );
}
