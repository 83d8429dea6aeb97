-- Traits become data: the columns keep their values as text keys (written by hand: the generated
-- DROP and ADD COLUMN would have lost every service's traits and every item's rule).
ALTER TABLE "checklist_item_versions" ALTER COLUMN "required_traits" TYPE TEXT[] USING "required_traits"::TEXT[];
ALTER TABLE "services" ALTER COLUMN "traits" TYPE TEXT[] USING "traits"::TEXT[];
ALTER TABLE "services" ADD COLUMN     "checklist_version_id" UUID;

-- DropEnum
DROP TYPE "service_trait";

-- CreateTable
CREATE TABLE "traits" (
    "key" TEXT NOT NULL,
    "name_ja" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description_ja" TEXT NOT NULL DEFAULT '',
    "description_en" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "traits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "checklist_versions" (
    "id" UUID NOT NULL,
    "checklist_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" UUID NOT NULL,

    CONSTRAINT "checklist_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checklist_drafts" (
    "checklist_id" UUID NOT NULL,
    "base_number" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "checklist_drafts_pkey" PRIMARY KEY ("checklist_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "checklist_versions_checklist_id_number_key" ON "checklist_versions"("checklist_id", "number");

-- AddForeignKey
ALTER TABLE "services" ADD CONSTRAINT "services_checklist_version_id_fkey" FOREIGN KEY ("checklist_version_id") REFERENCES "checklist_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_versions" ADD CONSTRAINT "checklist_versions_checklist_id_fkey" FOREIGN KEY ("checklist_id") REFERENCES "checklists"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_versions" ADD CONSTRAINT "checklist_versions_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_drafts" ADD CONSTRAINT "checklist_drafts_checklist_id_fkey" FOREIGN KEY ("checklist_id") REFERENCES "checklists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_drafts" ADD CONSTRAINT "checklist_drafts_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The traits the default checklist's rules use, as the enum had them.
INSERT INTO "traits" ("key", "name_ja", "name_en", "description_ja", "description_en", "position") VALUES
  ('SERVES_HTTP', 'HTTPを提供', 'Serves HTTP', 'HTTPリクエストを受けるサービス。「HTTPリクエストの場合」の項目が対象になります。', 'Answers HTTP requests; enables the HTTP request items.', 1),
  ('BEHIND_NGINX', 'nginx配下', 'Behind nginx', '前段にnginxがあるサービス。499の項目が対象になります。「HTTPを提供」も必要です。', 'nginx sits in front of it; enables the 499 item. Needs “Serves HTTP”.', 2),
  ('RUNS_BATCH', 'バッチあり', 'Runs batch jobs', '定期実行やバッチ処理があるサービス。「バッチの場合」の項目が対象になります。', 'Runs scheduled or batch jobs; enables the batch items.', 3),
  ('USES_JOB_QUEUE', 'ジョブキューあり', 'Uses a job queue', 'ジョブキューで処理を行うサービス。「ジョブキューの場合」の項目が対象になります。', 'Processes work from a job queue; enables the job queue items.', 4);
