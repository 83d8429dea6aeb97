// The migrations this build of tenken expects applied, oldest first: readiness compares them with
// what the database records (lib/queries/health.ts). A list in the code rather than a read of
// prisma/migrations, because a packaged server may not have that folder next to it.
// `npm run db:migration` adds each new one; lib/migrations-expected.test.ts checks it against the
// folder.
export const EXPECTED_MIGRATIONS: readonly string[] = [
  "20261125054945_init",
  "20261125071432_audit_log_and_sign_in",
  "20261127115334_evidence_and_review",
  "20261127125503_quarter_close",
  "20261127141937_incidents_action_items_notes",
  "20261127143650_answer_state_indexes",
  "20261127151003_checklist_versions_and_traits",
  "20261127151357_answers_by_last_change",
  "20261127171554_score_cache_revisions",
  "20261202075246_retrospective_notes",
  "20261202093017_revisions",
  "20261202113748_quarter_reopenings",
];
