import { fail } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";

/**
 * Who may do what in tenken: every rule, in one place. Pages, server actions and route handlers
 * ask these; the write functions in lib/queries ask them again inside their transactions, with
 * the stored state, so a stale page cannot widen what someone may do.
 */
export type Principal = { id: string; name: string; role: UserRole; teamIds: readonly string[] };

type Rule<Subject = void> = (principal: Principal | null, subject: Subject) => boolean;

const isAdmin = (principal: Principal | null) => principal?.role === "ADMIN";
const isSignedIn = (principal: Principal | null): principal is Principal => principal !== null;
const isReviewer = (principal: Principal | null) => principal?.role === "ADMIN" || principal?.role === "SRE";

// Viewers change nothing, even in a team they belong to.
function belongsTo(principal: Principal | null, teamId: string) {
  return isSignedIn(principal) && principal.role !== "VIEWER" && principal.teamIds.includes(teamId);
}

export const can = {
  readOrganisation: ((principal) => isSignedIn(principal)) satisfies Rule,
  browseAuditLog: ((principal) => isReviewer(principal)) satisfies Rule,
  manageUsers: ((principal) => isAdmin(principal)) satisfies Rule,
  manageTeams: ((principal) => isAdmin(principal)) satisfies Rule,
  // Settings of the organisation, such as the month its fiscal year starts.
  manageSettings: ((principal) => isAdmin(principal)) satisfies Rule,
  // The checklist every service is measured against: drafting, publishing, importing, restoring.
  manageChecklist: ((principal) => isAdmin(principal)) satisfies Rule,
  // Closing a quarter freezes everyone's scores for good: for admins and the SREs who run the
  // quarterly review, never for a team on its own.
  closeQuarters: ((principal) => isReviewer(principal)) satisfies Rule,
  // Reopening one undoes what everyone took as final: for admins only, and always with a reason.
  reopenQuarters: ((principal) => isAdmin(principal)) satisfies Rule,
  createService: ((principal, team: { teamId: string }) =>
    isAdmin(principal) || belongsTo(principal, team.teamId)) satisfies Rule<{ teamId: string }>,
  // Moving a service to another team needs a place in both teams.
  editService: ((principal, service: { teamId: string; newTeamId?: string }) =>
    isAdmin(principal) ||
    (belongsTo(principal, service.teamId) &&
      belongsTo(principal, service.newTeamId ?? service.teamId))) satisfies Rule<{
    teamId: string;
    newTeamId?: string;
  }>,
  answerItems: ((principal, service: { teamId: string }) =>
    isAdmin(principal) || belongsTo(principal, service.teamId)) satisfies Rule<{ teamId: string }>,
  // Evidence is part of the answer: whoever may answer may add, edit, renew and remove it.
  manageEvidence: ((principal, service: { teamId: string }) =>
    isAdmin(principal) || belongsTo(principal, service.teamId)) satisfies Rule<{ teamId: string }>,
  // Everyone who may read a service may read its evidence files.
  readEvidence: ((principal) => isSignedIn(principal)) satisfies Rule,
  // Verifying answers, requesting changes and deciding on N/A is the reviewers' job, never the team's own.
  reviewAnswers: ((principal) => isReviewer(principal)) satisfies Rule,
  commentOnItem: ((principal, service: { teamId: string }) =>
    isReviewer(principal) || belongsTo(principal, service.teamId)) satisfies Rule<{ teamId: string }>,
  // The "needs attention" list and the review queue.
  seeReviewQueue: ((principal) => isReviewer(principal)) satisfies Rule,
  // Reviewers record any incident; a team records the ones that touched one of its services.
  recordIncident: ((principal, incident: { teamIds: readonly string[] }) =>
    isReviewer(principal) || incident.teamIds.some((teamId) => belongsTo(principal, teamId))) satisfies Rule<{
    teamIds: readonly string[];
  }>,
  // Changing or deleting one is for reviewers, or for a team whose services it names, all of them:
  // one team must not rewrite an incident that another team's services are part of.
  changeIncident: ((principal, incident: { teamIds: readonly string[] }) =>
    isReviewer(principal) ||
    (incident.teamIds.length > 0 &&
      incident.teamIds.every((teamId) => belongsTo(principal, teamId)))) satisfies Rule<{
    teamIds: readonly string[];
  }>,
  // An action item is the owning team's work; handing it to another team needs a place in both.
  manageActionItem: ((principal, action: { teamId: string; newTeamId?: string }) =>
    isReviewer(principal) ||
    (belongsTo(principal, action.teamId) &&
      belongsTo(principal, action.newTeamId ?? action.teamId))) satisfies Rule<{
    teamId: string;
    newTeamId?: string;
  }>,
  // The organisation's meeting notes are the reviewers'; a team's are also the team's own.
  writeRetrospectiveNotes: ((principal, scope: { teamId: string | null }) =>
    isReviewer(principal) || (scope.teamId !== null && belongsTo(principal, scope.teamId))) satisfies Rule<{
    teamId: string | null;
  }>,
} as const;

/**
 * Throws unless the rule allows it: for the write functions, which must never half-apply. A
 * refusal is an AppError ("signed-out" or "forbidden"), which rolls back the write's transaction.
 */
export function authorize<K extends keyof typeof can>(
  rule: K,
  principal: Principal | null,
  ...subject: Parameters<(typeof can)[K]> extends [unknown, infer S] ? [S] : []
): asserts principal is Principal {
  if (!principal) throw fail.signedOut();
  const check = can[rule] as (principal: Principal | null, subject?: unknown) => boolean;
  if (!check(principal, subject[0])) throw fail.forbidden();
}

/** The rules that need no subject: who may do something at all (manage users, close quarters...). */
export type SubjectlessRule = {
  [K in keyof typeof can]: Parameters<(typeof can)[K]>["length"] extends 1 ? K : never;
}[keyof typeof can];
