-- The retrospective's notes are named after the feature, as everywhere else in tenken: the table,
-- its constraints, and the audit entries already written about them.
ALTER TABLE "meeting_notes" RENAME TO "retrospective_notes";
ALTER TABLE "retrospective_notes" RENAME CONSTRAINT "meeting_notes_pkey" TO "retrospective_notes_pkey";
ALTER INDEX "meeting_notes_scope_starts_on_ends_on_key" RENAME TO "retrospective_notes_scope_starts_on_ends_on_key";
ALTER TABLE "retrospective_notes" RENAME CONSTRAINT "meeting_notes_team_id_fkey" TO "retrospective_notes_team_id_fkey";
ALTER TABLE "retrospective_notes" RENAME CONSTRAINT "meeting_notes_updated_by_id_fkey" TO "retrospective_notes_updated_by_id_fkey";

UPDATE "audit_events" SET "kind" = 'retrospective_notes.saved', "entity_type" = 'retrospective_notes'
WHERE "kind" = 'meeting_notes.saved';
