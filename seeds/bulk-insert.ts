import type { Sql } from '../src/db/sql';

/** A column of a bulk insert: its name and the PostgreSQL type of its array parameter. */
export type ColumnSpec = readonly [name: string, type: string];

const CHUNK = 5000;

/**
 * Inserts `rows` with one `INSERT … SELECT FROM unnest($1::t[], …)` per chunk: few
 * statements, every value a parameter. Rows that already exist (same key) are left as they
 * are, which makes seeding idempotent. Returns how many rows were new.
 */
export async function insertRows(
  sql: Sql,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly unknown[])[],
): Promise<number> {
  let inserted = 0;
  const names = columns.map(([name]) => name).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const text = `/* seed ${table} */ INSERT INTO ${table} (${names}) SELECT * FROM unnest(${params}) ON CONFLICT DO NOTHING RETURNING 1`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays = columns.map((_, i) => chunk.map((row) => serialize(row[i])));
    const result = await sql.query(text, arrays);
    inserted += result.length;
  }
  return inserted;
}

function serialize(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}
