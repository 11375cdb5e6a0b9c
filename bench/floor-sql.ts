import { createHash } from 'node:crypto';

/**
 * The floor: each page as ONE hand-written statement in which PostgreSQL builds the whole
 * JSON response (same shape as the GraphQL operation's `{ data }`). Nothing can be cheaper
 * for the database, so graph ÷ floor says how close the graph gets to PostgreSQL's limit.
 * test/graph/floor.test.ts checks that each statement answers exactly what the graph answers
 * (anonymous caller, English) on the default seed.
 */

const RANK = 't.rank_scope, t.rank_objectives, t.rank_score, t.rank_recency, t.id';
/** RANK backwards (every key descending): the last row of a RANK page first. */
const RANK_DESC = RANK.split(', ').map((key) => `${key} DESC`).join(', ');
/** A localized text in English, as `localize(text, 'en')` answers it: the English text as stored (null for null). */
const text = (col: string) => `(${col}->>'en')`;
/** A DateTime as the graph sends it: a JS Date's toISOString(), UTC with milliseconds (PostgreSQL's own JSON would be `+00:00`, no ms). */
const instant = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** Objective.shortTitle: the localized short title (short_title_i18n), not the short_title column. */
const objectiveJson = (o: string) => `json_build_object('number', ${o}.number, 'shortTitle', ${text(`${o}.short_title_i18n`)})`;
const objectivesOf = (table: string, column: string, id: string) =>
  `(SELECT coalesce(json_agg(${objectiveJson('o')} ORDER BY o.number), '[]')
     FROM ${table} l JOIN objective o ON o.number = l.objective_number WHERE l.${column} = ${id})`;
/** Open calls as the graph decides it (IS_OPEN of src/call/call.store.ts): today in UTC, not in the session's time zone. */
const isOpen = (c: string) => `((now() AT TIME ZONE 'UTC')::date BETWEEN ${c}.opens_on AND ${c}.deadline)`;

/**
 * The name of a RANK-ordered nested list's cursors for each objective (1..23), as scopedOrdering
 * (src/graph/ordering.ts) makes it: `RANK@` and the first 10 characters of
 * base64url(sha1(JSON.stringify([list, parent, key, null]))). PostgreSQL has no sha1 without
 * pgcrypto, so the 23 names are constants of the statement, indexed by the objective number.
 */
const rankNamesByObjective = (list: string, parent: string, number: string) =>
  `(ARRAY[${Array.from({ length: 23 }, (_, i) =>
    `'RANK@${createHash('sha1').update(JSON.stringify([list, parent, i + 1, null])).digest('base64url').slice(0, 10)}'`).join(', ')}])[${number}]`;
/**
 * A RANK cursor as encodeCursor makes it: base64url, without padding or line breaks, of `hg1:`
 * and the compact JSON array [name, rank_scope, rank_objectives, "rank_score", "rank_recency", "id"]
 * (numeric and bigint keys are strings, as pg returns them).
 */
const rankCursor = (name: string, t: string) =>
  `rtrim(translate(replace(encode(convert_to('hg1:["' || ${name} || '",' || ${t}.rank_scope || ',' || ${t}.rank_objectives
    || ',"' || ${t}.rank_score || '","' || ${t}.rank_recency || '","' || ${t}.id || '"]', 'UTF8'), 'base64'), chr(10), ''), '+/', '-_'), '=')`;

/**
 * Pinned items of the home view, then the best others, like curatedView(slug: "home"):
 * each part an ordered, limited scan.
 */
const viewList = (table: string, item: string, parts: { where: string; order: string }[], visible: string) => `(
  SELECT * FROM (
    (SELECT t.*, 0 AS g, i.position::bigint AS pos FROM curated_view_item i JOIN ${table} t ON t.id = i.${item}
      WHERE i.view_slug = 'home' AND ${visible} ORDER BY i.position LIMIT $1)
    ${parts.map((part, i) => `UNION ALL
    (SELECT t.*, ${i + 1}, row_number() OVER (ORDER BY ${part.order}) FROM ${table} t
      WHERE ${visible} AND ${part.where} AND NOT EXISTS (SELECT 1 FROM curated_view_item i WHERE i.view_slug = 'home' AND i.${item} = t.id)
      ORDER BY ${part.order} LIMIT $1)`).join('\n    ')}
  ) u ORDER BY g, pos LIMIT $1)`;

