import { getTranslations } from "next-intl/server";

import { PageLoading } from "@/components/layout/page-loading";

// Computing this page can take a moment on a large organisation: its title shows at once.
export default async function Loading() {
  const t = await getTranslations("overview");
  return <PageLoading title={t("title")} />;
}
