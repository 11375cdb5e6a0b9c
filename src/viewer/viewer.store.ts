import type { Sql } from '../db/sql';
import type { Ordering } from '../graph/ordering';
import { fetchPages, type Page } from '../graph/page-query';
import { SqlParams } from '../graph/sql-params';
import { PRACTICE_COLUMNS } from '../practice/practice.store';
import { RESOURCE_COLUMNS } from '../resource/resource.store';
import { ASSIGNMENT_COLUMNS } from '../review/assignment.store';

/** Newest first (created_at descending as an ascending key), then id. */
export const NEWEST_FIRST: Ordering = {
  name: 'NEWEST',
  keys: [{ expr: '(-(extract(epoch FROM t.created_at) * 1000000))::bigint', type: 'bigint' }, { expr: 't.id', type: 'uuid' }],
};

/** Open assignments (INVITED, ACCEPTED) first, then the newest invitation first. */
export const OPEN_FIRST: Ordering = {
  name: 'OPEN',
  keys: [
    { expr: "(CASE WHEN t.status IN ('INVITED', 'ACCEPTED') THEN 0 ELSE 1 END)::smallint", type: 'smallint' },
    { expr: '(-(extract(epoch FROM t.invited_at) * 1000000))::bigint', type: 'bigint' },
    { expr: 't.id', type: 'uuid' },
  ],
};

/** One page of the items `createdBy` created, any status, newest first. */
export async function ownContentPage<Row>(sql: Sql, kind: 'practice' | 'resource', createdBy: string, first: number, after: unknown[] | null): Promise<Page<Row>> {
  const params = new SqlParams();
  const [page] = await fetchPages<Row>(sql, {
    name: `ownContent_${kind}`, from: `${kind} t`, columns: kind === 'practice' ? PRACTICE_COLUMNS : RESOURCE_COLUMNS,
    where: [`t.created_by = ${params.add(createdBy, 'text')}`], params, ordering: NEWEST_FIRST, first, after,
  });
  return page;
}

/** One page of an expert's assignments, open ones first. */
export async function assignmentPage<Row>(sql: Sql, expertId: string, first: number, after: unknown[] | null): Promise<Page<Row>> {
  const params = new SqlParams();
  const [page] = await fetchPages<Row>(sql, {
    name: 'ownAssignments', from: 'review_assignment t', columns: ASSIGNMENT_COLUMNS.replace(/\ba\./g, 't.'),
    where: [`t.expert_id = ${params.add(expertId, 'uuid')}`], params, ordering: OPEN_FIRST, first, after,
  });
  return page;
}
