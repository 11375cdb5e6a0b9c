import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { wellFormedIds } from '../graph/ids';
import type { Expert } from './expert.entity';

export async function expertsById(sql: Sql, ids: readonly string[]): Promise<(Expert | null)[]> {
  const rows = await sql.query<Expert>(
    `/* expertsById */ SELECT e.id, e.name, e.affiliation, e.is_un AS "isUN" FROM expert e WHERE e.id = ANY($1::uuid[])`,
    [wellFormedIds(ids)],
  );
  return byKey(ids.map((id) => id.toLowerCase()), rows, (row) => row.id);
}
