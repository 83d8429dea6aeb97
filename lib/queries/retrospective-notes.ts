import { dateOfDay } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { fail } from "@/lib/errors";
import { authorize, type Principal } from "@/lib/permissions";
import type { Quarter } from "@/lib/quarters";
import { recordAudit } from "@/lib/queries/audit";

export type NotesScope = { teamId: string | null };

const scopeKey = ({ teamId }: NotesScope) => teamId ?? "organisation";
const where = (scope: NotesScope, quarter: Pick<Quarter, "start" | "end">) => ({
  scope_startsOn_endsOn: {
    scope: scopeKey(scope),
    startsOn: dateOfDay(quarter.start),
    endsOn: dateOfDay(quarter.end),
  },
});

export async function getRetrospectiveNotes(scope: NotesScope, quarter: Pick<Quarter, "start" | "end">) {
  return getDb().retrospectiveNote.findUnique({
    where: where(scope, quarter),
    select: { body: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
}

/**
 * Saves a retrospective's notes if nobody saved them since `version` (0: there were none). A
 * later save from a stale page is refused, and the person keeps their text on the page.
 */
export async function saveRetrospectiveNotes(
  {
    scope,
    quarter,
    body,
    version,
  }: { scope: NotesScope; quarter: Pick<Quarter, "start" | "end">; body: string; version: number },
  actor: Principal | null,
): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    authorize("writeRetrospectiveNotes", actor, scope);
    // Two saves of the same version at once queue on this lock, so the second sees the first's version.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`retrospective_notes:${scopeKey(scope)}:${quarter.start}`}))`;
    const current = await tx.retrospectiveNote.findUnique({
      where: where(scope, quarter),
      select: { body: true, version: true },
    });
    if ((current?.version ?? 0) !== version)
      throw fail.conflict("validation.notes.conflict", { field: "body" });
    if (current && current.body === body) return { version };
    const saved = current
      ? await tx.retrospectiveNote.update({
          where: where(scope, quarter),
          data: { body, version: { increment: 1 }, updatedById: actor.id },
          select: { id: true, version: true },
        })
      : await tx.retrospectiveNote.create({
          data: {
            scope: scopeKey(scope),
            teamId: scope.teamId,
            startsOn: dateOfDay(quarter.start),
            endsOn: dateOfDay(quarter.end),
            body,
            updatedById: actor.id,
          },
          select: { id: true, version: true },
        });
    await recordAudit(tx, actor, {
      kind: "retrospective_notes.saved",
      entityType: "retrospective_notes",
      entityId: saved.id,
      teamId: scope.teamId ?? undefined,
      before: { quarterStart: quarter.start, length: current?.body.length ?? 0 },
      after: { quarterStart: quarter.start, length: body.length, version: saved.version },
    });
    return { version: saved.version };
  });
}
