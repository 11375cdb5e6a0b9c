/**
 * The floor: each page as ONE hand-written statement in which PostgreSQL builds the whole
 * JSON response (same shape as the GraphQL operation's `{ data }`). Nothing can be cheaper
 * for the database, so graph ÷ floor says how close the graph gets to PostgreSQL's limit.
 */

const RANK = 't.rank_scope, t.rank_objectives, t.rank_score, t.rank_recency, t.id';
const text = (col: string) => `coalesce(nullif(btrim(${col}->>'en'), ''), ${col}->>'en')`;
const objectivesOf = (table: string, column: string, id: string) =>
  `(SELECT coalesce(json_agg(json_build_object('number', o.number, 'shortTitle', o.short_title) ORDER BY o.number), '[]')
     FROM ${table} l JOIN objective o ON o.number = l.objective_number WHERE l.${column} = ${id})`;

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
        'scope', p.scope, 'publishedAt', p.published_at, 'objectives', ${objectivesOf('practice_objective', 'practice_id', 'p.id')},
        'implementedBy', (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name, o.id), '[]')
           FROM practice_organization po JOIN organization o ON o.id = po.organization_id WHERE po.practice_id = p.id AND po.role = 'IMPLEMENTER')
      ) ORDER BY p.g, p.pos), '[]') FROM pp p),
    'resources', (SELECT coalesce(json_agg(json_build_object('id', r.id, 'slug', r.slug, 'title', ${text('r.title')}, 'type', r.type, 'url', r.url,
        'scope', r.scope, 'publishedOn', r.published_on,
        'publisher', (SELECT json_build_object('id', o.id, 'name', o.name) FROM organization o WHERE o.id = r.publisher_id)
      ) ORDER BY r.g, r.pos), '[]') FROM rr r),
    'events', (SELECT coalesce(json_agg(json_build_object('id', e.id, 'slug', e.slug, 'title', ${text('e.title')}, 'kind', e.kind, 'startsAt', e.starts_at,
        'online', e.online, 'recordingUrl', e.recording_url,
        'communityGroup', (SELECT json_build_object('id', c.id, 'slug', c.slug, 'name', ${text('c.name')}) FROM community_group c WHERE c.id = e.community_group_id)
      ) ORDER BY e.g, e.pos), '[]') FROM ee e),
    'communityGroups', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'slug', c.slug, 'name', ${text('c.name')}, 'memberCount', c.member_count,
        'objectives', ${objectivesOf('community_group_objective', 'community_group_id', 'c.id')}
      ) ORDER BY c.g, c.pos), '[]') FROM gg c)
  ) FROM curated_view v WHERE v.slug = 'home'),
  'objectives', (SELECT json_agg(json_build_object('number', number, 'shortTitle', short_title) ORDER BY number) FROM objective),
  'callsForPractices', (SELECT coalesce(json_agg(json_build_object('id', id, 'slug', slug, 'title', ${text('title')}, 'deadline', deadline) ORDER BY deadline DESC, id), '[]')
    FROM call_for_practices WHERE current_date BETWEEN opens_on AND deadline)
))::text AS body`;

/** ObjectivePage (schema/operations/objective.graphql); $1 = number, $2 = first. */
export const OBJECTIVE_SQL = `/* floor ObjectivePage */
WITH pp AS (
  SELECT t.* FROM practice t WHERE t.status = 'PUBLISHED'
    AND EXISTS (SELECT 1 FROM practice_objective l WHERE l.practice_id = t.id AND l.objective_number = $1)
  ORDER BY ${RANK} LIMIT $2 + 1),
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
SELECT json_build_object('data', json_build_object('objective', json_build_object(
  'number', o.number, 'shortTitle', o.short_title, 'title', ${text('o.title')},
  'practices', json_build_object(
    'totalCount', (SELECT count(*) FROM practice t WHERE t.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM practice_objective l WHERE l.practice_id = t.id AND l.objective_number = $1)),
    'pageInfo', json_build_object('hasNextPage', (SELECT count(*) > $2 FROM pp),
      'endCursor', (SELECT encode(convert_to('hg1:' || json_build_array('RANK', t.rank_scope, t.rank_objectives, t.rank_score::text, t.rank_recency::text, t.id)::text, 'UTF8'), 'base64')
        FROM (SELECT * FROM pp ORDER BY ${RANK.replace(/t\./g, '')} LIMIT $2) t ORDER BY ${RANK} DESC LIMIT 1)),
    'edges', (SELECT coalesce(json_agg(json_build_object(
        'cursor', encode(convert_to('hg1:' || json_build_array('RANK', t.rank_scope, t.rank_objectives, t.rank_score::text, t.rank_recency::text, t.id)::text, 'UTF8'), 'base64'),
        'node', json_build_object('id', t.id, 'slug', t.slug, 'title', ${text('t.title')}, 'scope', t.scope,
          'objectives', ${objectivesOf('practice_objective', 'practice_id', 't.id')},
          'regions', (SELECT coalesce(json_agg(json_build_object('code', r.code, 'name', r.name) ORDER BY r.code), '[]') FROM practice_region l JOIN region r ON r.code = l.region_code WHERE l.practice_id = t.id),
          'countries', (SELECT coalesce(json_agg(json_build_object('code', c.code, 'name', c.name) ORDER BY c.name), '[]') FROM practice_country l JOIN country c ON c.code = l.country_code WHERE l.practice_id = t.id)
        )) ORDER BY ${RANK}), '[]') FROM (SELECT * FROM pp ORDER BY ${RANK.replace(/t\./g, '')} LIMIT $2) t)),
  'resources', json_build_object(
    'totalCount', (SELECT count(*) FROM resource t WHERE t.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM resource_objective l WHERE l.resource_id = t.id AND l.objective_number = $1)),
    'nodes', (SELECT coalesce(json_agg(json_build_object('id', t.id, 'slug', t.slug, 'title', ${text('t.title')}, 'type', t.type, 'scope', t.scope,
        'publisher', (SELECT json_build_object('id', g.id, 'name', g.name) FROM organization g WHERE g.id = t.publisher_id)) ORDER BY ${RANK}), '[]') FROM rr t)),
  'events', json_build_object(
    'totalCount', (SELECT count(*) FROM event t WHERE t.starts_at >= now() AND EXISTS (SELECT 1 FROM event_objective l WHERE l.event_id = t.id AND l.objective_number = $1)),
    'nodes', (SELECT coalesce(json_agg(json_build_object('id', t.id, 'slug', t.slug, 'title', ${text('t.title')}, 'kind', t.kind, 'startsAt', t.starts_at) ORDER BY t.starts_at, t.id), '[]') FROM ee t)),
  'communityGroups', (SELECT coalesce(json_agg(json_build_object('id', g.id, 'slug', g.slug, 'name', ${text('g.name')}, 'memberCount', g.member_count) ORDER BY g.member_count DESC, g.id), '[]')
    FROM community_group_objective l JOIN community_group g ON g.id = l.community_group_id WHERE l.objective_number = $1),
  'linkedObjectives', (SELECT coalesce(json_agg(json_build_object('objective', json_build_object('number', x.number, 'shortTitle', x.short_title),
      'sharedPractices', k.shared, 'jaccard', k.shared::float8 / (cs.n + ct.n - k.shared)) ORDER BY k.shared DESC, k.target), '[]')
    FROM links k JOIN objective x ON x.number = k.target JOIN counts cs ON cs.objective_number = $1 JOIN counts ct ON ct.objective_number = k.target)
)) ) ::text AS body
FROM objective o WHERE o.number = $1`;
