import type { Sql } from '../db/sql';
import { groupedByKey } from './batch';

/**
 * Runs one statement whose first parameter is the array of parent keys and whose rows carry
 * the parent key as `parent`; returns the rows grouped by parent, in key order (`[]` for a
 * parent without rows). The `parent` column is removed from the rows.
 */
export async function groupedQuery<K, Row>(sql: Sql, text: string, keys: readonly K[], extra: unknown[] = []): Promise<Row[][]> {
  const rows = await sql.query<Row & { parent: K }>(text, [keys, ...extra]);
  return groupedByKey(keys, rows, (row) => row.parent, ({ parent: _parent, ...rest }) => rest as unknown as Row);
}
