import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonSecondary, cardClass } from "@/components/ui/styles";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <div className={`${cardClass} mx-auto max-w-lg space-y-3 text-center`}>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("body")}</p>
      <Link href="/services" className={buttonSecondary}>
        {t("back")}
      </Link>
    </div>
  );
}
