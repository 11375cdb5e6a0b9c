import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { rowsByIds } from '../graph/rows-by-ids';
import { groupedQuery } from '../graph/grouped-query';
import type { Ordering } from '../graph/ordering';
import { fetchPages, type Page } from '../graph/page-query';
import { SqlParams } from '../graph/sql-params';
import type { CommunityGroup } from './community-group.entity';

export const GROUP_COLUMNS = 't.id, t.slug, t.name, t.description, t.member_count AS "memberCount"';

/** Groups by size, largest first. */
export const GROUP_ORDERING: Ordering = {
  name: 'MEMBERS',
  keys: [{ expr: '(-t.member_count)::bigint', type: 'bigint' }, { expr: 't.id', type: 'uuid' }],
};

export async function groupsById(sql: Sql, ids: readonly string[]): Promise<(CommunityGroup | null)[]> {
  return rowsByIds<CommunityGroup>(sql, `/* groupsById */ SELECT ${GROUP_COLUMNS} FROM community_group t WHERE t.id = ANY($1::uuid[])`, ids);
}

export async function groupsBySlug(sql: Sql, slugs: readonly string[]): Promise<(CommunityGroup | null)[]> {
  const rows = await sql.query<CommunityGroup>(`/* groupsBySlug */ SELECT ${GROUP_COLUMNS} FROM community_group t WHERE t.slug = ANY($1::text[])`, [slugs]);
  return byKey(slugs, rows, (row) => row.slug);
}

/** All groups, largest first, one page. */
export async function groupPage(sql: Sql, first: number, after: unknown[] | null): Promise<Page<CommunityGroup>> {
  const [page] = await fetchPages<CommunityGroup>(sql, {
    name: 'communityGroups',
    from: 'community_group t',
    columns: GROUP_COLUMNS,
    where: [],
    params: new SqlParams(),
    ordering: GROUP_ORDERING,
    first,
    after,
  });
  return page;
}

/** The groups working on each objective, largest first. */
export function groupsByObjective(sql: Sql, numbers: readonly number[]): Promise<CommunityGroup[][]> {
  return groupedQuery(sql, `/* groupsByObjective */ SELECT l.objective_number AS parent, ${GROUP_COLUMNS}
    FROM community_group_objective l JOIN community_group t ON t.id = l.community_group_id
    WHERE l.objective_number = ANY($1::smallint[]) ORDER BY t.member_count DESC, t.id`, numbers);
}
