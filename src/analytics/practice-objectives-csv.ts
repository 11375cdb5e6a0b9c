import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';
import { SqlParams } from '../graph/sql-params';
import type { Locale } from '../i18n/localized-text';
import type { PracticeFilter } from '../practice/practice.inputs';
import { practiceConditions } from '../practice/practice-filter';

export const CSV_HEADER = 'practice_id,slug,title,scope,start_year,objective_number\n';
const BATCH = 5000;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface PairRow {
  id: string;
  slug: string;
  title: string;
  scope: string;
  start_year: number | null;
  objective_number: number;
}

/**
 * The bipartite edge list (one line per published practice × objective it addresses, over
 * the practices matching the filter), as CSV chunks of at most 5,000 lines, fetched with a
 * keyset so memory stays flat however many rows there are.
 */
export async function* practiceObjectiveCsv(sql: Sql, policy: VisibilityPolicy, filter: PracticeFilter, locale: Locale): AsyncGenerator<string> {
  // The header travels with the first batch, so the first statement runs before anything is sent.
  let header = CSV_HEADER;
  let last: [string, number] | null = null;
  for (;;) {
    const params = new SqlParams();
    const where = [policy.analysed('t'), ...practiceConditions(filter, params, locale)];
    if (last) where.push(`(t.id, l.objective_number) > (${params.add(last[0], 'uuid')}, ${params.add(last[1], 'smallint')})`);
    const rows: PairRow[] = await sql.query<PairRow>(
      `/* practiceObjectivesCsv */ SELECT t.id, t.slug, t.title->>'en' AS title, t.scope,
         extract(year FROM t.start_date)::int AS start_year, l.objective_number
       FROM practice t JOIN practice_objective l ON l.practice_id = t.id
       WHERE ${where.join(' AND ')}
       ORDER BY t.id, l.objective_number LIMIT ${BATCH}`,
      params.values,
    );
    if (rows.length === 0) {
      if (header) yield header;
      return;
    }
    yield header + rows.map((r) => [r.id, r.slug, r.title, r.scope, r.start_year, r.objective_number].map(csvField).join(',')).join('\n') + '\n';
    header = '';
    if (rows.length < BATCH) return;
    const end = rows[rows.length - 1];
    last = [end.id, end.objective_number];
  }
}