/** HomePage (schema/operations/home.graphql); $1 = first. */
export const HOME_SQL = `/* floor HomePage */
WITH pp AS ${viewList('practice', 'practice_id', [{ where: 'true', order: RANK }], "t.status = 'PUBLISHED'")},
rr AS ${viewList('resource', 'resource_id', [{ where: 'true', order: RANK }], "t.status = 'PUBLISHED'")},
ee AS ${viewList('event', 'event_id', [{ where: 't.starts_at >= now()', order: 't.starts_at, t.id' }, { where: 't.starts_at < now()', order: 't.starts_at DESC, t.id' }], 'true')},
gg AS ${viewList('community_group', 'community_group_id', [{ where: 'true', order: 't.member_count DESC, t.id' }], 'true')}
SELECT json_build_object('data', json_build_object(
  'curatedView', (SELECT json_build_object('slug', v.slug, 'title', ${text('v.title')},
    'practices', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'slug', p.slug, 'title', ${text('p.title')}, 'summary', ${text('p.summary')},
        'scope', p.scope, 'publishedAt', ${instant('p.published_at')}, 'objectives', ${objectivesOf('practice_objective', 'practice_id', 'p.id')},
        'implementedBy', (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name, o.id), '[]')
           FROM practice_organization po JOIN organization o ON o.id = po.organization_id WHERE po.practice_id = p.id AND po.role = 'IMPLEMENTER')
      ) ORDER BY p.g, p.pos), '[]') FROM pp p),
    'resources', (SELECT coalesce(json_agg(json_build_object('id', r.id, 'slug', r.slug, 'title', ${text('r.title')}, 'type', r.type, 'url', r.url,
        'scope', r.scope, 'publishedOn', r.published_on,
        'publisher', (SELECT json_build_object('id', o.id, 'name', o.name) FROM organization o WHERE o.id = r.publisher_id)
      ) ORDER BY r.g, r.pos), '[]') FROM rr r),
    'events', (SELECT coalesce(json_agg(json_build_object('id', e.id, 'slug', e.slug, 'title', ${text('e.title')}, 'kind', e.kind, 'startsAt', ${instant('e.starts_at')},
        'online', e.online, 'recordingUrl', e.recording_url,
        'communityGroup', (SELECT json_build_object('id', c.id, 'slug', c.slug, 'name', ${text('c.name')}) FROM community_group c WHERE c.id = e.community_group_id)
      ) ORDER BY e.g, e.pos), '[]') FROM ee e),
    'communityGroups', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'slug', c.slug, 'name', ${text('c.name')}, 'memberCount', c.member_count,
        'objectives', ${objectivesOf('community_group_objective', 'community_group_id', 'c.id')}
      ) ORDER BY c.g, c.pos), '[]') FROM gg c)
  ) FROM curated_view v WHERE v.slug = 'home'),
  'objectives', (SELECT json_agg(${objectiveJson('o')} ORDER BY o.number) FROM objective o),
  'callsForPractices', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'slug', c.slug, 'title', ${text('c.title')}, 'deadline', c.deadline) ORDER BY c.deadline DESC, c.id), '[]')
    FROM call_for_practices c WHERE ${isOpen('c')})
))::text AS body`;

