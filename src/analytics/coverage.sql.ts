import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';
import type { SqlParams } from '../graph/sql-params';
import { CoverageDimension } from './coverage.types';

export interface CoverageRecord {
  objectiveNumber: number;
  bucket: string;
  label: string;
  practiceCount: number;
}

/** For each dimension: (practice id, bucket, label) rows of the matching practices `m`. */
const BUCKETS: Record<CoverageDimension, string> = {
  [CoverageDimension.REGION]: `
    SELECT DISTINCT m.id AS practice_id, rc.ancestor AS bucket FROM matching m
      JOIN practice_region pr ON pr.practice_id = m.id JOIN region_closure rc ON rc.code = pr.region_code
      JOIN region top ON top.code = rc.ancestor AND top.parent_code IS NULL
    UNION
    SELECT m.id, c.region_code FROM matching m JOIN practice_country pc ON pc.practice_id = m.id JOIN country c ON c.code = pc.country_code
    UNION
    SELECT m.id, '001' FROM matching m
      WHERE NOT EXISTS (SELECT 1 FROM practice_region WHERE practice_id = m.id) AND NOT EXISTS (SELECT 1 FROM practice_country WHERE practice_id = m.id)`,
  [CoverageDimension.SCOPE]: `SELECT m.id AS practice_id, p.scope AS bucket FROM matching m JOIN practice p ON p.id = m.id`,
  [CoverageDimension.IMPLEMENTER_KIND]: `
    SELECT DISTINCT m.id AS practice_id, o.kind AS bucket FROM matching m
      JOIN practice_organization po ON po.practice_id = m.id AND po.role = 'IMPLEMENTER' JOIN organization o ON o.id = po.organization_id`,
  [CoverageDimension.START_YEAR]: `
    SELECT m.id AS practice_id, coalesce(extract(year FROM p.start_date)::int::text, 'unknown') AS bucket FROM matching m JOIN practice p ON p.id = m.id`,
  [CoverageDimension.GUIDING_PRINCIPLE]: `SELECT m.id AS practice_id, g.principle_code AS bucket FROM matching m JOIN practice_guiding_principle g ON g.practice_id = m.id`,
};

const LABEL: Record<CoverageDimension, string> = {
  [CoverageDimension.REGION]: `coalesce((SELECT name FROM region WHERE code = b.bucket), 'World (no region or country tagged)')`,
  [CoverageDimension.GUIDING_PRINCIPLE]: `coalesce((SELECT title->>'en' FROM guiding_principle WHERE code = b.bucket), b.bucket)`,
  [CoverageDimension.SCOPE]: 'b.bucket',
  [CoverageDimension.IMPLEMENTER_KIND]: 'b.bucket',
  [CoverageDimension.START_YEAR]: 'b.bucket',
};

/**
 * Published practices matching `conditions` (over `t`, built on `params`), counted per
 * objective × bucket of `by`. One statement; rows with a zero count are left out.
 */
export function coverage(sql: Sql, policy: VisibilityPolicy, by: CoverageDimension, conditions: string[], params: SqlParams): Promise<CoverageRecord[]> {
  const where = [policy.analysed('t'), ...conditions].join(' AND ');
  return sql.query<CoverageRecord>(`/* objectiveCoverage_${by} */
    WITH matching AS (SELECT t.id FROM practice t WHERE ${where}),
    buckets AS (${BUCKETS[by]}),
    counted AS (
      SELECT l.objective_number, b.bucket, count(DISTINCT b.practice_id)::int AS n
      FROM buckets b JOIN practice_objective l ON l.practice_id = b.practice_id
      GROUP BY 1, 2)
    SELECT b.objective_number AS "objectiveNumber", b.bucket, ${LABEL[by]} AS label, b.n AS "practiceCount"
    FROM counted b ORDER BY b.objective_number, b.bucket`, params.values);
}
