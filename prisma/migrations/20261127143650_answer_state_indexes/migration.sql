-- DropIndex
DROP INDEX "answer_events_service_id_created_at_idx";

-- DropIndex
DROP INDEX "answer_events_service_id_item_id_created_at_idx";

-- CreateIndex
CREATE INDEX "answer_events_service_changes_idx" ON "answer_events"("service_id", "created_at", "item_id", "id", "from_status");

-- CreateIndex
CREATE INDEX "answer_events_pair_state_idx" ON "answer_events"("service_id", "item_id", "created_at", "id", "to_status", "review", "na_state", "na_expires_on");
