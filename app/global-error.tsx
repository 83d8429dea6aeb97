"use client";

// errors.errorTitle, errorBody and retry of both dictionaries, inlined by next.config.ts: this file
// is in every page's scripts, and importing the dictionaries would bring them whole.
type Messages = { errorTitle: string; errorBody: string; retry: string };
const { ja, en } = JSON.parse(process.env.TENKEN_GLOBAL_ERROR_MESSAGES ?? "{}") as Record<
  "ja" | "en",
  Messages
>;

// The last resort when the root layout itself fails: no layout and no locale, so the
// message is given in both languages.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ja">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>
          {ja.errorTitle} / <span lang="en">{en.errorTitle}</span>
        </h1>
        <p>{ja.errorBody}</p>
        <p lang="en">{en.errorBody}</p>
        <button type="button" onClick={reset}>
          {ja.retry} / <span lang="en">{en.retry}</span>
        </button>
      </body>
    </html>
  );
}
