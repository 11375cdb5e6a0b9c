import { registerEnumType } from 'type-graphql';
import { Role } from '../auth/principal';
import { requireRole } from '../auth/guards';
import type { ContentKind } from '../content/content-write';
import { ContentStatus } from '../content/content-status';
import type { Context } from '../context';
import type { Sql } from '../db/sql';
import { isUuid } from '../graph/ids';
import { InputCheck, MAX_TEXT } from '../graph/input-check';
import { refuse, UserErrorCode } from '../graph/user-error';
import { write, type WriteResult } from '../graph/write';
import { ReviewDecision } from '../review/review.entity';
import { reviewProgress } from './review-progress';
import { currentRoundReviews, lockSubject, transition, type LockedSubject } from './workflow.store';

export enum EditorDecision {
  PUBLISH = 'PUBLISH',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  REJECT = 'REJECT',
}

registerEnumType(EditorDecision, {
  name: 'EditorDecision',
  description: "An editor's decision on a submitted practice or resource, after peer review.",
  valuesConfig: {
    PUBLISH: { description: 'UNDER_REVIEW -> PUBLISHED; needs the roster rule met with reviews recommending APPROVE.' },
    REQUEST_CHANGES: { description: 'SUBMITTED or UNDER_REVIEW -> CHANGES_REQUESTED: the submitter edits and resubmits (a new round).' },
    REJECT: { description: 'SUBMITTED or UNDER_REVIEW -> REJECTED.' },
  },
});

const TARGET: Record<EditorDecision, ContentStatus> = {
  PUBLISH: ContentStatus.PUBLISHED,
  REQUEST_CHANGES: ContentStatus.CHANGES_REQUESTED,
  REJECT: ContentStatus.REJECTED,
};

/**
 * Locks a subject for a write by `ctx.principal`: NOT_FOUND when it does not exist or the
 * caller may not read it, NOT_OWNER when `mustOwn` and it is someone else's.
 */
export async function lockForWrite(ctx: Context, tx: Sql, kind: ContentKind, id: string, field: string, mustOwn: boolean): Promise<LockedSubject> {
  const what = kind === 'practice' ? 'practice' : 'resource';
  const subject = isUuid(id) ? await lockSubject(tx, id.toLowerCase(), { practice: ctx.policy.readable('practice'), resource: ctx.policy.readable('resource') }, [kind]) : null;
  if (!subject || !subject.readable) refuse(UserErrorCode.NOT_FOUND, `No ${what} you may see has the id "${id.slice(0, 60)}".`, [field]);
  if (mustOwn && !ctx.policy.owns(subject)) refuse(UserErrorCode.NOT_OWNER, `This ${what} belongs to someone else; only its author may change or submit it.`, [field]);
  return subject;
}

/** Refuses unless the subject is in one of `allowed`. */
export function expectStatus(subject: LockedSubject, allowed: ContentStatus[], action: string): void {
  if (!allowed.includes(subject.status)) {
    refuse(UserErrorCode.INVALID_TRANSITION, `Cannot ${action}: the ${subject.kind} is ${subject.status}; this needs ${allowed.join(' or ')}.`);
  }
}

/**
 * An editor's decision on a practice or resource, in one transaction: the row is locked, so
 * of two simultaneous decisions exactly one makes the transition and the other sees the new
 * status (INVALID_TRANSITION). PUBLISH needs the roster rule (ROSTER_RULE_NOT_MET).
 * Open invitations of the round are withdrawn; the step is recorded.
 */
export async function decide(ctx: Context, kind: ContentKind, subjectId: string, decision: EditorDecision, note: string | null | undefined): Promise<WriteResult<string>> {
  requireRole(ctx, `decide on ${kind}s`, Role.EDITOR);
  const check = new InputCheck([]);
  const cleanNote = check.text('note', note, MAX_TEXT) ?? null;
  if (!check.ok) return { ok: false, errors: check.errors };
  return write(ctx, async (tx) => {
    const subject = await lockForWrite(ctx, tx, kind, subjectId, 'subjectId', false);
    if (ctx.policy.owns(subject)) {
      refuse(UserErrorCode.CONFLICT_OF_INTEREST, `You wrote this ${kind}: another editor must decide on it.`, ['subjectId']);
    }
    if (decision === EditorDecision.PUBLISH) {
      expectStatus(subject, [ContentStatus.UNDER_REVIEW], 'publish');
      const [rows] = await currentRoundReviews(tx, kind, [subject.id]);
      const progress = reviewProgress(subject.round, rows.filter((r) => r.decision !== null).map((r) => ({ isUN: r.isUN!, decision: r.decision! })));
      if (!progress.readyForDecision) {
        refuse(UserErrorCode.ROSTER_RULE_NOT_MET,
          `Round ${progress.round} has ${progress.completedUN} UN and ${progress.completedNonUN} non-UN completed reviews${progress.needsAdditionalReviewer ? ' that disagree: assign a further reviewer' : ''}; publishing needs at least 1 UN and 2 non-UN reviews that agree.`);
      }
      if (progress.recommendation !== ReviewDecision.APPROVE) {
        refuse(UserErrorCode.ROSTER_RULE_NOT_MET, `The reviewers of round ${progress.round} recommend ${progress.recommendation}, not APPROVE: request changes or reject instead.`);
      }
    } else {
      expectStatus(subject, [ContentStatus.SUBMITTED, ContentStatus.UNDER_REVIEW], decision === EditorDecision.REJECT ? 'reject' : 'request changes');
    }
    const publish = decision === EditorDecision.PUBLISH && kind === 'practice' ? { extraSet: 'published_at = now()' } : {};
    await transition(tx, subject, TARGET[decision], ctx.principal.id!, cleanNote, { ...publish, withdrawOpen: true });
    return subject.id;
  });
}
