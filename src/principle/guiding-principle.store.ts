import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { groupedQuery } from '../graph/grouped-query';
import type { GuidingPrinciple } from './guiding-principle.entity';

/** The guiding principles each practice follows, in the Compact's order. */
export function principlesByPractice(sql: Sql, ids: readonly string[]): Promise<GuidingPrinciple[][]> {
  return groupedQuery(sql, PRINCIPLES_BY_PRACTICE, ids);
}

/** The statement of `principlesByPractice` (`$1` the practices' ids). */
export const PRINCIPLES_BY_PRACTICE = `/* principlesByPractice */ SELECT l.practice_id AS parent, g.code, g.position, g.title
    FROM practice_guiding_principle l JOIN guiding_principle g ON g.code = l.principle_code
    WHERE l.practice_id = ANY($1::uuid[]) ORDER BY g.position`;

/** Guiding principles by code, one or null per code. */
export async function principlesByCode(sql: Sql, codes: readonly string[]): Promise<(GuidingPrinciple | null)[]> {
  const rows = await sql.query<GuidingPrinciple>(
    '/* principlesByCode */ SELECT code, position, title FROM guiding_principle WHERE code = ANY($1::text[])',
    [codes],
  );
  return byKey(codes, rows, (row) => row.code);
}
