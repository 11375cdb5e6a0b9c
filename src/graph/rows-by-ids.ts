import type { Sql } from '../db/sql';
import { byKey } from './batch';
import { wellFormedIds } from './ids';

/**
 * Runs `text` (which selects rows with an `id` among `$1::uuid[]`) for the well-formed ids
 * and returns one row or null per id, in key order: malformed ids are simply not found.
 */
export async function rowsByIds<Row extends { id: string }>(sql: Sql, text: string, ids: readonly string[]): Promise<(Row | null)[]> {
  const rows = await sql.query<Row>(text, [wellFormedIds(ids)]);
  return byKey(ids.map((id) => id.toLowerCase()), rows, (row) => row.id);
}
