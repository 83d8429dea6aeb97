import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { SetupForm } from "@/components/auth/setup-form";
import { cardClass } from "@/components/ui/styles";
import { createFirstAdminAction } from "@/lib/actions/auth";
import { isSetupTokenValid } from "@/lib/queries/setup";
import { PASSWORD_MIN_LENGTH } from "@/lib/validations/user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("setupTitle") };
}

export default async function SetupPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  const valid = typeof token === "string" && token.length <= 200 && (await isSetupTokenValid(token));
  return (
    <div className={`${cardClass} mx-auto max-w-md space-y-5`}>
      <h1 className="text-2xl font-bold">{t("setupTitle")}</h1>
      {valid ? (
        <>
          <p className="text-sm text-slate-600">{t("setupIntro")}</p>
          <SetupForm action={createFirstAdminAction} token={token} passwordMinLength={PASSWORD_MIN_LENGTH} />
        </>
      ) : (
        <p role="alert" className="text-slate-700">
          {t("setupInvalid")}
        </p>
      )}
    </div>
  );
}
