import type { Viewer } from '../context';
import { visibleTo } from '../content/visibility';
import type { Sql } from '../db/sql';
import { rowsByIds } from '../graph/rows-by-ids';
import { groupedQuery } from '../graph/grouped-query';
import type { Review } from './review.entity';

const COLUMNS = `r.id, r.practice_id AS "practiceId", r.resource_id AS "resourceId", r.reviewer_id AS "reviewerId",
  r.decision, r.score, r.comment, r.submitted_at AS "submittedAt"`;

/** Reviews by id; null for unknown ids and for reviews of items the viewer may not see. */
export async function reviewsById(sql: Sql, viewer: Viewer, ids: readonly string[]): Promise<(Review | null)[]> {
  return rowsByIds<Review>(sql, `/* reviewsById */ SELECT ${COLUMNS} FROM review r
    LEFT JOIN practice p ON p.id = r.practice_id LEFT JOIN resource s ON s.id = r.resource_id
    WHERE r.id = ANY($1::uuid[]) AND (${visibleTo(viewer, 'p')} OR ${visibleTo(viewer, 's')})`, ids);
}

/** The reviews of each practice or resource, oldest first. */
export function reviewsOf(sql: Sql, subject: 'practice' | 'resource', ids: readonly string[]): Promise<Review[][]> {
  return groupedQuery(sql, `/* reviewsBy_${subject} */ SELECT r.${subject}_id AS parent, ${COLUMNS}
    FROM review r WHERE r.${subject}_id = ANY($1::uuid[]) ORDER BY r.submitted_at, r.id`, ids);
}
