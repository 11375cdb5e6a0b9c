import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';
import { groupedQuery } from '../graph/grouped-query';
import type { SqlParams } from '../graph/sql-params';

export interface LinkRow {
  objectiveNumber: number;
  sharedPractices: number;
  jaccard: number;
}

/**
 * For each objective, the objectives addressed by the same published practices with at
 * least `minShared` of them in common, most shared first: one self-join of the links.
 */
export function linkedObjectives(sql: Sql, policy: VisibilityPolicy, numbers: readonly number[], minShared: number): Promise<LinkRow[][]> {
  return groupedQuery(sql, `/* linkedObjectives */
    WITH counts AS (
      SELECT l.objective_number, count(*)::int AS n FROM practice_objective l
      JOIN practice p ON p.id = l.practice_id WHERE ${policy.analysed('p')} GROUP BY 1),
    a AS (
      SELECT l.practice_id, l.objective_number FROM practice_objective l
      JOIN practice p ON p.id = l.practice_id
      WHERE ${policy.analysed('p')} AND l.objective_number = ANY($1::smallint[])),
    pairs AS (
      SELECT a.objective_number AS source, b.objective_number AS target, count(*)::int AS shared
      FROM a JOIN practice_objective b ON b.practice_id = a.practice_id AND b.objective_number <> a.objective_number
      GROUP BY 1, 2 HAVING count(*) >= $2)
    SELECT pairs.source AS parent, pairs.target AS "objectiveNumber", pairs.shared AS "sharedPractices",
           pairs.shared::float8 / (cs.n + ct.n - pairs.shared) AS jaccard
    FROM pairs JOIN counts cs ON cs.objective_number = pairs.source JOIN counts ct ON ct.objective_number = pairs.target
    ORDER BY pairs.source, pairs.shared DESC, pairs.target`, numbers, [minShared]);
}

export interface NetworkRow {
  nodes: { number: number; practiceCount: number }[];
  edges: { source: number; target: number; sharedPractices: number; jaccard: number }[];
  practiceCount: number;
}

/**
 * The network's `nodes` and `edges` as JSON, from the CTEs `counts` (objective_number, n)
 * and `pairs` (source, target, shared): the same for the live query and the aggregates.
 */
const NETWORK_NODES_AND_EDGES = `(SELECT coalesce(json_agg(json_build_object('number', o.number, 'practiceCount', coalesce(c.n, 0)) ORDER BY o.number), '[]')
         FROM objective o LEFT JOIN counts c ON c.objective_number = o.number) AS nodes,
      (SELECT coalesce(json_agg(json_build_object('source', p.source, 'target', p.target, 'sharedPractices', p.shared,
                'jaccard', p.shared::float8 / (cs.n + ct.n - p.shared)) ORDER BY p.shared DESC, p.source, p.target), '[]')
         FROM pairs p JOIN counts cs ON cs.objective_number = p.source JOIN counts ct ON ct.objective_number = p.target) AS edges`;

/**
 * The objective network over the published practices matching `conditions` (over `t`, on
 * `params`): every objective with its practice count, every pair addressed together by at
 * least `minShared` of them. One statement.
 */
export async function objectiveNetwork(sql: Sql, policy: VisibilityPolicy, conditions: string[], params: SqlParams, minShared: number): Promise<NetworkRow> {
  const where = [policy.analysed('t'), ...conditions].join(' AND ');
  const min = params.add(minShared, 'int');
  const [row] = await sql.query<NetworkRow>(`/* objectiveNetwork */
    WITH matching AS (SELECT t.id FROM practice t WHERE ${where}),
    pub AS (SELECT l.practice_id, l.objective_number FROM practice_objective l JOIN matching m ON m.id = l.practice_id),
    counts AS (SELECT objective_number, count(*)::int AS n FROM pub GROUP BY 1),
    pairs AS (
      SELECT a.objective_number AS source, b.objective_number AS target, count(*)::int AS shared
      FROM pub a JOIN pub b ON b.practice_id = a.practice_id AND b.objective_number > a.objective_number
      GROUP BY 1, 2 HAVING count(*) >= ${min})
    SELECT
      ${NETWORK_NODES_AND_EDGES},
      (SELECT count(*)::int FROM matching) AS "practiceCount"`, params.values);
  return row;
}

