"use client";

import { useTranslations } from "next-intl";

import type { FormMessage } from "@/lib/validations/form";

export function FieldError({ id, messages }: { id: string; messages?: FormMessage[] }) {
  const t = useTranslations();
  if (!messages?.length) return null;
  return (
    <div id={id} className="mt-1 text-sm text-rose-700">
      {messages.map((message, index) => (
        <p key={index}>{t(message.key, message.values)}</p>
      ))}
    </div>
  );
}
