import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { StatusLabel } from "@/components/assessment/status-label";
import { EvidenceList } from "@/components/evidence/evidence-list";
import { AnswerBadges } from "@/components/review/answer-badges";
import { CommentThread } from "@/components/review/comment-thread";
import { ActionForm } from "@/components/ui/action-form";
import { Markdown } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import { addEvidenceAction } from "@/lib/actions/evidence";
import { addCommentAction, reviewAnswerAction } from "@/lib/actions/review";
import { requireUser } from "@/lib/auth/session";
import { dayOf } from "@/lib/dates";
import { env } from "@/lib/env";
import { EVIDENCE_FILE_TYPES } from "@/lib/evidence/file-type";
import { pick, type Locale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";
import { loadItemReview } from "@/lib/queries/assessment";
import { canBeVerified, isStale } from "@/lib/review";
import { isApplicable } from "@/lib/scoring";

type Props = { params: Promise<{ slug: string; itemKey: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, itemKey } = await params;
  const [loaded, locale] = await Promise.all([loadItemReview(slug, itemKey), getLocale() as Promise<Locale>]);
  return {
    title: loaded
      ? `${pick(locale, { ja: loaded.item.textJa, en: loaded.item.textEn })} · ${loaded.service.name}`
      : undefined,
  };
}

export default async function ItemReviewPage({ params }: Props) {
  const { slug, itemKey } = await params;
  const user = await requireUser();
  const [loaded, t, format, locale] = await Promise.all([
    loadItemReview(slug, itemKey),
    getTranslations(),
    getFormatter(),
    getLocale() as Promise<Locale>,
  ]);
  if (!loaded) notFound();
  const { service, category, item, answer, evidence, comments, today } = loaded;
  const target = { serviceId: service.id, itemKey: item.key };
  // A review decision carries the answer's revision as this page read it: one on an answer the
  // team has changed since is refused (lib/queries/revisions.ts). Only shown with an answer.
  const answerAsRead = { ...target, revision: String(answer?.revision ?? 0) };
  const canManage = can.manageEvidence(user, { teamId: service.teamId });
  const canReview = can.reviewAnswers(user);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  const staleCount = evidence.filter((piece) =>
    isStale(piece.checkedOn, env.TENKEN_EVIDENCE_STALE_DAYS, today),
  ).length;
  const naExpired = Boolean(answer?.naExpiresOn && dayOf(answer.naExpiresOn) < today);
  const guidance = pick(locale, { ja: item.guidanceJa, en: item.guidanceEn });

  return (
    <div className="space-y-6">
      <nav aria-label={t("evidence.breadcrumb")} className="text-sm">
        <Link href={`/services/${service.slug}`} className="text-blue-700 underline">
          {service.name}
        </Link>
        <span className="text-slate-500">
          {" "}
          / {pick(locale, { ja: category.titleJa, en: category.titleEn })}
        </span>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{pick(locale, { ja: item.textJa, en: item.textEn })}</h1>
        {guidance && <Markdown source={guidance} />}
        {!isApplicable(item, service.traits) && (
          <p className="text-sm text-amber-800">{t("evidence.setAside")}</p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <StatusLabel status={answer?.status} />
          {answer && (
            <AnswerBadges
              review={answer.review}
              status={answer.status}
              naState={answer.naState}
              naExpired={naExpired}
              staleCount={staleCount}
              explain
            />
          )}
        </div>
        {answer && (
          <dl className="space-y-1 text-sm text-slate-700">
            {answer.note && (
              <div>
                <dt className="inline font-medium">
                  {answer.status === "NOT_APPLICABLE" ? t("review.naReason") : t("assessment.note")}:{" "}
                </dt>
                <dd className="inline whitespace-pre-line">{answer.note}</dd>
              </div>
            )}
            <div>
              <dt className="sr-only">{t("evidence.answeredBy")}</dt>
              <dd>
                {t("evidence.answeredByLine", {
                  name: answer.updatedBy.name,
                  when: format.dateTime(answer.updatedAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: env.TENKEN_TIME_ZONE,
                  }),
                })}
              </dd>
            </div>
            {answer.reviewedBy && answer.reviewedAt && (
              <div>
                <dt className="sr-only">{t("review.reviewedBy")}</dt>
                <dd>
                  {t("review.reviewedByLine", {
                    name: answer.reviewedBy.name,
                    when: format.dateTime(answer.reviewedAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: env.TENKEN_TIME_ZONE,
                    }),
                  })}
                </dd>
              </div>
            )}
            {answer.status === "NOT_APPLICABLE" && answer.naState === "APPROVED" && answer.naExpiresOn && (
              <div>
                <dt className="sr-only">{t("review.expiresOn")}</dt>
                <dd>
                  {t(naExpired ? "review.naExpiredOn" : "review.naExpiresOnLine", {
                    when: day(answer.naExpiresOn),
                  })}
                </dd>
              </div>
            )}
          </dl>
        )}
        <p className="text-sm">
          <Link href={`/services/${service.slug}#item-${item.key}`} className="text-blue-700 underline">
            {t("evidence.backToAnswer")}
          </Link>
        </p>
      </header>

      {canReview && answer && (
        <section aria-labelledby="review-heading" className={cardClass}>
          <h2 id="review-heading" className="text-lg font-semibold">
            {t("review.title")}
          </h2>
          {answer.status === "NOT_APPLICABLE" ? (
            <div className="mt-3 grid gap-6 md:grid-cols-2">
              <ActionForm
                action={reviewAnswerAction}
                hidden={{ ...answerAsRead, decision: "APPROVE_NA" }}
                formLabel={t("review.approveNa")}
                submitLabel={t("review.approveNa")}
                fields={[
                  {
                    name: "expiresOn",
                    label: t("review.expiresOn"),
                    type: "date",
                    hint: t("review.expiresOnHint"),
                  },
                  { name: "comment", label: t("review.comment"), type: "textarea" },
                ]}
              />
              <ActionForm
                action={reviewAnswerAction}
                hidden={{ ...answerAsRead, decision: "REJECT_NA" }}
                formLabel={t("review.rejectNa")}
                submitLabel={t("review.rejectNa")}
                secondary
                fields={[{ name: "comment", label: t("review.commentRequired"), type: "textarea" }]}
              />
            </div>
          ) : canBeVerified(answer.status) ? (
            <div className="mt-3 grid gap-6 md:grid-cols-2">
              <ActionForm
                action={reviewAnswerAction}
                hidden={{ ...answerAsRead, decision: "ACCEPT" }}
                formLabel={t("review.accept")}
                submitLabel={t("review.accept")}
                fields={[{ name: "comment", label: t("review.comment"), type: "textarea" }]}
              />
              <ActionForm
                action={reviewAnswerAction}
                hidden={{ ...answerAsRead, decision: "REQUEST_CHANGES" }}
                formLabel={t("review.requestChanges")}
                submitLabel={t("review.requestChanges")}
                secondary
                fields={[{ name: "comment", label: t("review.commentRequired"), type: "textarea" }]}
              />
            </div>
          ) : (
            <p className="mt-2 text-sm text-slate-600">{t("review.nothingToVerify")}</p>
          )}
        </section>
      )}

      <section aria-labelledby="evidence-heading" className={cardClass}>
        <h2 id="evidence-heading" className="text-lg font-semibold">
          {t("evidence.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {t("evidence.intro", { days: env.TENKEN_EVIDENCE_STALE_DAYS })}
        </p>
        <div className="mt-3">
          <EvidenceList evidence={evidence} today={today} canManage={canManage} />
        </div>
        {canManage && !answer && <p className="mt-3 text-sm text-slate-700">{t("evidence.answerFirst")}</p>}
        {canManage && answer && (
          <div className="mt-4 grid gap-6 border-t border-slate-100 pt-4 lg:grid-cols-3">
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-800">{t("evidence.addLink")}</h3>
              <ActionForm
                action={addEvidenceAction}
                hidden={{ ...target, kind: "LINK" }}
                formLabel={t("evidence.addLink")}
                submitLabel={t("evidence.addLink")}
                fields={[
                  { name: "url", label: t("evidence.url"), type: "url", hint: t("evidence.urlHint") },
                  { name: "title", label: t("evidence.linkTitle"), type: "text" },
                ]}
              />
            </div>
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-800">{t("evidence.addNote")}</h3>
              <ActionForm
                action={addEvidenceAction}
                hidden={{ ...target, kind: "NOTE" }}
                formLabel={t("evidence.addNote")}
                submitLabel={t("evidence.addNote")}
                fields={[
                  {
                    name: "body",
                    label: t("evidence.body"),
                    type: "textarea",
                    rows: 4,
                    hint: t("evidence.bodyHint"),
                  },
                ]}
              />
            </div>
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-800">{t("evidence.addFile")}</h3>
              <ActionForm
                action={addEvidenceAction}
                hidden={{ ...target, kind: "FILE" }}
                formLabel={t("evidence.addFile")}
                submitLabel={t("evidence.upload")}
                fields={[
                  {
                    name: "file",
                    label: t("evidence.file"),
                    type: "file",
                    accept: Object.keys(EVIDENCE_FILE_TYPES).join(","),
                    hint: t("evidence.fileHint", { max: env.TENKEN_EVIDENCE_MAX_MB }),
                  },
                ]}
              />
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="comments-heading" className={cardClass}>
        <h2 id="comments-heading" className="text-lg font-semibold">
          {t("comments.title")}
        </h2>
        <div className="mt-3">
          <CommentThread comments={comments} />
        </div>
        {can.commentOnItem(user, { teamId: service.teamId }) && (
          <div className="mt-4 max-w-xl border-t border-slate-100 pt-4">
            <ActionForm
              action={addCommentAction}
              hidden={target}
              formLabel={t("comments.add")}
              submitLabel={t("comments.add")}
              fields={[{ name: "body", label: t("comments.body"), type: "textarea", rows: 3 }]}
            />
          </div>
        )}
      </section>
    </div>
  );
}
