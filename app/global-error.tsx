"use client";

import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";

// The last resort when the root layout itself fails: no layout and no locale, so the
// message is given in both languages.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ja">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>
          {ja.errors.errorTitle} / <span lang="en">{en.errors.errorTitle}</span>
        </h1>
        <p>{ja.errors.errorBody}</p>
        <p lang="en">{en.errors.errorBody}</p>
        <button type="button" onClick={reset}>
          {ja.errors.retry} / <span lang="en">{en.errors.retry}</span>
        </button>
      </body>
    </html>
  );
}
