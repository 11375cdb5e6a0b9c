import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';
import { rowsByIds } from '../graph/rows-by-ids';
import { groupedQuery } from '../graph/grouped-query';
import type { Review } from './review.entity';

export const REVIEW_COLUMNS = `r.id, r.practice_id AS "practiceId", r.resource_id AS "resourceId", r.reviewer_id AS "reviewerId",
  r.decision, r.score, r.comment, r.submitted_at AS "submittedAt", r.round, r.assignment_id AS "assignmentId"`;

/** Reviews by id; null for unknown ids and for reviews the policy keeps from the caller. */
export async function reviewsById(sql: Sql, policy: VisibilityPolicy, ids: readonly string[]): Promise<(Review | null)[]> {
  return rowsByIds<Review>(sql, `/* reviewsById */ SELECT ${REVIEW_COLUMNS} FROM review r
    JOIN LATERAL (SELECT p.status, p.created_by, p.review_round FROM practice p WHERE p.id = r.practice_id
                  UNION ALL SELECT x.status, x.created_by, x.review_round FROM resource x WHERE x.id = r.resource_id) s ON true
    WHERE r.id = ANY($1::uuid[]) AND ${policy.reviews('r', 's')}`, ids);
}

/** The reviews of each practice or resource that the caller may read, oldest first. */
export function reviewsOf(sql: Sql, policy: VisibilityPolicy, subject: 'practice' | 'resource', ids: readonly string[]): Promise<Review[][]> {
  return groupedQuery(sql, reviewsOfStatement(policy, subject), ids);
}

/** The statement of `reviewsOf` (`$1` the subjects' ids). */
export function reviewsOfStatement(policy: VisibilityPolicy, subject: 'practice' | 'resource'): string {
  return `/* reviewsBy_${subject} */ SELECT r.${subject}_id AS parent, ${REVIEW_COLUMNS}
    FROM review r JOIN ${subject} s ON s.id = r.${subject}_id
    WHERE r.${subject}_id = ANY($1::uuid[]) AND ${policy.reviews('r', 's')} ORDER BY r.submitted_at, r.id`;
}
