import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import type { Objective } from './objective.entity';

const COLUMNS = 'number, short_title AS "shortTitle", title';

/** Every objective, in the Compact's order. */
export function allObjectives(sql: Sql): Promise<Objective[]> {
  return sql.query<Objective>(`/* allObjectives */ SELECT ${COLUMNS} FROM objective ORDER BY number`);
}

/** Objectives by number, in key order, null for a number that does not exist. */
export async function objectivesByNumber(sql: Sql, numbers: readonly number[]): Promise<(Objective | null)[]> {
  const rows = await sql.query<Objective>(
    `/* objectivesByNumber */ SELECT ${COLUMNS} FROM objective WHERE number = ANY($1::smallint[])`,
    [numbers],
  );
  return byKey(numbers, rows, (row) => row.number);
}
