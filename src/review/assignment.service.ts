import { randomUUID } from 'node:crypto';
import { Role } from '../auth/principal';
import { requireRole } from '../auth/guards';
import { ContentStatus } from '../content/content-status';
import type { Context } from '../context';
import type { Sql } from '../db/sql';
import { isUuid } from '../graph/ids';
import { InputCheck, MAX_TEXT } from '../graph/input-check';
import { Refusal, refuse, userError, UserErrorCode, type UserError } from '../graph/user-error';
import { write, type WriteResult } from '../graph/write';
import { lockSubject, transition } from '../workflow/workflow.store';
import { AssignmentStatus } from './review-assignment.entity';
import { ReviewDecision } from './review.entity';
import { lockAssignment, lockSubjectOfAssignment, type LockedAssignment } from './assignment.store';

const ALREADY_ASSIGNED = userError(UserErrorCode.ALREADY_ASSIGNED, 'This expert is already assigned to this submission in this round.', ['expertId']);

/**
 * Editors: invite a roster expert to review a SUBMITTED or UNDER_REVIEW practice or resource
 * in its current round; the subject becomes UNDER_REVIEW. Never the same expert twice in a
 * round (ALREADY_ASSIGNED); never the item's own author (CONFLICT_OF_INTEREST).
 */
export async function assignReviewer(ctx: Context, subjectId: string, expertId: string, dueOn: string | null | undefined): Promise<WriteResult<string>> {
  requireRole(ctx, 'assign reviewers', Role.EDITOR);
  const check = new InputCheck([]);
  const expert = check.id('expertId', expertId);
  const due = check.date('dueOn', dueOn);
  if (!isUuid(subjectId)) check.fail('subjectId', `No practice or resource has the id "${subjectId.slice(0, 60)}".`, UserErrorCode.NOT_FOUND);
  if (!check.ok) return { ok: false, errors: check.errors };
  return write(ctx, async (tx) => {
    const subject = await lockSubject(tx, subjectId.toLowerCase(), { practice: 'true', resource: 'true' });
    if (!subject) refuse(UserErrorCode.NOT_FOUND, `No practice or resource has the id "${subjectId}".`, ['subjectId']);
    if (subject.status !== ContentStatus.SUBMITTED && subject.status !== ContentStatus.UNDER_REVIEW) {
      refuse(UserErrorCode.INVALID_TRANSITION, `Reviewers are assigned to SUBMITTED or UNDER_REVIEW items; this ${subject.kind} is ${subject.status}.`, ['subjectId']);
    }
    const [facts] = await tx.query<{ exists: boolean; author: boolean; assigned: boolean; past: boolean }>(`/* assignmentFacts */ SELECT
        EXISTS (SELECT 1 FROM expert WHERE id = $1) AS exists,
        EXISTS (SELECT 1 FROM expert WHERE id = $1 AND principal_id IS NOT NULL AND principal_id = $2) AS author,
        EXISTS (SELECT 1 FROM review_assignment WHERE ${subject.kind}_id = $3 AND round = $4 AND expert_id = $1 AND status <> 'WITHDRAWN') AS assigned,
        $5::date < (now() AT TIME ZONE 'UTC')::date AS past`, [expert, subject.createdBy, subject.id, subject.round, due ?? null]);
    if (!facts.exists) refuse(UserErrorCode.NOT_FOUND, `No roster expert has the id "${expert}".`, ['expertId']);
    if (facts.author) refuse(UserErrorCode.CONFLICT_OF_INTEREST, 'This expert is the author of the submission and cannot review it.', ['expertId']);
    if (facts.assigned) throw new Refusal([ALREADY_ASSIGNED]);
    if (facts.past) refuse(UserErrorCode.INVALID_INPUT, `dueOn (${due}) is in the past.`, ['dueOn']);
    const id = randomUUID();
    await tx.query(`/* insertAssignment */ INSERT INTO review_assignment (id, ${subject.kind}_id, expert_id, round, invited_by, due_on)
      VALUES ($1, $2, $3, $4, $5, $6)`, [id, subject.id, expert, subject.round, ctx.principal.id, due ?? null]);
    if (subject.status === ContentStatus.SUBMITTED) await transition(tx, subject, ContentStatus.UNDER_REVIEW, ctx.principal.id!, null);
    return id;
  }, { review_assignment_once_per_round_practice: ALREADY_ASSIGNED, review_assignment_once_per_round_resource: ALREADY_ASSIGNED });
}

/** Editors: withdraw an INVITED or ACCEPTED assignment. */
export async function withdrawAssignment(ctx: Context, id: string): Promise<WriteResult<string>> {
  requireRole(ctx, 'withdraw assignments', Role.EDITOR);
  return write(ctx, async (tx) => {
    const assignment = isUuid(id) ? await lockAssignment(tx, id.toLowerCase(), null) : null;
    if (!assignment) refuse(UserErrorCode.NOT_FOUND, `No assignment has the id "${id.slice(0, 60)}".`, ['id']);
    expectAssignment(assignment, [AssignmentStatus.INVITED, AssignmentStatus.ACCEPTED], 'withdraw it', 'id');
    await tx.query(`/* withdrawAssignment */ UPDATE review_assignment SET status = 'WITHDRAWN' WHERE id = $1`, [assignment.id]);
    return assignment.id;
  });
}

