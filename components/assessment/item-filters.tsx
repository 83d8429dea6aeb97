import { getTranslations } from "next-intl/server";

import { AssessmentFilters } from "@/components/assessment/assessment-filters";
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
    <AssessmentFilters label={t("filters")}>
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
    </AssessmentFilters>
  );
}
