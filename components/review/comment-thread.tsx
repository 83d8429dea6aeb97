import { getFormatter, getTranslations } from "next-intl/server";

import { env } from "@/lib/env";
import type { ItemReview } from "@/lib/queries/assessment";

const stepTone: Record<string, string> = {
  COMMENT: "border-slate-200",
  ACCEPTED: "border-teal-500",
  CHANGES_REQUESTED: "border-rose-500",
  NA_APPROVED: "border-teal-500",
  NA_REJECTED: "border-rose-500",
};

/** The item's conversation: comments and each review step, oldest first. */
export async function CommentThread({ comments }: { comments: ItemReview["comments"] }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  if (comments.length === 0) return <p className="text-sm text-slate-600">{t("comments.empty")}</p>;
  return (
    <ol className="space-y-3" aria-label={t("comments.title")}>
      {comments.map((comment) => (
        <li key={comment.id} className={`border-l-4 pl-3 ${stepTone[comment.kind] ?? stepTone.COMMENT}`}>
          <p className="text-xs text-slate-600">
            <span className="font-semibold text-slate-800">{comment.author.name}</span> ·{" "}
            {t(`roles.${comment.author.role}`)} ·{" "}
            <time dateTime={comment.createdAt.toISOString()}>
              {format.dateTime(comment.createdAt, {
                dateStyle: "medium",
                timeStyle: "short",
                timeZone: env.TENKEN_TIME_ZONE,
              })}
            </time>
            {comment.kind !== "COMMENT" && (
              <span className="ml-2 font-semibold">{t(`comments.kinds.${comment.kind}`)}</span>
            )}
          </p>
          {comment.body && <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{comment.body}</p>}
        </li>
      ))}
    </ol>
  );
}