/** Refuses unless the assignment is in one of `allowed`; `field` names the argument that gave it. */
function expectAssignment(assignment: LockedAssignment, allowed: AssignmentStatus[], action: string, field: 'id' | 'assignmentId'): void {
  if (!allowed.includes(assignment.status as AssignmentStatus)) {
    refuse(UserErrorCode.INVALID_TRANSITION, `Cannot ${action}: the assignment is ${assignment.status}; this needs ${allowed.join(' or ')}.`, [field]);
  }
}

/** A reviewer's own assignment, locked; NOT_FOUND for anyone else's. */
async function ownAssignment(ctx: Context, tx: Sql, id: string, field: string): Promise<LockedAssignment> {
  const assignment = isUuid(id) && ctx.principal.expertId ? await lockAssignment(tx, id.toLowerCase(), ctx.principal.expertId) : null;
  if (!assignment) refuse(UserErrorCode.NOT_FOUND, `You have no assignment with the id "${id.slice(0, 60)}".`, [field]);
  return assignment;
}

export interface ResponseResult {
  id: string;
  /** CONFLICT_OF_INTEREST when acceptance was asked with a declared conflict (the assignment is ended, and that is kept). */
  errors: UserError[];
}

/**
 * Reviewers: answer an INVITED assignment of their own, declaring conflicts of interest
 * first. A declared conflict ends it as DECLINED_CONFLICT (recorded, with the details);
 * otherwise accept -> ACCEPTED, decline -> DECLINED.
 */
export async function respondToAssignment(
  ctx: Context, id: string, accept: boolean, conflict: { hasConflict: boolean; details?: string | null },
): Promise<WriteResult<ResponseResult>> {
  requireRole(ctx, 'answer review assignments', Role.REVIEWER);
  const check = new InputCheck(['conflictOfInterest']);
  // One error for missing or blank details of a declared conflict (a blank one used to get two).
  const missing = conflict.details == null || conflict.details.trim() === '';
  const details = conflict.hasConflict && missing
    ? check.fail('details', 'Say what the conflict of interest is (details), so editors can weigh it.') ?? null
    : check.text('details', conflict.details, MAX_TEXT) ?? null;
  if (!check.ok) return { ok: false, errors: check.errors };
  return write(ctx, async (tx) => {
    const assignment = await ownAssignment(ctx, tx, id, 'id');
    expectAssignment(assignment, [AssignmentStatus.INVITED], 'respond', 'id');
    const status = conflict.hasConflict ? AssignmentStatus.DECLINED_CONFLICT : accept ? AssignmentStatus.ACCEPTED : AssignmentStatus.DECLINED;
    await tx.query(`/* respondToAssignment */ UPDATE review_assignment SET status = $2, responded_at = now(), conflict_declared = $3, conflict_details = $4 WHERE id = $1`,
      [assignment.id, status, conflict.hasConflict, details]);
    const errors = conflict.hasConflict && accept
      ? [userError(UserErrorCode.CONFLICT_OF_INTEREST, 'You declared a conflict of interest, so you cannot review this submission; the assignment is ended as DECLINED_CONFLICT and the editors are told.', ['conflictOfInterest'])]
      : [];
    return { id: assignment.id, errors };
  });
}

/**
 * Reviewers: the one review of an ACCEPTED assignment of their own, while its round is the
 * subject's current one and the subject is UNDER_REVIEW; the assignment becomes COMPLETED.
 */
export async function submitReview(ctx: Context, assignmentId: string, input: { decision: ReviewDecision; score: number; comment?: string | null }): Promise<WriteResult<string>> {
  requireRole(ctx, 'submit reviews', Role.REVIEWER);
  const check = new InputCheck(['input']);
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) check.fail('score', `score must be a whole number from 1 to 5; got ${input.score}.`);
  const comment = check.text('comment', input.comment, MAX_TEXT) ?? null;
  if (!check.ok) return { ok: false, errors: check.errors };
  return write(ctx, async (tx) => {
    // The subject first, then the assignment: the order decide and assignReviewer lock in.
    if (isUuid(assignmentId) && ctx.principal.expertId) await lockSubjectOfAssignment(tx, assignmentId.toLowerCase(), ctx.principal.expertId);
    const assignment = await ownAssignment(ctx, tx, assignmentId, 'assignmentId');
    if (assignment.status === AssignmentStatus.COMPLETED) refuse(UserErrorCode.INVALID_TRANSITION, 'You have already submitted the review of this assignment.', ['assignmentId']);
    expectAssignment(assignment, [AssignmentStatus.ACCEPTED], 'submit a review', 'assignmentId');
    if (assignment.subjectStatus !== ContentStatus.UNDER_REVIEW || assignment.subjectRound !== assignment.round) {
      refuse(UserErrorCode.INVALID_TRANSITION, `The submission is ${assignment.subjectStatus} (round ${assignment.subjectRound}); this assignment's round ${assignment.round} is closed.`, ['assignmentId']);
    }
    const id = randomUUID();
    await tx.query(`/* insertReview */ WITH done AS (UPDATE review_assignment SET status = 'COMPLETED' WHERE id = $1 RETURNING responded_at)
      INSERT INTO review (id, ${assignment.kind}_id, reviewer_id, decision, score, comment, conflict_of_interest_declared_at, conflict_of_interest, submitted_at, round, assignment_id)
      SELECT $2, $3, $4, $5, $6, $7, done.responded_at, NULL, now(), $8, $1 FROM done`,
    [assignment.id, id, assignment.subjectId, assignment.expertId, input.decision, input.score, comment, assignment.round]);
    return id;
  });
}
