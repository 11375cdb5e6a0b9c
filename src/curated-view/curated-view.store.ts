import { GROUP_COLUMNS } from '../community-group/community-group.store';
import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';
import { EVENT_COLUMNS } from '../event/event.store';
import { byKey } from '../graph/batch';
import { asIs } from '../graph/fold';
import { groupedQuery } from '../graph/grouped-query';
import { withoutBookkeeping } from '../graph/page-query';
import { PRACTICE_COLUMNS } from '../practice/practice.store';
import { RESOURCE_COLUMNS } from '../resource/resource.store';
import type { CuratedView } from './curated-view.entity';

/** Views by slug, in key order; `shape` may fold more into the statement, and `extra` gives its parameters after `$1`. */
export async function viewsBySlug(sql: Sql, slugs: readonly string[], shape = asIs, extra: unknown[] = []): Promise<(CuratedView | null)[]> {
  const rows = await sql.query<CuratedView>(
    shape(`/* viewsBySlug */ SELECT slug, title, objective_number AS "objectiveNumber", rules FROM curated_view WHERE slug = ANY($1::text[])`),
    [slugs, ...extra],
  );
  return byKey(slugs, rows, (row) => row.slug);
}

const RANK = 't.rank_scope, t.rank_objectives, t.rank_score, t.rank_recency, t.id';

/**
 * How each list of a view is filled after its pinned items: one or more ordered parts
 * (index-friendly ORDER BY … LIMIT each), taken in turn.
 */
const LISTS = {
  practices: {
    table: 'practice', columns: PRACTICE_COLUMNS, item: 'practice_id', visible: true,
    onObjective: 'EXISTS (SELECT 1 FROM practice_objective l WHERE l.practice_id = t.id AND l.objective_number = v.objective_number)',
    parts: [{ where: 'true', order: RANK }],
  },
  resources: {
    table: 'resource', columns: RESOURCE_COLUMNS, item: 'resource_id', visible: true,
    onObjective: 'EXISTS (SELECT 1 FROM resource_objective l WHERE l.resource_id = t.id AND l.objective_number = v.objective_number)',
    parts: [{ where: 'true', order: RANK }],
  },
  events: {
    table: 'event', columns: EVENT_COLUMNS, item: 'event_id', visible: false,
    onObjective: 'EXISTS (SELECT 1 FROM event_objective l WHERE l.event_id = t.id AND l.objective_number = v.objective_number)',
    // Upcoming events soonest first, then past events most recent first: two index scans.
    parts: [
      { where: 't.starts_at >= now()', order: 't.starts_at, t.id' },
      { where: 't.starts_at < now()', order: 't.starts_at DESC, t.id' },
    ],
  },
  communityGroups: {
    table: 'community_group', columns: GROUP_COLUMNS, item: 'community_group_id', visible: false,
    onObjective: 'EXISTS (SELECT 1 FROM community_group_objective l WHERE l.community_group_id = t.id AND l.objective_number = v.objective_number)',
    parts: [{ where: 'true', order: 't.member_count DESC, t.id' }],
  },
} as const;

export type ViewList = keyof typeof LISTS;

const OBJECTIVE_JSON = `json_build_object('number', o.number, 'shortTitle', o.short_title, 'localizedShortTitle', o.short_title_i18n, 'title', o.title)`;
const ORGANIZATION_JSON = `json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'countryCode', o.country_code)`;

/**
 * Relations every page shows with a view's items, fetched in the view's statement as JSON
 * per item (the same rows, in the same order, as their loaders' statements): the resolver
 * primes the loaders with them, so the field resolvers need no further statement.
 */
const RELATED: Record<ViewList, Record<string, string>> = {
  practices: {
    objectives: `(SELECT coalesce(json_agg(${OBJECTIVE_JSON} ORDER BY o.number), '[]') FROM practice_objective l JOIN objective o ON o.number = l.objective_number WHERE l.practice_id = x.id)`,
    implementers: `(SELECT coalesce(json_agg(${ORGANIZATION_JSON} ORDER BY o.name, o.id), '[]') FROM practice_organization l JOIN organization o ON o.id = l.organization_id WHERE l.practice_id = x.id AND l.role = 'IMPLEMENTER')`,
  },
  resources: {
    publisher: `(SELECT ${ORGANIZATION_JSON} FROM organization o WHERE o.id = x."publisherId")`,
  },
  events: {
    group: `(SELECT json_build_object('id', g.id, 'slug', g.slug, 'name', g.name, 'description', g.description, 'memberCount', g.member_count) FROM community_group g WHERE g.id = x."communityGroupId")`,
  },
  communityGroups: {
    objectives: `(SELECT coalesce(json_agg(${OBJECTIVE_JSON} ORDER BY o.number), '[]') FROM community_group_objective l JOIN objective o ON o.number = l.objective_number WHERE l.community_group_id = x.id)`,
  },
};

