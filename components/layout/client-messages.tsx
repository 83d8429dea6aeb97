import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

import {
  CLIENT_MESSAGES,
  EVERY_PAGE_MESSAGES,
  pickMessages,
  type ClientMessagesFor,
} from "@/lib/i18n/client-messages";

/**
 * Gives the client components inside it the messages they use (lib/i18n/client-messages.ts):
 * the root layout gives every page only EVERY_PAGE_MESSAGES.
 */
export async function ClientMessages({
  of,
  children,
}: {
  of?: ClientMessagesFor | readonly ClientMessagesFor[];
  children: React.ReactNode;
}) {
  const kinds = of === undefined ? [] : typeof of === "string" ? [of] : of;
  const paths = [...EVERY_PAGE_MESSAGES, ...kinds.flatMap((kind) => CLIENT_MESSAGES[kind])];
  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), paths)}>
      {children}
    </NextIntlClientProvider>
  );
}
