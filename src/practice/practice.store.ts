import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { asIs } from '../graph/fold';
import { rowsByIds } from '../graph/rows-by-ids';
import { groupedQuery } from '../graph/grouped-query';
import { listPages, type ListRequest, type Page, type ParentSpec } from '../graph/page-query';
import type { Practice } from './practice.entity';

/**
 * A practice row's columns, in the one order every statement lists them. `text`: one of the
 * jsonb texts in three languages, read only when its field is selected (see practiceListColumns).
 */
const COLUMNS: readonly { sql: string; text?: string }[] = [
  { sql: 't.id' }, { sql: 't.slug' }, { sql: 't.title', text: 'title' }, { sql: 't.summary', text: 'summary' }, { sql: 't.status' }, { sql: 't.scope' },
  { sql: 't.start_date::text AS "startDate"' }, { sql: 't.end_date::text AS "endDate"' },
  { sql: 't.lessons_learned AS "lessonsLearned"', text: 'lessonsLearned' }, { sql: 't.recommendations', text: 'recommendations' }, { sql: 't.takeaway', text: 'takeaway' },
  { sql: 't.call_id AS "callId"' }, { sql: 't.community_group_id AS "communityGroupId"' }, { sql: 't.published_at AS "publishedAt"' },
  { sql: 't.created_by AS "createdBy"' }, { sql: 't.review_round AS "reviewRound"' }, { sql: 't.completion' },
  { sql: 't.focal_point AS "focalPoint"', text: 'focalPoint' },
];

export const PRACTICE_COLUMNS = COLUMNS.map((column) => column.sql).join(', ');

/**
 * Practice fields a list row answers with its texts left out except those selected: the
 * plain columns (always read, they are small), the texts by their own field, and relations
 * loaded by the practice's id or `callId`. Any other field (e.g. `reviewProgress`, whose
 * rules read more) makes the page read every column.
 */
const LIST_FIELDS: ReadonlySet<string> = new Set([
  '__typename', 'id', 'slug', 'title', 'summary', 'status', 'scope', 'startDate', 'endDate', 'publishedAt', 'completion',
  'lessonsLearned', 'recommendations', 'takeaway', 'call',
  'regions', 'countries', 'objectives', 'guidingPrinciples', 'implementedBy', 'partners', 'resources', 'events',
]);

/**
 * The columns a page of practices needs for its items' selected fields: every column but the
 * texts no selected field shows, in the fixed order of COLUMNS (so a selection's field order
 * makes no new statement text); every column as soon as one field is not in LIST_FIELDS.
 * A practice's texts in three languages are most of its row, and a list card shows one or two.
 */
export function practiceListColumns(fields: ReadonlySet<string>): string {
  for (const field of fields) if (!LIST_FIELDS.has(field)) return PRACTICE_COLUMNS;
  return COLUMNS.filter((column) => !column.text || fields.has(column.text)).map((column) => column.sql).join(', ');
}

/** Practices by id, in key order; null for unknown, malformed or invisible ids. */
export async function practicesById(sql: Sql, policy: VisibilityPolicy, ids: readonly string[], shape = asIs): Promise<(Practice | null)[]> {
  return rowsByIds<Practice>(sql, shape(`/* practicesById */ SELECT ${PRACTICE_COLUMNS} FROM practice t WHERE t.id = ANY($1::uuid[]) AND ${policy.readable('practice')}`), ids);
}

export async function practicesBySlug(sql: Sql, policy: VisibilityPolicy, slugs: readonly string[], shape = asIs): Promise<(Practice | null)[]> {
  const rows = await sql.query<Practice>(
    shape(`/* practicesBySlug */ SELECT ${PRACTICE_COLUMNS} FROM practice t WHERE t.slug = ANY($1::text[]) AND ${policy.readable('practice')}`),
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
