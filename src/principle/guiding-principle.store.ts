import type { Sql } from '../db/sql';
import { groupedQuery } from '../graph/grouped-query';
import type { GuidingPrinciple } from './guiding-principle.entity';

/** The guiding principles each practice follows, in the Compact's order. */
export function principlesByPractice(sql: Sql, ids: readonly string[]): Promise<GuidingPrinciple[][]> {
  return groupedQuery(sql, `/* principlesByPractice */ SELECT l.practice_id AS parent, g.code, g.position, g.title
    FROM practice_guiding_principle l JOIN guiding_principle g ON g.code = l.principle_code
    WHERE l.practice_id = ANY($1::uuid[]) ORDER BY g.position`, ids);
}
