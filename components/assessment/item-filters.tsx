import { getTranslations } from "next-intl/server";

import { FilterForm } from "@/components/ui/filter-form";
import { FilterSelect } from "@/components/ui/filter-select";
import { ASSESSMENT_SHOWS, type AssessmentFilter } from "@/lib/assessment-filters";

/** The assessment's filters: which items to show, and of which category. */
export async function ItemFilters({
  filter,
  categories,
}: {
  filter: AssessmentFilter;
  categories: { key: string; title: string }[];
}) {
  const t = await getTranslations("assessment");
  return (
    <FilterForm
      role="search"
      aria-label={t("filters")}
      applyLabel={t("applyFilters")}
      pendingLabel={t("updating")}
      className="flex flex-wrap items-end gap-3"
    >
      <FilterSelect
        name="show"
        label={t("show")}
        anyLabel={t("showAll")}
        value={filter.show ?? ""}
        options={ASSESSMENT_SHOWS.map((show) => ({ value: show, label: t(`shows.${show}`) }))}
      />
      <FilterSelect
        name="category"
        label={t("category")}
        anyLabel={t("allCategories")}
        value={filter.category ?? ""}
        options={categories.map((category) => ({ value: category.key, label: category.title }))}
      />
    </FilterForm>
  );
}
