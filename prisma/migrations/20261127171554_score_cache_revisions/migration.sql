-- AlterTable
ALTER TABLE "services" ADD COLUMN     "answers_revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "answer_history_revision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "answer_history_revision_pkey" PRIMARY KEY ("id")
);

-- The one row the history revision lives in.
INSERT INTO "answer_history_revision" ("id", "revision") VALUES (1, 0);

-- Statement-level, with transition tables: a bulk write bumps each service once, not once per row.
CREATE FUNCTION "bump_services_answers_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "services" SET "answers_revision" = "answers_revision" + 1 WHERE "id" IN (SELECT DISTINCT "service_id" FROM "changed_rows");
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "services" SET "answers_revision" = "answers_revision" + 1 WHERE "id" IN (SELECT DISTINCT "service_id" FROM "previous_rows");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "answers_inserted_bump_revision" AFTER INSERT ON "answers"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_services_answers_revision"();
CREATE TRIGGER "answers_updated_bump_revision" AFTER UPDATE ON "answers"
  REFERENCING OLD TABLE AS "previous_rows" NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_services_answers_revision"();
CREATE TRIGGER "answers_deleted_bump_revision" AFTER DELETE ON "answers"
  REFERENCING OLD TABLE AS "previous_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_services_answers_revision"();

-- Events are written at the time of writing; one dated further back (an import, a backfill, a
-- test) or any change to a written one rewrites the past that cached answers rest on.
CREATE FUNCTION "bump_answer_history_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested, because "written_rows" exists only for inserts and PL/pgSQL plans a statement whole.
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM "written_rows" WHERE "created_at" < now() - interval '10 minutes') THEN
      RETURN NULL;
    END IF;
  END IF;
  UPDATE "answer_history_revision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "answer_events_inserted_bump_history" AFTER INSERT ON "answer_events"
  REFERENCING NEW TABLE AS "written_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_answer_history_revision"();
CREATE TRIGGER "answer_events_changed_bump_history" AFTER UPDATE OR DELETE OR TRUNCATE ON "answer_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_answer_history_revision"();
