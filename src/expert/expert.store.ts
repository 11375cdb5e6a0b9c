import type { Sql } from '../db/sql';
import { rowsByIds } from '../graph/rows-by-ids';
import type { Expert } from './expert.entity';

export async function expertsById(sql: Sql, ids: readonly string[]): Promise<(Expert | null)[]> {
  return rowsByIds<Expert>(sql, `/* expertsById */ SELECT e.id, e.name, e.affiliation, e.is_un AS "isUN" FROM expert e WHERE e.id = ANY($1::uuid[])`, ids);
}
