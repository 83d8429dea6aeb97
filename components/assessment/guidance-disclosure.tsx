"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";

import { readGuidanceAction } from "@/lib/actions/guidance";

/**
 * An item's guidance on demand: read from the server the first time it is opened. Without
 * JavaScript it offers the item's page, which shows the guidance.
 */
export function GuidanceDisclosure({
  itemKey,
  itemText,
  itemPath,
}: {
  itemKey: string;
  itemText: string;
  itemPath: string;
}) {
  const t = useTranslations("assessment");
  const [guidance, setGuidance] = useState<ReactNode>(undefined);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const load = () =>
    startTransition(async () => {
      try {
        setGuidance((await readGuidanceAction(itemKey)) ?? null);
        setFailed(false);
      } catch {
        setFailed(true);
      }
    });

  return (
    <details
      className="open:basis-full"
      onToggle={(event) => {
        if (event.currentTarget.open && guidance === undefined && !pending) load();
      }}
    >
      <summary
        aria-label={`${t("guidance")}: ${itemText}`}
        className="cursor-pointer text-slate-600 underline"
      >
        {t("guidance")}
      </summary>
      <div className="mt-1 text-sm" aria-busy={pending}>
        {pending ? (
          <p className="text-slate-600">{t("guidanceLoading")}</p>
        ) : failed ? (
          <p role="alert" className="text-red-800">
            {t("guidanceFailed")}{" "}
            <a href={itemPath} className="font-medium text-blue-800 underline">
              {t("guidanceOnItemPage")}
            </a>
          </p>
        ) : guidance === undefined ? (
          <a href={itemPath} className="text-blue-800 underline">
            {t("guidanceOnItemPage")}
          </a>
        ) : (
          guidance
        )}
      </div>
    </details>
  );
}
