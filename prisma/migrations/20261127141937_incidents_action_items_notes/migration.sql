-- CreateEnum
CREATE TYPE "incident_severity" AS ENUM ('SEV1', 'SEV2', 'SEV3', 'SEV4');

-- CreateEnum
CREATE TYPE "action_item_status" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateTable
CREATE TABLE "incident_causes" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ja" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_causes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "occurred_on" DATE NOT NULL,
    "severity" "incident_severity" NOT NULL,
    "summary" TEXT NOT NULL,
    "cause_id" UUID NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_services" (
    "incident_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,

    CONSTRAINT "incident_services_pkey" PRIMARY KEY ("incident_id","service_id")
);

-- CreateTable
CREATE TABLE "action_items" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "team_id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "due_on" DATE NOT NULL,
    "status" "action_item_status" NOT NULL DEFAULT 'OPEN',
    "service_id" UUID,
    "item_id" UUID,
    "raised_for_starts_on" DATE NOT NULL,
    "raised_for_ends_on" DATE NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "raised_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "action_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_notes" (
    "id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "team_id" UUID,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "meeting_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "incident_causes_key_key" ON "incident_causes"("key");

-- CreateIndex
CREATE INDEX "incidents_occurred_on_idx" ON "incidents"("occurred_on");

-- CreateIndex
CREATE INDEX "incident_services_service_id_idx" ON "incident_services"("service_id");

-- CreateIndex
CREATE INDEX "action_items_team_id_raised_for_starts_on_idx" ON "action_items"("team_id", "raised_for_starts_on");

-- CreateIndex
CREATE INDEX "action_items_raised_for_starts_on_idx" ON "action_items"("raised_for_starts_on");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_notes_scope_starts_on_ends_on_key" ON "meeting_notes"("scope", "starts_on", "ends_on");

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_cause_id_fkey" FOREIGN KEY ("cause_id") REFERENCES "incident_causes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_services" ADD CONSTRAINT "incident_services_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_services" ADD CONSTRAINT "incident_services_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_raised_by_id_fkey" FOREIGN KEY ("raised_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "checklist_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The default cause list: what most incident reviews classify by. Admins edit it in the settings.
INSERT INTO "incident_causes" ("id", "key", "name_en", "name_ja", "position") VALUES
  (gen_random_uuid(), 'change-release', 'Change or release', '変更・リリース', 1),
  (gen_random_uuid(), 'capacity', 'Capacity', 'キャパシティ', 2),
  (gen_random_uuid(), 'dependency', 'Dependency', '依存先', 3),
  (gen_random_uuid(), 'configuration', 'Configuration', '設定', 4),
  (gen_random_uuid(), 'infrastructure', 'Infrastructure', 'インフラ', 5),
  (gen_random_uuid(), 'monitoring-gap', 'Monitoring gap', '監視の不足', 6),
  (gen_random_uuid(), 'unknown', 'Unknown', '不明', 7);
