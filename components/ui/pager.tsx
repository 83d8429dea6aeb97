import { useTranslations } from "next-intl";
import Link from "next/link";

type Props = { page: number; pages: number; query: Record<string, string | undefined> };

/** Previous and next links that keep the list's filters; nothing when everything fits on one page. */
export function Pager({ page, pages, query }: Props) {
  const t = useTranslations("pager");
  if (pages <= 1) return null;
  const kept = Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={{ query: { ...kept, page: page - 1 } }} className="text-blue-700 underline">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link href={{ query: { ...kept, page: page + 1 } }} className="text-blue-700 underline">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