/**
 * The keys of the maintained aggregates (migration ObjectiveAggregates) that answer a
 * practice filter exactly, or null when they cannot: no filter (['']), or one dimension
 * alone: one region (any M49 code), any scopes (a practice has one scope, so they add up),
 * or one implementer kind. Anything else goes to the live query.
 */
export function aggregateKeys(filter: object | null | undefined): string[] | null {
  const given = Object.entries(filter ?? {}).filter(([, value]) => value != null);
  if (given.length === 0) return [''];
  if (given.length > 1) return null;
  const [name, value] = given[0];
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) return null;
  const distinct = [...new Set(value as string[])];
  if (name === 'scopes') return distinct.map((s) => `s:${s}`);
  if (distinct.length !== 1) return null;
  if (name === 'regions') return [`r:${distinct[0]}`];
  if (name === 'implementerKinds') return [`k:${distinct[0]}`];
  return null;
}

/** linkedObjectives over all published practices, from the maintained pair and objective counts. */
export function linkedObjectivesFromAggregates(sql: Sql, numbers: readonly number[], minShared: number): Promise<LinkRow[][]> {
  return groupedQuery(sql, `/* linkedObjectivesFromAggregates */
    WITH pairs AS (
      SELECT source, target, n AS shared FROM objective_agg_pair WHERE key = '' AND source = ANY($1::smallint[]) AND n >= $2
      UNION ALL
      SELECT target, source, n FROM objective_agg_pair WHERE key = '' AND target = ANY($1::smallint[]) AND n >= $2)
    SELECT pairs.source AS parent, pairs.target AS "objectiveNumber", pairs.shared AS "sharedPractices",
           pairs.shared::float8 / (cs.n + ct.n - pairs.shared) AS jaccard
    FROM pairs JOIN objective_agg_count cs ON cs.key = '' AND cs.objective_number = pairs.source
    JOIN objective_agg_count ct ON ct.key = '' AND ct.objective_number = pairs.target
    ORDER BY pairs.source, pairs.shared DESC, pairs.target`, numbers, [minShared]);
}

/** objectiveNetwork for the practices of aggregate `keys` (see aggregateKeys), from the maintained rows. */
export async function objectiveNetworkFromAggregates(sql: Sql, keys: string[], minShared: number): Promise<NetworkRow> {
  const [row] = await sql.query<NetworkRow>(`/* objectiveNetworkFromAggregates */
    WITH counts AS (SELECT objective_number, sum(n)::int AS n FROM objective_agg_count WHERE key = ANY($1::text[]) GROUP BY 1),
    pairs AS (
      SELECT source, target, sum(n)::int AS shared FROM objective_agg_pair WHERE key = ANY($1::text[])
      GROUP BY 1, 2 HAVING sum(n) >= $2)
    SELECT
      ${NETWORK_NODES_AND_EDGES},
      (SELECT coalesce(sum(n), 0)::int FROM objective_agg_total WHERE key = ANY($1::text[])) AS "practiceCount"`, [keys, minShared]);
  return row;
}

/** The objective network for a practice filter: from the aggregates when they answer it, else live. */
export function objectiveNetworkFor(sql: Sql, policy: VisibilityPolicy, filter: object | null | undefined, conditions: string[], params: SqlParams, minShared: number): Promise<NetworkRow> {
  const keys = policy.analysesPublishedOnly ? aggregateKeys(filter) : null;
  return keys ? objectiveNetworkFromAggregates(sql, keys, minShared) : objectiveNetwork(sql, policy, conditions, params, minShared);
}