/** ObjectivePage (schema/operations/objective.graphql); $1 = number, $2 = first. */
export const OBJECTIVE_SQL = `/* floor ObjectivePage */
WITH pp AS (
  SELECT t.* FROM practice t WHERE t.status = 'PUBLISHED'
    AND EXISTS (SELECT 1 FROM practice_objective l WHERE l.practice_id = t.id AND l.objective_number = $1)
  ORDER BY ${RANK} LIMIT $2 + 1),
n AS (SELECT ${rankNamesByObjective('practices', 'objective', '$1::int')} AS name),
rr AS (
  SELECT t.* FROM resource t WHERE t.status = 'PUBLISHED'
    AND EXISTS (SELECT 1 FROM resource_objective l WHERE l.resource_id = t.id AND l.objective_number = $1)
  ORDER BY ${RANK} LIMIT $2),
ee AS (
  SELECT t.* FROM event t WHERE t.starts_at >= now()
    AND EXISTS (SELECT 1 FROM event_objective l WHERE l.event_id = t.id AND l.objective_number = $1)
  ORDER BY t.starts_at, t.id LIMIT $2),
counts AS (SELECT l.objective_number, count(*)::int AS n FROM practice_objective l JOIN practice p ON p.id = l.practice_id WHERE p.status = 'PUBLISHED' GROUP BY 1),
links AS (
  SELECT b.objective_number AS target, count(*)::int AS shared FROM practice_objective a
    JOIN practice p ON p.id = a.practice_id AND p.status = 'PUBLISHED'
    JOIN practice_objective b ON b.practice_id = a.practice_id AND b.objective_number <> a.objective_number
  WHERE a.objective_number = $1 GROUP BY 1 HAVING count(*) >= 3)
SELECT json_build_object('data', json_build_object('objective', (SELECT json_build_object(
  'number', o.number, 'shortTitle', ${text('o.short_title_i18n')}, 'title', ${text('o.title')},
  'practices', json_build_object(
    'totalCount', (SELECT count(*) FROM practice t WHERE t.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM practice_objective l WHERE l.practice_id = t.id AND l.objective_number = $1)),
    'pageInfo', json_build_object('hasNextPage', (SELECT count(*) > $2 FROM pp),
      'endCursor', (SELECT ${rankCursor('n.name', 't')}
        FROM (SELECT * FROM pp ORDER BY ${RANK.replace(/t\./g, '')} LIMIT $2) t ORDER BY ${RANK_DESC} LIMIT 1)),
    'edges', (SELECT coalesce(json_agg(json_build_object(
        'cursor', ${rankCursor('n.name', 't')},
        'node', json_build_object('id', t.id, 'slug', t.slug, 'title', ${text('t.title')}, 'scope', t.scope,
          'objectives', ${objectivesOf('practice_objective', 'practice_id', 't.id')},
          'regions', (SELECT coalesce(json_agg(json_build_object('code', r.code, 'name', ${text('r.name_i18n')}) ORDER BY r.code), '[]') FROM practice_region l JOIN region r ON r.code = l.region_code WHERE l.practice_id = t.id),
          'countries', (SELECT coalesce(json_agg(json_build_object('code', c.code, 'name', ${text('c.name_i18n')}) ORDER BY c.name), '[]') FROM practice_country l JOIN country c ON c.code = l.country_code WHERE l.practice_id = t.id)
        )) ORDER BY ${RANK}), '[]') FROM (SELECT * FROM pp ORDER BY ${RANK.replace(/t\./g, '')} LIMIT $2) t)),
  'resources', json_build_object(
    'totalCount', (SELECT count(*) FROM resource t WHERE t.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM resource_objective l WHERE l.resource_id = t.id AND l.objective_number = $1)),
    'nodes', (SELECT coalesce(json_agg(json_build_object('id', t.id, 'slug', t.slug, 'title', ${text('t.title')}, 'type', t.type, 'scope', t.scope,
        'publisher', (SELECT json_build_object('id', g.id, 'name', g.name) FROM organization g WHERE g.id = t.publisher_id)) ORDER BY ${RANK}), '[]') FROM rr t)),
  'events', json_build_object(
    'totalCount', (SELECT count(*) FROM event t WHERE t.starts_at >= now() AND EXISTS (SELECT 1 FROM event_objective l WHERE l.event_id = t.id AND l.objective_number = $1)),
    'nodes', (SELECT coalesce(json_agg(json_build_object('id', t.id, 'slug', t.slug, 'title', ${text('t.title')}, 'kind', t.kind, 'startsAt', ${instant('t.starts_at')}) ORDER BY t.starts_at, t.id), '[]') FROM ee t)),
  'communityGroups', (SELECT coalesce(json_agg(json_build_object('id', g.id, 'slug', g.slug, 'name', ${text('g.name')}, 'memberCount', g.member_count) ORDER BY g.member_count DESC, g.id), '[]')
    FROM community_group_objective l JOIN community_group g ON g.id = l.community_group_id WHERE l.objective_number = $1),
  'linkedObjectives', (SELECT coalesce(json_agg(json_build_object('objective', ${objectiveJson('x')},
      'sharedPractices', k.shared, 'jaccard', k.shared::float8 / (cs.n + ct.n - k.shared)) ORDER BY k.shared DESC, k.target), '[]')
    FROM links k JOIN objective x ON x.number = k.target JOIN counts cs ON cs.objective_number = $1 JOIN counts ct ON ct.objective_number = k.target)
) FROM objective o CROSS JOIN n WHERE o.number = $1)))::text AS body`;

const countryJson = (c: string) => `json_build_object('code', ${c}.code, 'name', ${text(`${c}.name_i18n`)})`;
const organizationsOf = (role: 'IMPLEMENTER' | 'PARTNER', withCountry: boolean) =>
  `(SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind${withCountry
    ? `, 'country', (SELECT ${countryJson('c')} FROM country c WHERE c.code = o.country_code)` : ''}) ORDER BY o.name, o.id), '[]')
     FROM practice_organization l JOIN organization o ON o.id = l.organization_id WHERE l.practice_id = t.id AND l.role = '${role}')`;

/**
 * PracticePage (schema/operations/practice.graphql); $1 = slug, $2 = first. As the graph answers
 * an anonymous caller: the practice only when PUBLISHED (else `practice: null`), its published
 * resources (RANK), all of its reviews (it is published) without reviewer identities, all of its
 * events (by start), and for each of its objectives the published practices on it, RANK order,
 * with the maintained count of them (objective_agg_count) as the graph's totalCount.
 */
