import { dateOfDay } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { authorize, type Principal } from "@/lib/permissions";
import type { Quarter } from "@/lib/quarters";
import { recordAudit } from "@/lib/queries/audit";

export type NotesScope = { teamId: string | null };
export type NotesSaveResult =
  | { ok: true; version: number }
  | { ok: false; field: string; key: string; current?: { body: string; version: number } };

const scopeKey = ({ teamId }: NotesScope) => teamId ?? "organisation";
const where = (scope: NotesScope, quarter: Pick<Quarter, "start" | "end">) => ({
  scope_startsOn_endsOn: {
    scope: scopeKey(scope),
    startsOn: dateOfDay(quarter.start),
    endsOn: dateOfDay(quarter.end),
  },
});

export async function getMeetingNotes(scope: NotesScope, quarter: Pick<Quarter, "start" | "end">) {
  return getDb().meetingNote.findUnique({
    where: where(scope, quarter),
    select: { body: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
}

/**
 * Saves a retrospective's notes if nobody saved them since `version` (0: there were none). A
 * later save from a stale page is refused and handed the current text, so nothing is lost.
 */
export async function saveMeetingNotes(
  {
    scope,
    quarter,
    body,
    version,
  }: { scope: NotesScope; quarter: Pick<Quarter, "start" | "end">; body: string; version: number },
  actor: Principal | null,
): Promise<NotesSaveResult> {
  return getDb().$transaction(async (tx) => {
    authorize("writeMeetingNotes", actor, scope);
    // Two saves of the same version at once queue on this lock, so the second sees the first's version.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`meeting_notes:${scopeKey(scope)}:${quarter.start}`}))`;
    const current = await tx.meetingNote.findUnique({
      where: where(scope, quarter),
      select: { body: true, version: true },
    });
    if ((current?.version ?? 0) !== version)
      return { ok: false, field: "body", key: "validation.notes.conflict", ...(current ? { current } : {}) };
    if (current && current.body === body) return { ok: true, version };
    const saved = current
      ? await tx.meetingNote.update({
          where: where(scope, quarter),
          data: { body, version: { increment: 1 }, updatedById: actor.id },
          select: { id: true, version: true },
        })
      : await tx.meetingNote.create({
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
      kind: "meeting_notes.saved",
      entityType: "meeting_notes",
      entityId: saved.id,
      teamId: scope.teamId ?? undefined,
      before: { quarterStart: quarter.start, length: current?.body.length ?? 0 },
      after: { quarterStart: quarter.start, length: body.length, version: saved.version },
    });
    return { ok: true, version: saved.version };
  });
}