/** An item's related rows, by the names of `RELATED[list]`. */
export type ViewRelated = Record<string, any>;

/**
 * The statement of `viewItems`: the first `limit` items of one list of each view in `$1`
 * (`limit` is `$2`, or `($2::int[])[k]` when the statement is folded into the view's own,
 * whose `$2` holds each folded list's size: see src/graph/fold.ts). `columns` (over `t`, with `t.id`) narrows what each practice row reads
 * (practices only: the related rows of the others need more).
 */
export function viewItemsStatement(policy: VisibilityPolicy, list: ViewList, columns: string | undefined, limit: string): string {
  // Only practices may be narrowed: their related rows need `x.id` alone; the others' need more.
  if (columns !== undefined && list !== 'practices') throw new Error(`viewItems: ${list} are read with every column`);
  if (!/^(\$2|\(\$2::int\[\]\)\[[1-4]\])$/.test(limit)) throw new Error(`viewItems: the limit is $2 or an element of $2::int[], not ${limit}`);
  const l = { ...LISTS[list], columns: columns ?? LISTS[list].columns };
  const related = Object.entries(RELATED[list]);
  const visible = l.visible ? policy.listed() : 'true';
  return `/* curatedView_${list} */
    SELECT v.slug AS parent, x.*${related.map(([name, expr]) => `, ${expr} AS "__related_${name}"`).join('')} FROM curated_view v
    CROSS JOIN LATERAL (
      SELECT * FROM (
        (SELECT ${l.columns}, 0 AS "__group", i.position::bigint AS "__position"
           FROM curated_view_item i JOIN ${l.table} t ON t.id = i.${l.item}
           WHERE i.view_slug = v.slug AND ${visible} ORDER BY i.position LIMIT ${limit})
${l.parts.map((part, i) => `
        UNION ALL
        (SELECT ${l.columns}, ${i + 1}, row_number() OVER (ORDER BY ${part.order})
           FROM ${l.table} t
           WHERE ${visible} AND ${part.where} AND (v.objective_number IS NULL OR ${l.onObjective})
             AND NOT EXISTS (SELECT 1 FROM curated_view_item i WHERE i.view_slug = v.slug AND i.${l.item} = t.id)
           ORDER BY ${part.order} LIMIT ${limit})`).join('')}
      ) u ORDER BY "__group", "__position" LIMIT ${limit}
    ) x
    WHERE v.slug = ANY($1::text[])
    ORDER BY v.slug, x."__group", x."__position"`;
}

/**
 * A view's items as `viewItemsStatement` reads them (in order, its `parent` gone), made the
 * rows a loader answers: bookkeeping columns off, related rows handed to `onRelated`.
 */
export function viewItemRows<Row>(list: ViewList, rows: readonly Record<string, unknown>[], onRelated?: (row: Row, related: ViewRelated) => void): Row[] {
  const names = Object.keys(RELATED[list]);
  return rows.map((source) => {
    const row = withoutBookkeeping(source);
    const found: ViewRelated = {};
    for (const name of names) found[name] = source[`__related_${name}`];
    onRelated?.(row as unknown as Row, found);
    return row as unknown as Row;
  });
}

/**
 * The first `first` items of one list of each view: the view's pinned items in their
 * editor's order, then the best-ranked others (on the view's objective, for computed
 * views). One statement for every view asked for. `columns` (over `t`, with `t.id`) narrows
 * what each practice row reads (see viewItemsStatement).
 */
export async function viewItems<Row>(
  sql: Sql, policy: VisibilityPolicy, list: ViewList, slugs: readonly string[], first: number,
  onRelated?: (row: Row, related: ViewRelated) => void, columns?: string,
): Promise<Row[][]> {
  const groups = await groupedQuery<string, Record<string, unknown>>(sql, viewItemsStatement(policy, list, columns, '$2'), slugs, [first]);
  return groups.map((rows) => viewItemRows<Row>(list, rows, onRelated));
}
