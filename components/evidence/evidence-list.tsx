import { getFormatter, getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/ui/action-form";
import { Markdown } from "@/components/ui/markdown";
import { removeEvidenceAction, renewEvidenceAction, updateEvidenceAction } from "@/lib/actions/evidence";
import { dateOfDay } from "@/lib/dates";
import { env } from "@/lib/env";
import type { ItemReview } from "@/lib/queries/assessment";
import { isStale, staleFrom } from "@/lib/review";

type Props = { evidence: ItemReview["evidence"]; today: string; canManage: boolean };

/** Each piece of proof with who added it, when it was last checked, and what may be done to it. */
export async function EvidenceList({ evidence, today, canManage }: Props) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  if (evidence.length === 0) return <p className="text-sm text-slate-600">{t("evidence.empty")}</p>;

  return (
    <ul className="divide-y divide-slate-100" aria-label={t("evidence.listLabel")}>
      {evidence.map((piece) => {
        const stale = isStale(piece.checkedOn, env.TENKEN_EVIDENCE_STALE_DAYS, today);
        const label =
          piece.kind === "LINK"
            ? piece.title || piece.url || ""
            : piece.kind === "FILE"
              ? piece.title
              : t("evidence.kinds.NOTE");
        // The revision as this page read it, not as a refused form sent it: after a conflict the
        // page is read again, and saving once more replaces the other person's change knowingly.
        const asRead = { evidenceId: piece.id, revision: String(piece.revision) };
        return (
          <li key={piece.id} className="space-y-2 py-4">
            <article
              aria-label={t("evidence.pieceLabel", { kind: t(`evidence.kinds.${piece.kind}`), label })}
              className="space-y-2"
            >
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 font-semibold text-slate-700">
                  {t(`evidence.kinds.${piece.kind}`)}
                </span>
                <span>
                  {t("evidence.addedBy", {
                    name: piece.createdBy.name,
                    when: format.dateTime(piece.createdAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: env.TENKEN_TIME_ZONE,
                    }),
                  })}
                </span>
                <span>
                  {t("evidence.checkedOn", { when: day(piece.checkedOn), name: piece.checkedBy.name })}
                </span>
                {stale ? (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900">
                    {t("evidence.stale", {
                      since: day(dateOfDay(staleFrom(piece.checkedOn, env.TENKEN_EVIDENCE_STALE_DAYS))),
                    })}
                  </span>
                ) : (
                  <span>
                    {t("evidence.freshUntil", {
                      until: day(dateOfDay(staleFrom(piece.checkedOn, env.TENKEN_EVIDENCE_STALE_DAYS))),
                    })}
                  </span>
                )}
              </div>
              {piece.kind === "LINK" && piece.url && (
                <a
                  href={piece.url}
                  rel="noopener noreferrer nofollow"
                  target="_blank"
                  className="break-all text-blue-700 underline"
                >
                  {piece.title || piece.url}
                </a>
              )}
              {piece.kind === "NOTE" && piece.body && <Markdown source={piece.body} />}
              {piece.kind === "FILE" &&
                piece.file &&
                (piece.file.contentType.startsWith("image/") ? (
                  <a
                    href={`/api/evidence/${piece.id}`}
                    target="_blank"
                    rel="noopener"
                    className="inline-block"
                  >
                    {/* The stored image itself, scaled down: next/image would fetch it again through its optimiser. */}
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img
                      src={`/api/evidence/${piece.id}`}
                      alt={t("evidence.thumbnailAlt", { name: piece.title })}
                      className="max-h-32 max-w-xs rounded border border-slate-200"
                      loading="lazy"
                    />
                    <span className="mt-1 block text-sm text-blue-700 underline">
                      {t("evidence.openFull", { name: piece.title })}
                    </span>
                  </a>
                ) : (
                  <a
                    href={`/api/evidence/${piece.id}`}
                    download={piece.title}
                    className="text-blue-700 underline"
                  >
                    {t("evidence.download", {
                      name: piece.title,
                      size: format.number(piece.file.byteSize / 1024, { maximumFractionDigits: 0 }),
                    })}
                  </a>
                ))}
              {canManage && (
                <div className="flex flex-wrap items-start gap-3">
                  <ActionForm
                    action={renewEvidenceAction}
                    hidden={asRead}
                    submitLabel={t("evidence.renew")}
                    secondary
                    layout="inline"
                    formLabel={t("evidence.renewLabel", { label })}
                  />
                  <ActionForm
                    action={removeEvidenceAction}
                    hidden={asRead}
                    submitLabel={t("evidence.remove")}
                    secondary
                    layout="inline"
                    formLabel={t("evidence.removeLabel", { label })}
                  />
                  {piece.kind !== "FILE" && (
                    <details className="w-full text-sm">
                      <summary className="cursor-pointer text-blue-700 underline">
                        {t("evidence.edit")}
                      </summary>
                      <div className="mt-2 max-w-xl">
                        <ActionForm
                          action={updateEvidenceAction}
                          hidden={{ ...asRead, kind: piece.kind }}
                          submitLabel={t("evidence.saveEdit")}
                          formLabel={t("evidence.editLabel", { label })}
                          fields={
                            piece.kind === "LINK"
                              ? [
                                  {
                                    name: "url",
                                    label: t("evidence.url"),
                                    type: "url",
                                    defaultValue: piece.url ?? "",
                                  },
                                  {
                                    name: "title",
                                    label: t("evidence.linkTitle"),
                                    type: "text",
                                    defaultValue: piece.title,
                                  },
                                ]
                              : [
                                  {
                                    name: "body",
                                    label: t("evidence.body"),
                                    type: "textarea",
                                    rows: 6,
                                    defaultValue: piece.body ?? "",
                                    hint: t("evidence.bodyHint"),
                                  },
                                ]
                          }
                        />
                      </div>
                    </details>
                  )}
                </div>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
