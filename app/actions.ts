"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";

import { getAuth } from "@/lib/auth/server";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { localeSchema } from "@/lib/validations/locale";

export async function setLocaleAction(formData: FormData) {
  const parsed = localeSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
  revalidatePath("/", "layout");
}

export async function signOutAction() {
  const auth = await getAuth();
  const requestHeaders = await headers();
  // Signing out of a session that has already ended is not an error.
  await auth.api.signOut({ headers: requestHeaders }).catch(() => undefined);
  redirect("/sign-in?signedOut=1");
}
