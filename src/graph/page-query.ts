import { CUSTOM_PLAN } from '../db/session';
import type { Sql } from '../db/sql';
import type { Ordering } from './ordering';
import { SqlParams } from './sql-params';

/** One page of rows of one parent, with what a Relay connection needs to know. */
export interface Page<Row> {
  rows: Row[];
  /** The ordering keys of each row, for its cursor. */
  keys: unknown[][];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface PageQuery {
  /** Tag for the statement, e.g. `practicesByObjective`. */
  name: string;
  /** FROM clause with the row alias `t`, e.g. `practice t`. */
  from: string;
  /** Select list over `t`, with camelCase aliases. */
  columns: string;
  /** Conditions over `t` (and, for nested lists, `k.parent`), built on `params`. */
  where: string[];
  params: SqlParams;
  ordering: Ordering;
  first: number;
  after: unknown[] | null;
  /** For nested lists: the parent keys and their SQL type; the conditions use `k.parent`. */
  parents?: { keys: readonly unknown[]; type: string };
  /** An expression over `k.parent` that equals the count of the list (e.g. a maintained count), used for totalCount instead of counting. */
  total?: string;
}

/**
 * Pages of a list for every parent in one statement: a LATERAL subquery per parent takes
 * `first + 1` rows after the cursor in index order (the extra row tells hasNextPage), and
 * counts the whole list (totalCount) and whether anything precedes the cursor.
 * Returns the pages in the order of the parent keys.
 */
export async function fetchPages<Row>(sql: Sql, query: PageQuery): Promise<Page<Row>[]> {
  const { params, ordering } = query;
  const parents = query.parents ?? { keys: ['root'], type: 'text' };
  const parentParam = params.add(parents.keys, `${parents.type}[]`);
  const where = query.where.length > 0 ? query.where.join(' AND ') : 'true';
  const keyList = ordering.keys.map((k) => k.expr).join(', ');
  const cursor = query.after ? ordering.keys.map((k, i) => params.add(query.after![i], k.type)).join(', ') : null;
  // Instants leave as ISO text with microseconds: a JS Date would drop them and the cursor would not round-trip.
  const keyColumns = ordering.keys
    .map((k, i) => `${k.type === 'timestamptz' ? `to_char(${k.expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : k.expr} AS "__k${i}"`)
    .join(', ');
  const text = `${params.valueSensitive ? CUSTOM_PLAN : ''}/* ${query.name} */
    SELECT k.ord AS "__parent", meta.total AS "__total", meta.has_previous AS "__hasPrevious", page.*
    FROM unnest(${parentParam}) WITH ORDINALITY AS k(parent, ord)
    CROSS JOIN LATERAL (
      SELECT (${query.total ?? `SELECT count(*) FROM ${query.from} WHERE ${where}`})::int AS total,
             ${cursor ? `EXISTS (SELECT 1 FROM ${query.from} WHERE ${where} AND (${keyList}) <= (${cursor}))` : 'false'} AS has_previous
      OFFSET 0 -- keeps the counts a subquery evaluated once per parent, not once per output row
    ) meta
    LEFT JOIN LATERAL (
      SELECT ${query.columns}, ${keyColumns}
      FROM ${query.from}
      WHERE ${where}${cursor ? ` AND (${keyList}) > (${cursor})` : ''}
      ORDER BY ${keyList}
      LIMIT ${params.add(query.first + 1, 'int')}
    ) page ON true
    ORDER BY k.ord, ${ordering.keys.map((_, i) => `page."__k${i}"`).join(', ')}`;
  const rows = await sql.query<Record<string, unknown>>(text, params.values);

  const pages: Page<Row>[] = parents.keys.map(() => ({ rows: [], keys: [], totalCount: 0, hasNextPage: false, hasPreviousPage: false }));
  const keyColumnNames = ordering.keys.map((_, i) => `__k${i}`);
  const lastKey = keyColumnNames[keyColumnNames.length - 1];
  for (const row of rows) {
    const page = pages[Number(row.__parent) - 1];
    page.totalCount = row.__total as number;
    page.hasPreviousPage = row.__hasPrevious as boolean;
    if (row[lastKey] === null) continue; // a parent with no rows
    const keys = keyColumnNames.map((name) => row[name]);
    page.rows.push(withoutBookkeeping(row) as Row);
    page.keys.push(keys);
  }
  for (const page of pages) {
    if (page.rows.length > query.first) {
      page.rows.length = query.first;
      page.keys.length = query.first;
      page.hasNextPage = true;
    }
  }
  return pages;
}

/**
 * A copy of a result row without its bookkeeping columns (named `__…`: parent, keys, counts,
 * related rows). A copy rather than `delete`, which would leave every row a slow
 * dictionary-mode object for the resolvers that read it.
 */
export function withoutBookkeeping(row: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const name in row) if (!name.startsWith('__')) plain[name] = row[name];
  return plain;
}

/** How a nested list is tied to its parent: a condition over `t` and `k.parent`, and the key's SQL type. */
export interface ParentSpec {
  condition: string;
  type: string;
}

/** A page request of one list for many parents, conditions already built on `params`. */
export interface ListRequest {
  keys: readonly unknown[];
  conditions: string[];
  params: SqlParams;
  ordering: Ordering;
  first: number;
  after: unknown[] | null;
}

/** Pages of one kind of row (`from`, `columns`, fixed `where`) for every parent of a request. */
export function listPages<Row>(
  sql: Sql,
  list: { name: string; from: string; columns: string; where: string[]; total?: string },
  parent: ParentSpec,
  request: ListRequest,
): Promise<Page<Row>[]> {
  return fetchPages<Row>(sql, {
    name: list.name,
    from: list.from,
    columns: list.columns,
    where: [...list.where, parent.condition, ...request.conditions],
    params: request.params,
    ordering: request.ordering,
    first: request.first,
    after: request.after,
    parents: { keys: request.keys, type: parent.type },
    total: list.total,
  });
}
