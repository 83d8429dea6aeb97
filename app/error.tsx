"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { buttonPrimary, cardClass } from "@/components/ui/styles";

// Production builds hide server error details from the browser (as they should), so the
// page asks the health endpoint whether the database is the cause.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errors");
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    let cancelled = false;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => response.json() as Promise<{ database?: string }>)
      .then((health) => !cancelled && setDatabaseDown(health.database === "unreachable"))
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [error]);

  return (
    <div role="alert" className={`${cardClass} mx-auto max-w-xl`}>
      <h1 className="text-xl font-bold">{databaseDown ? t("databaseTitle") : t("errorTitle")}</h1>
      <p className="mt-2 text-slate-700">{databaseDown ? t("databaseBody") : t("errorBody")}</p>
      {error.digest && (
        <p className="mt-2 font-mono text-xs text-slate-500">{t("reference", { digest: error.digest })}</p>
      )}
      <button type="button" onClick={reset} className={`${buttonPrimary} mt-4`}>
        {t("retry")}
      </button>
    </div>
  );
}
