import { useTranslations } from "next-intl";
import Link from "next/link";

import { buttonSecondary, cardClass } from "@/components/ui/styles";

type Props = {
  titleKey: "notFoundTitle" | "serviceNotFoundTitle";
  bodyKey: "notFoundBody" | "serviceNotFoundBody";
};

export function NotFoundMessage({ titleKey, bodyKey }: Props) {
  const t = useTranslations("errors");
  return (
    <div className={`${cardClass} mx-auto max-w-xl text-center`}>
      <h1 className="text-xl font-bold">{t(titleKey)}</h1>
      <p className="mt-2 text-slate-600">{t(bodyKey)}</p>
      <Link href="/services" className={`${buttonSecondary} mt-4`}>
        {t("backToServices")}
      </Link>
    </div>
  );
}
