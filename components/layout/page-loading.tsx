import { getTranslations } from "next-intl/server";

/**
 * What a slow page shows while it is computed (its loading.tsx): its title at once, and grey
 * blocks where its tables will be, announced to screen readers as loading.
 */
export async function PageLoading({ title }: { title: string }) {
  const t = await getTranslations("app");
  return (
    <div className="space-y-6" aria-busy="true">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p role="status" className="text-slate-600">
        {t("loading")}
      </p>
      <div className="space-y-3" aria-hidden="true">
        <div className="h-10 w-2/3 animate-pulse rounded bg-slate-200" />
        <div className="h-64 animate-pulse rounded bg-slate-200" />
        <div className="h-40 animate-pulse rounded bg-slate-200" />
      </div>
    </div>
  );
}
