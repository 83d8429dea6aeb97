import { useTranslations } from "next-intl";

import { FilterForm } from "@/components/ui/filter-form";
import { FilterSelect } from "@/components/ui/filter-select";

// The filter lives in the address, so it can be bookmarked and shared; it applies as it changes.
export function TeamFilter({
  teams,
  selected,
}: {
  teams: { slug: string; name: string }[];
  selected?: string;
}) {
  const t = useTranslations("services");
  return (
    <FilterForm applyLabel={t("applyFilter")} pendingLabel={t("updating")} className="min-w-48">
      <FilterSelect
        name="team"
        label={t("filterLabel")}
        anyLabel={t("allTeams")}
        value={selected}
        options={teams.map((team) => ({ value: team.slug, label: team.name }))}
      />
    </FilterForm>
  );
}
