-- CreateIndex
CREATE INDEX "answers_updated_at_id_idx" ON "answers"("updated_at", "id");
