import { useTranslations } from "next-intl";

import { saveMeetingNotesAction } from "@/app/retrospectives/actions";
import { ActionForm } from "@/components/ui/action-form";

/** The meeting's notes in Markdown; the version it was opened at guards against overwriting a colleague's save. */
export function MeetingNotesForm({
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
  const t = useTranslations("meeting");
  return (
    <ActionForm
      action={saveMeetingNotesAction}
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