export const PRACTICE_SQL = `/* floor PracticePage */
SELECT json_build_object('data', json_build_object('practice', (SELECT json_build_object(
  'id', t.id, 'slug', t.slug, 'title', ${text('t.title')}, 'summary', ${text('t.summary')}, 'status', t.status, 'scope', t.scope,
  'startDate', t.start_date, 'endDate', t.end_date, 'publishedAt', ${instant('t.published_at')},
  'lessonsLearned', ${text('t.lessons_learned')}, 'recommendations', ${text('t.recommendations')}, 'takeaway', ${text('t.takeaway')},
  'regions', (SELECT coalesce(json_agg(json_build_object('code', r.code, 'name', ${text('r.name_i18n')}) ORDER BY r.code), '[]')
    FROM practice_region l JOIN region r ON r.code = l.region_code WHERE l.practice_id = t.id),
  'countries', (SELECT coalesce(json_agg(json_build_object('code', c.code, 'name', ${text('c.name_i18n')},
      'region', (SELECT json_build_object('code', r.code, 'name', ${text('r.name_i18n')}) FROM region r WHERE r.code = c.region_code)) ORDER BY c.name), '[]')
    FROM practice_country l JOIN country c ON c.code = l.country_code WHERE l.practice_id = t.id),
  'guidingPrinciples', (SELECT coalesce(json_agg(json_build_object('code', g.code, 'title', ${text('g.title')}) ORDER BY g.position), '[]')
    FROM practice_guiding_principle l JOIN guiding_principle g ON g.code = l.principle_code WHERE l.practice_id = t.id),
  'implementedBy', ${organizationsOf('IMPLEMENTER', true)},
  'partners', ${organizationsOf('PARTNER', false)},
  'call', (SELECT json_build_object('id', c.id, 'slug', c.slug, 'title', ${text('c.title')}, 'deadline', c.deadline, 'isOpen', ${isOpen('c')})
    FROM call_for_practices c WHERE c.id = t.call_id),
  'reviews', (SELECT coalesce(json_agg(json_build_object('id', r.id, 'decision', r.decision, 'score', r.score, 'comment', r.comment,
      'submittedAt', ${instant('r.submitted_at')}, 'reviewer', NULL) ORDER BY r.submitted_at, r.id), '[]')
    FROM review r WHERE r.practice_id = t.id),
  'resources', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'slug', x.slug, 'title', ${text('x.title')}, 'type', x.type, 'url', x.url)
      ORDER BY ${RANK.replace(/t\./g, 'x.')}), '[]')
    FROM practice_resource l JOIN resource x ON x.id = l.resource_id WHERE l.practice_id = t.id AND x.status = 'PUBLISHED'),
  'events', (SELECT coalesce(json_agg(json_build_object('id', e.id, 'slug', e.slug, 'title', ${text('e.title')}, 'startsAt', ${instant('e.starts_at')}, 'kind', e.kind)
      ORDER BY e.starts_at, e.id), '[]')
    FROM event_practice l JOIN event e ON e.id = l.event_id WHERE l.practice_id = t.id),
  'objectives', (SELECT coalesce(json_agg(json_build_object('number', o.number, 'shortTitle', ${text('o.short_title_i18n')},
      'practices', json_build_object(
        'totalCount', coalesce((SELECT ac.n FROM objective_agg_count ac WHERE ac.key = '' AND ac.objective_number = o.number), 0),
        'nodes', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'slug', x.slug, 'title', ${text('x.title')}, 'scope', x.scope)
            ORDER BY ${RANK.replace(/t\./g, 'x.')}), '[]')
          FROM (SELECT x.id, x.slug, x.title, x.scope, ${RANK.replace(/t\./g, 'x.').replace(/, x\.id$/, '')} FROM practice x
            WHERE x.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM practice_objective po WHERE po.practice_id = x.id AND po.objective_number = o.number)
            ORDER BY ${RANK.replace(/t\./g, 'x.')} LIMIT $2) x))
    ) ORDER BY o.number), '[]')
    FROM practice_objective l JOIN objective o ON o.number = l.objective_number WHERE l.practice_id = t.id)
) FROM practice t WHERE t.slug = $1 AND t.status = 'PUBLISHED')))::text AS body`;

/**
 * The floor's statement and parameters for an operation and its variables, with the
 * operations' defaults (HomePage first 6, ObjectivePage first 10, PracticePage first 5);
 * null for an operation without a floor. floor-server.ts and test/graph/floor.test.ts use it.
 */
export function floorQuery(operationName: string, variables: Record<string, unknown> = {}): { text: string; values: unknown[] } | null {
  switch (operationName) {
    case 'HomePage':
      return { text: HOME_SQL, values: [variables.first ?? 6] };
    case 'ObjectivePage':
      return { text: OBJECTIVE_SQL, values: [variables.number, variables.first ?? 10] };
    case 'PracticePage':
      return { text: PRACTICE_SQL, values: [variables.slug, variables.first ?? 5] };
    default:
      return null;
  }
}
