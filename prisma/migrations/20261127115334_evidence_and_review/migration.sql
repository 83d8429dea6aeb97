-- CreateEnum
CREATE TYPE "review_state" AS ENUM ('DECLARED', 'VERIFIED', 'CHANGES_REQUESTED', 'CHANGED');

-- CreateEnum
CREATE TYPE "na_state" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "answer_event_action" AS ENUM ('SAVED', 'VERIFIED', 'CHANGES_REQUESTED', 'NA_APPROVED', 'NA_REJECTED', 'LAPSED');

-- CreateEnum
CREATE TYPE "comment_kind" AS ENUM ('COMMENT', 'CHANGES_REQUESTED', 'ACCEPTED', 'NA_APPROVED', 'NA_REJECTED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "evidence_kind" ADD VALUE 'NOTE';
ALTER TYPE "evidence_kind" ADD VALUE 'FILE';

-- AlterTable
ALTER TABLE "answer_events" ADD COLUMN     "action" "answer_event_action" NOT NULL DEFAULT 'SAVED',
ADD COLUMN     "na_expires_on" DATE,
ADD COLUMN     "na_state" "na_state",
ADD COLUMN     "review" "review_state";

-- AlterTable
ALTER TABLE "answers" ADD COLUMN     "na_expires_on" DATE,
ADD COLUMN     "na_state" "na_state",
ADD COLUMN     "review" "review_state" NOT NULL DEFAULT 'DECLARED',
ADD COLUMN     "reviewed_at" TIMESTAMPTZ(3),
ADD COLUMN     "reviewed_by_id" UUID;

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "body" TEXT,
ADD COLUMN     "checked_by_id" UUID,
ADD COLUMN     "checked_on" DATE NOT NULL DEFAULT CURRENT_DATE;

-- Evidence already there was last checked by whoever added it, when they added it.
UPDATE "evidence" SET "checked_by_id" = "created_by_id", "checked_on" = "created_at"::date;
ALTER TABLE "evidence" ALTER COLUMN "checked_by_id" SET NOT NULL;

-- "Not applicable" answers given before review existed wait for a reviewer like new ones.
UPDATE "answers" SET "na_state" = 'PENDING' WHERE "status" = 'NOT_APPLICABLE';

-- CreateTable
CREATE TABLE "evidence_files" (
    "evidence_id" UUID NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "evidence_files_pkey" PRIMARY KEY ("evidence_id")
);

-- CreateTable
CREATE TABLE "answer_comments" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "kind" "comment_kind" NOT NULL DEFAULT 'COMMENT',
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_comments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "answer_comments_service_id_item_id_created_at_idx" ON "answer_comments"("service_id", "item_id", "created_at");

-- CreateIndex
CREATE INDEX "answers_review_status_idx" ON "answers"("review", "status");

-- CreateIndex
CREATE INDEX "evidence_checked_on_idx" ON "evidence"("checked_on");

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_checked_by_id_fkey" FOREIGN KEY ("checked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_evidence_id_fkey" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_comments" ADD CONSTRAINT "answer_comments_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_comments" ADD CONSTRAINT "answer_comments_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "checklist_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_comments" ADD CONSTRAINT "answer_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
