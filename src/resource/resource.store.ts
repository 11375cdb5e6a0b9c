import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { rowsByIds } from '../graph/rows-by-ids';
import { groupedQuery } from '../graph/grouped-query';
import { listPages, type ListRequest, type Page, type ParentSpec } from '../graph/page-query';
import type { Resource } from './resource.entity';

export const RESOURCE_COLUMNS = `t.id, t.slug, t.title, t.summary, t.type, t.url, t.scope, t.publisher_id AS "publisherId",
  t.published_on::text AS "publishedOn", t.status, t.community_group_id AS "communityGroupId",
  t.created_by AS "createdBy", t.review_round AS "reviewRound"`;

const RANKED = 'ORDER BY t.rank_scope, t.rank_objectives, t.rank_score, t.rank_recency, t.id';

export async function resourcesById(sql: Sql, policy: VisibilityPolicy, ids: readonly string[]): Promise<(Resource | null)[]> {
  return rowsByIds<Resource>(sql, `/* resourcesById */ SELECT ${RESOURCE_COLUMNS} FROM resource t WHERE t.id = ANY($1::uuid[]) AND ${policy.readable('resource')}`, ids);
}

export async function resourcesBySlug(sql: Sql, policy: VisibilityPolicy, slugs: readonly string[]): Promise<(Resource | null)[]> {
  const rows = await sql.query<Resource>(
    `/* resourcesBySlug */ SELECT ${RESOURCE_COLUMNS} FROM resource t WHERE t.slug = ANY($1::text[]) AND ${policy.readable('resource')}`,
    [slugs],
  );
  return byKey(slugs, rows, (row) => row.slug);
}

export type ResourceParent = 'root' | 'objective' | 'group';

const PARENT: Record<ResourceParent, ParentSpec> = {
  root: { condition: 'true', type: 'text' },
  objective: { condition: 'EXISTS (SELECT 1 FROM resource_objective ro WHERE ro.resource_id = t.id AND ro.objective_number = k.parent)', type: 'smallint' },
  group: { condition: 't.community_group_id = k.parent', type: 'uuid' },
};

/** One page of resources for every parent key, in one statement. */
export function resourcePages(sql: Sql, policy: VisibilityPolicy, request: ListRequest & { parent: ResourceParent }): Promise<Page<Resource>[]> {
  // Unfiltered published resources of an objective: the count the ObjectiveResourceCounts triggers maintain.
  const total = request.parent === 'objective' && request.conditions.length === 0 && policy.listsPublishedOnly
    ? `coalesce((SELECT rc.n FROM objective_resource_count rc WHERE rc.objective_number = k.parent), 0)`
    : undefined;
  return listPages<Resource>(sql, { name: `resourcesBy_${request.parent}`, from: 'resource t', columns: RESOURCE_COLUMNS, where: [policy.listed()], total }, PARENT[request.parent], request);
}

/** Visible resources linked to each practice, by RANK. */
export function resourcesByPractice(sql: Sql, policy: VisibilityPolicy, ids: readonly string[]): Promise<Resource[][]> {
  return groupedQuery(sql, resourcesByPracticeStatement(policy), ids);
}

/** The statement of `resourcesByPractice` (`$1` the practices' ids). */
export function resourcesByPracticeStatement(policy: VisibilityPolicy): string {
  return `/* resourcesByPractice */ SELECT l.practice_id AS parent, ${RESOURCE_COLUMNS}
    FROM practice_resource l JOIN resource t ON t.id = l.resource_id
    WHERE l.practice_id = ANY($1::uuid[]) AND ${policy.listed()} ${RANKED}`;
}

/** Visible resources shared at each event, by RANK. */
export function resourcesByEvent(sql: Sql, policy: VisibilityPolicy, ids: readonly string[]): Promise<Resource[][]> {
  return groupedQuery(sql, `/* resourcesByEvent */ SELECT l.event_id AS parent, ${RESOURCE_COLUMNS}
    FROM event_resource l JOIN resource t ON t.id = l.resource_id
    WHERE l.event_id = ANY($1::uuid[]) AND ${policy.listed()} ${RANKED}`, ids);
}
