import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { rowsByIds } from '../graph/rows-by-ids';
import { groupedQuery } from '../graph/grouped-query';
import { listPages, type ListRequest, type Page, type ParentSpec } from '../graph/page-query';
import type { Practice } from './practice.entity';

export const PRACTICE_COLUMNS = `t.id, t.slug, t.title, t.summary, t.status, t.scope,
  t.start_date::text AS "startDate", t.end_date::text AS "endDate", t.lessons_learned AS "lessonsLearned",
  t.recommendations, t.takeaway, t.call_id AS "callId", t.community_group_id AS "communityGroupId", t.published_at AS "publishedAt",
  t.created_by AS "createdBy", t.review_round AS "reviewRound", t.completion, t.focal_point AS "focalPoint"`;

/**
 * Practice fields a list row can answer from these columns (besides `t.id`). A page whose
 * items ask only for these fields reads only their columns: a practice's long texts in three
 * languages are most of its row, and a list card shows none of them.
 */
const LIST_FIELD_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  __typename: [], id: [], slug: ['t.slug'], title: ['t.title'], summary: ['t.summary'], status: ['t.status'], scope: ['t.scope'],
  startDate: ['t.start_date::text AS "startDate"'], endDate: ['t.end_date::text AS "endDate"'], publishedAt: ['t.published_at AS "publishedAt"'],
  lessonsLearned: ['t.lessons_learned AS "lessonsLearned"'], recommendations: ['t.recommendations'], takeaway: ['t.takeaway'],
  call: ['t.call_id AS "callId"'],
  // Relations loaded by the practice's id alone.
  regions: [], countries: [], objectives: [], guidingPrinciples: [], implementedBy: [], partners: [], resources: [], events: [],
};

/** The columns a page of practices needs for the selected item fields: every column as soon as one field is not in LIST_FIELD_COLUMNS. */
export function practiceListColumns(fields: ReadonlySet<string>): string {
  const columns = new Set<string>(['t.id']);
  for (const field of fields) {
    const needed = LIST_FIELD_COLUMNS[field];
    if (!needed) return PRACTICE_COLUMNS;
    for (const column of needed) columns.add(column);
  }
  return [...columns].join(', ');
}

/** Practices by id, in key order; null for unknown, malformed or invisible ids. */
export async function practicesById(sql: Sql, policy: VisibilityPolicy, ids: readonly string[]): Promise<(Practice | null)[]> {
  return rowsByIds<Practice>(sql, `/* practicesById */ SELECT ${PRACTICE_COLUMNS} FROM practice t WHERE t.id = ANY($1::uuid[]) AND ${policy.readable('practice')}`, ids);
}

export async function practicesBySlug(sql: Sql, policy: VisibilityPolicy, slugs: readonly string[]): Promise<(Practice | null)[]> {
  const rows = await sql.query<Practice>(
    `/* practicesBySlug */ SELECT ${PRACTICE_COLUMNS} FROM practice t WHERE t.slug = ANY($1::text[]) AND ${policy.readable('practice')}`,
    [slugs],
  );
  return byKey(slugs, rows, (row) => row.slug);
}

/** Which practices a nested list holds, for parent key `k.parent`. */
export type PracticeParent = 'root' | 'objective' | 'group' | 'call';

const PARENT: Record<PracticeParent, ParentSpec> = {
  root: { condition: 'true', type: 'text' },
  objective: { condition: 'EXISTS (SELECT 1 FROM practice_objective po WHERE po.practice_id = t.id AND po.objective_number = k.parent)', type: 'smallint' },
  group: { condition: 't.community_group_id = k.parent', type: 'uuid' },
  call: { condition: 't.call_id = k.parent', type: 'uuid' },
};

/** One page of practices for every parent key, in one statement. */
export function practicePages(sql: Sql, policy: VisibilityPolicy, request: ListRequest & { parent: PracticeParent }, columns = PRACTICE_COLUMNS): Promise<Page<Practice>[]> {
  // Unfiltered published practices of an objective: the count the ObjectiveAggregates triggers maintain.
  const total = request.parent === 'objective' && request.conditions.length === 0 && policy.listsPublishedOnly
    ? `coalesce((SELECT ac.n FROM objective_agg_count ac WHERE ac.key = '' AND ac.objective_number = k.parent), 0)`
    : undefined;
  return listPages<Practice>(sql, { name: `practicesBy_${request.parent}`, from: 'practice t', columns, where: [policy.listed()], total }, PARENT[request.parent], request);
}

/** Published (visible) practices linked to each resource, by RANK. */
export function practicesByResource(sql: Sql, policy: VisibilityPolicy, ids: readonly string[]): Promise<Practice[][]> {
  return groupedQuery(sql, `/* practicesByResource */ SELECT l.resource_id AS parent, ${PRACTICE_COLUMNS}
    FROM practice_resource l JOIN practice t ON t.id = l.practice_id
    WHERE l.resource_id = ANY($1::uuid[]) AND ${policy.listed()}
    ORDER BY t.rank_scope, t.rank_objectives, t.rank_score, t.rank_recency, t.id`, ids);
}

/** Visible practices presented at each event, by RANK. */
export function practicesByEvent(sql: Sql, policy: VisibilityPolicy, ids: readonly string[]): Promise<Practice[][]> {
  return groupedQuery(sql, `/* practicesByEvent */ SELECT l.event_id AS parent, ${PRACTICE_COLUMNS}
    FROM event_practice l JOIN practice t ON t.id = l.practice_id
    WHERE l.event_id = ANY($1::uuid[]) AND ${policy.listed()}
    ORDER BY t.rank_scope, t.rank_objectives, t.rank_score, t.rank_recency, t.id`, ids);
}
