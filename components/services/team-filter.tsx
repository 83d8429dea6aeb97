import { useTranslations } from "next-intl";

import { buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";

// A GET form: the filter lives in the address, so it can be bookmarked and shared.
export function TeamFilter({
  teams,
  selected,
}: {
  teams: { slug: string; name: string }[];
  selected?: string;
}) {
  const t = useTranslations("services");
  return (
    <form method="get" action="/services" className="flex items-end gap-2">
      <div>
        <label htmlFor="team-filter" className={labelClass}>
          {t("filterLabel")}
        </label>
        <select
          id="team-filter"
          name="team"
          defaultValue={selected ?? ""}
          className={`${inputClass} mt-1 min-w-48`}
        >
          <option value="">{t("allTeams")}</option>
          {teams.map((team) => (
            <option key={team.slug} value={team.slug}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonSecondary}>
        {t("applyFilter")}
      </button>
    </form>
  );
}
