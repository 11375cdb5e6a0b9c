import type { Sql } from '../db/sql';
import type { Ordering } from '../graph/ordering';
import { fetchPages, type Page } from '../graph/page-query';
import { SqlParams } from '../graph/sql-params';
import type { Expert } from '../expert/expert.entity';
import type { RosterApplication } from './roster-application';

export const APPLICATION_COLUMNS = `a.id, a.status, a.submitted_at AS "submittedAt", a.name, a.affiliation, a.is_un AS "isUN",
  a.expertise::int[] AS expertise, a.motivation, a.expert_id AS "expertId"`;

/** The roster by name. */
export const EXPERT_ORDERING: Ordering = { name: 'NAME', keys: [{ expr: 't.name', type: 'text' }, { expr: 't.id', type: 'uuid' }] };

/** One page of the roster, optionally only UN (or non-UN) experts, or those with an expertise. */
export async function expertPage(sql: Sql, filter: { isUN: boolean | null; objective: number | null }, first: number, after: unknown[] | null): Promise<Page<Expert>> {
  const params = new SqlParams();
  const where: string[] = [];
  if (filter.isUN !== null) where.push(`t.is_un = ${params.add(filter.isUN, 'boolean')}`);
  if (filter.objective !== null) where.push(`EXISTS (SELECT 1 FROM expert_expertise x WHERE x.expert_id = t.id AND x.objective_number = ${params.add(filter.objective, 'smallint')})`);
  const [page] = await fetchPages<Expert>(sql, {
    name: 'experts', from: 'expert t', columns: 't.id, t.name, t.affiliation, t.is_un AS "isUN"', where, params, ordering: EXPERT_ORDERING, first, after,
  });
  return page;
}

/** Applications, oldest first, optionally of one status. */
export function applications(sql: Sql, status: string | null, first: number): Promise<RosterApplication[]> {
  return sql.query<RosterApplication>(`/* rosterApplications */ SELECT ${APPLICATION_COLUMNS} FROM roster_application a
    WHERE $1::text IS NULL OR a.status = $1 ORDER BY a.submitted_at, a.id LIMIT $2`, [status, first]);
}

export function applicationById(sql: Sql, id: string): Promise<RosterApplication[]> {
  return sql.query<RosterApplication>(`/* rosterApplicationById */ SELECT ${APPLICATION_COLUMNS} FROM roster_application a WHERE a.id = $1`, [id]);
}
