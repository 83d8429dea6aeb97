"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

import type { FormState } from "@/lib/validations/form";

/** The form-level message of a refused submit; an ended session offers to sign in and come back. */
export function FormAlert({ state, summaryKey }: { state: FormState; summaryKey?: string }) {
  const t = useTranslations();
  const pathname = usePathname();
  const hasFieldErrors = Object.keys(state.fieldErrors ?? {}).length > 0;
  if (!state.formError && !(hasFieldErrors && summaryKey)) return null;
  return (
    <div role="alert" className="rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900">
      {state.formError ? t(state.formError.key, state.formError.values) : t(summaryKey!)}
      {state.signedOut && (
        <>
          {" "}
          <Link href={`/sign-in?next=${encodeURIComponent(pathname)}`} className="font-semibold underline">
            {t("auth.signInAgain")}
          </Link>
        </>
      )}
    </div>
  );
}
