-- CreateTable
CREATE TABLE "quarter_closes" (
    "id" UUID NOT NULL,
    "fiscal_year" SMALLINT NOT NULL,
    "quarter" SMALLINT NOT NULL,
    "fiscal_start_month" SMALLINT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_by_id" UUID NOT NULL,

    CONSTRAINT "quarter_closes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quarter_snapshots" (
    "close_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "service_slug" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "team_id" UUID NOT NULL,
    "team_slug" TEXT NOT NULL,
    "team_name" TEXT NOT NULL,
    "tier" SMALLINT NOT NULL,
    "percent" DOUBLE PRECISION,
    "verified_percent" DOUBLE PRECISION,
    "answered" INTEGER NOT NULL,
    "applicable" INTEGER NOT NULL,
    "na_rate_percent" DOUBLE PRECISION,
    "categories" JSONB NOT NULL,
    "answers" JSONB NOT NULL,

    CONSTRAINT "quarter_snapshots_pkey" PRIMARY KEY ("close_id","service_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "quarter_closes_starts_on_ends_on_key" ON "quarter_closes"("starts_on", "ends_on");

-- CreateIndex
CREATE INDEX "quarter_snapshots_team_id_idx" ON "quarter_snapshots"("team_id");

-- AddForeignKey
ALTER TABLE "quarter_closes" ADD CONSTRAINT "quarter_closes_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quarter_snapshots" ADD CONSTRAINT "quarter_snapshots_close_id_fkey" FOREIGN KEY ("close_id") REFERENCES "quarter_closes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
