import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { signInAction, signInWithSsoAction } from "@/lib/actions/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { ssoConfig } from "@/lib/auth/sso";
import { lockedMinutesSchema, nextPathSchema } from "@/lib/validations/user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const next = nextPathSchema.parse(query.next ?? "");
  if (await getCurrentUser()) redirect(next);
  const [t, sso] = [await getTranslations("auth"), ssoConfig()];
  // Where a single sign-on that did not complete comes back (lib/auth/hooks.ts, lib/actions/auth.ts).
  const failure =
    query.error === "sso"
      ? t("ssoFailed")
      : query.error === "locked"
        ? t("tooManyAttempts", { minutes: lockedMinutesSchema.parse(query.minutes) })
        : null;
  return (
    <div className={`${cardClass} mx-auto max-w-sm space-y-5`}>
      <div>
        <h1 className="text-2xl font-bold">{t("signInTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("signInIntro")}</p>
      </div>
      {query.signedOut === "1" && (
        <p role="status" className="rounded bg-slate-100 p-2 text-sm">
          {t("signedOut")}
        </p>
      )}
      {failure && (
        <p role="alert" className="rounded border border-rose-300 bg-rose-50 p-2 text-sm text-rose-900">
          {failure}
        </p>
      )}
      {sso && (
        <>
          <form action={signInWithSsoAction}>
            <input type="hidden" name="next" value={next} />
            <button type="submit" className={`${buttonSecondary} w-full`}>
              {t("signInWith", { provider: sso.name })}
            </button>
          </form>
          <p className="text-center text-xs uppercase text-slate-500">{t("or")}</p>
        </>
      )}
      <SignInForm action={signInAction} next={next} />
    </div>
  );
}
