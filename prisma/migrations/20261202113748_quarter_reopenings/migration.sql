-- CreateTable
CREATE TABLE "quarter_reopenings" (
    "id" UUID NOT NULL,
    "fiscal_year" SMALLINT NOT NULL,
    "quarter" SMALLINT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,
    "reopened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reopened_by_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "quarter_reopenings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "quarter_reopenings_starts_on_ends_on_idx" ON "quarter_reopenings"("starts_on", "ends_on");

-- AddForeignKey
ALTER TABLE "quarter_reopenings" ADD CONSTRAINT "quarter_reopenings_reopened_by_id_fkey" FOREIGN KEY ("reopened_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
