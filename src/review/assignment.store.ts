import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { rowsByIds } from '../graph/rows-by-ids';
import type { ReviewAssignment } from './review-assignment.entity';
import { REVIEW_COLUMNS } from './review.store';
import type { Review } from './review.entity';

export const ASSIGNMENT_COLUMNS = `a.id, a.practice_id AS "practiceId", a.resource_id AS "resourceId", a.expert_id AS "expertId",
  a.status, a.round, a.invited_at AS "invitedAt", a.due_on::text AS "dueOn"`;

/** Assignments by id that the caller may read (editors: all; reviewers: their own). */
export function assignmentsById(sql: Sql, policy: VisibilityPolicy, ids: readonly string[]): Promise<(ReviewAssignment | null)[]> {
  return rowsByIds<ReviewAssignment>(sql, `/* assignmentsById */ SELECT ${ASSIGNMENT_COLUMNS} FROM review_assignment a
    WHERE a.id = ANY($1::uuid[]) AND ${policy.assignments('a')}`, ids);
}

/** The review answering each assignment, where the policy lets the caller read it. */
export async function reviewsByAssignment(sql: Sql, policy: VisibilityPolicy, ids: readonly string[]): Promise<(Review | null)[]> {
  const rows = await sql.query<Review>(`/* reviewsByAssignment */ SELECT ${REVIEW_COLUMNS} FROM review r
    JOIN LATERAL (SELECT p.status, p.created_by, p.review_round FROM practice p WHERE p.id = r.practice_id
                  UNION ALL SELECT x.status, x.created_by, x.review_round FROM resource x WHERE x.id = r.resource_id) s ON true
    WHERE r.assignment_id = ANY($1::uuid[]) AND ${policy.reviews('r', 's')}`, [ids]);
  return byKey(ids, rows, (row) => row.assignmentId!);
}

/** An assignment locked for a write, with what the rules look at. */
export interface LockedAssignment {
  id: string;
  kind: 'practice' | 'resource';
  subjectId: string;
  expertId: string;
  status: string;
  round: number;
  respondedAt: Date | null;
  subjectStatus: string;
  subjectRound: number;
}

/** Locks one assignment (FOR UPDATE) of the given expert; null when there is none. */
export async function lockAssignment(tx: Sql, id: string, expertId: string | null): Promise<LockedAssignment | null> {
  const rows = await tx.query<LockedAssignment>(`/* lockAssignment */ SELECT a.id, CASE WHEN a.practice_id IS NULL THEN 'resource' ELSE 'practice' END AS kind,
      coalesce(a.practice_id, a.resource_id) AS "subjectId", a.expert_id AS "expertId", a.status, a.round, a.responded_at AS "respondedAt",
      coalesce(p.status, r.status) AS "subjectStatus", coalesce(p.review_round, r.review_round) AS "subjectRound"
    FROM review_assignment a LEFT JOIN practice p ON p.id = a.practice_id LEFT JOIN resource r ON r.id = a.resource_id
    WHERE a.id = $1::uuid AND ($2::uuid IS NULL OR a.expert_id = $2::uuid) FOR UPDATE OF a`, [id, expertId]);
  return rows[0] ?? null;
}

/**
 * Locks the practice or resource of an assignment of the given expert (FOR UPDATE), before
 * the assignment itself. Whoever changes a subject and its assignments locks the subject
 * first (decide, assignReviewer); a review, whose insert updates the subject's review
 * counts, must too: locking the assignment first deadlocked against a simultaneous decision.
 */
export async function lockSubjectOfAssignment(tx: Sql, id: string, expertId: string): Promise<void> {
  const subject = (kind: 'practice' | 'resource') => `${kind} AS (SELECT t.id FROM ${kind} t
      WHERE t.id = (SELECT a.${kind}_id FROM review_assignment a WHERE a.id = $1::uuid AND a.expert_id = $2::uuid) FOR UPDATE OF t)`;
  await tx.query(`/* lockSubjectOfAssignment */ WITH ${subject('practice')}, ${subject('resource')}
    SELECT id FROM practice UNION ALL SELECT id FROM resource`, [id, expertId]);
}
