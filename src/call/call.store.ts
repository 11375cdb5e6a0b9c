import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { rowsByIds } from '../graph/rows-by-ids';
import type { CallForPractices } from './call-for-practices.entity';

const COLUMNS = 't.id, t.slug, t.title, t.theme, t.opens_on::text AS "opensOn", t.deadline::text AS "deadline"';

/** Open: today (UTC) lies between opensOn and the deadline, both inclusive. */
export const IS_OPEN = `((now() AT TIME ZONE 'UTC')::date BETWEEN t.opens_on AND t.deadline)`;

/** The statement of `callsById` (`$1` the ids). */
export const CALLS_BY_ID = `/* callsById */ SELECT ${COLUMNS}, ${IS_OPEN} AS "isOpen" FROM call_for_practices t WHERE t.id = ANY($1::uuid[])`;

export async function callsById(sql: Sql, ids: readonly string[]): Promise<(CallForPractices | null)[]> {
  return rowsByIds<CallForPractices>(sql, CALLS_BY_ID, ids);
}

export async function callsBySlug(sql: Sql, slugs: readonly string[]): Promise<(CallForPractices | null)[]> {
  const rows = await sql.query<CallForPractices>(`/* callsBySlug */ SELECT ${COLUMNS}, ${IS_OPEN} AS "isOpen" FROM call_for_practices t WHERE t.slug = ANY($1::text[])`, [slugs]);
  return byKey(slugs, rows, (row) => row.slug);
}

/** Calls, latest deadline first; `open` narrows to open (true) or closed (false) calls. */
export function allCalls(sql: Sql, open: boolean | null): Promise<CallForPractices[]> {
  return sql.query<CallForPractices>(
    `/* allCalls */ SELECT ${COLUMNS}, ${IS_OPEN} AS "isOpen" FROM call_for_practices t
     WHERE $1::boolean IS NULL OR ${IS_OPEN} = $1 ORDER BY t.deadline DESC, t.id`,
    [open],
  );
}
