import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maintained aggregates of the objective network over PUBLISHED practices, by key:
 *   ''            every published practice
 *   'r:<M49>'     tagged with the region, or a region or country inside it (any ancestor,
 *                 as the filter's `regions` means)
 *   's:<SCOPE>'   of the scope
 *   'y:<YYYY>'    starting in the year
 *   'k:<KIND>'    with an implementer of the organization kind
 *
 * objective_agg_total(key, n)                        practices per key
 * objective_agg_count(key, objective_number, n)      practices per key and objective
 * objective_agg_pair(key, source, target, n)         practices per key and pair, source < target
 * objective_agg_practice(practice_id, keys, objectives)  what each published practice adds,
 *                                                    so a change subtracts exactly that
 *
 * Statement-level triggers (transition tables) call hub_objective_agg_refresh(ids) for the
 * touched practices in the writing transaction: it subtracts their stored contribution, adds
 * the current one, and drops rows that reach 0. A bulk load (`hubgraph.bulk_load`) skips
 * them and calls hub_objective_agg_rebuild() at its end.
 */
const SKIP_WHEN_BULK_LOADING = `IF current_setting('hubgraph.bulk_load', true) = 'on' THEN RETURN NULL; END IF;`;

/** The keys and objectives of the published practices among `ids` (NULL: all of them). */
const CONTRIBUTIONS = (ids: string) => `
  SELECT p.id AS practice_id,
    ARRAY(
      SELECT '' UNION
      SELECT 's:' || p.scope UNION
      SELECT 'y:' || extract(year FROM p.start_date)::int WHERE p.start_date IS NOT NULL UNION
      SELECT 'r:' || rc.ancestor FROM practice_region fr JOIN region_closure rc ON rc.code = fr.region_code WHERE fr.practice_id = p.id UNION
      SELECT 'r:' || rc.ancestor FROM practice_country fc JOIN country c ON c.code = fc.country_code
        JOIN region_closure rc ON rc.code = c.subregion_code WHERE fc.practice_id = p.id UNION
      SELECT 'k:' || o.kind FROM practice_organization fi JOIN organization o ON o.id = fi.organization_id
        WHERE fi.practice_id = p.id AND fi.role = 'IMPLEMENTER'
      ORDER BY 1) AS keys,
    ARRAY(SELECT l.objective_number FROM practice_objective l WHERE l.practice_id = p.id ORDER BY 1) AS objectives
  FROM practice p WHERE p.status = 'PUBLISHED' AND ${ids}`;

const UP: string[] = [
  `CREATE TABLE objective_agg_practice (
    practice_id uuid PRIMARY KEY,
    keys text[] NOT NULL,
    objectives smallint[] NOT NULL
  )`,
  `CREATE TABLE objective_agg_total (
    key text PRIMARY KEY,
    n integer NOT NULL
  )`,
  `CREATE TABLE objective_agg_count (
    key text NOT NULL,
    objective_number smallint NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (key, objective_number)
  )`,
  `CREATE TABLE objective_agg_pair (
    key text NOT NULL,
    source smallint NOT NULL,
    target smallint NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (key, source, target),
    CHECK (source < target)
  )`,
  `CREATE FUNCTION hub_objective_agg_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
    -- One writer of a practice's contribution at a time, in a fixed order.
    PERFORM pg_advisory_xact_lock(724002);
    CREATE TEMP TABLE IF NOT EXISTS objective_agg_delta (sign int, keys text[], objectives smallint[]) ON COMMIT DROP;
    TRUNCATE objective_agg_delta;
    WITH gone AS (DELETE FROM objective_agg_practice a WHERE a.practice_id = ANY(ids) RETURNING a.keys, a.objectives)
    INSERT INTO objective_agg_delta SELECT -1, keys, objectives FROM gone;
    WITH fresh AS (INSERT INTO objective_agg_practice ${CONTRIBUTIONS('p.id = ANY(ids)')} RETURNING keys, objectives)
    INSERT INTO objective_agg_delta SELECT 1, keys, objectives FROM fresh;

    INSERT INTO objective_agg_total AS t (key, n)
      SELECT k, sum(sign) FROM objective_agg_delta, unnest(keys) k GROUP BY k HAVING sum(sign) <> 0 ORDER BY k
      ON CONFLICT (key) DO UPDATE SET n = t.n + excluded.n;
    INSERT INTO objective_agg_count AS t (key, objective_number, n)
      SELECT k, o, sum(sign) FROM objective_agg_delta, unnest(keys) k, unnest(objectives) o GROUP BY k, o HAVING sum(sign) <> 0 ORDER BY k, o
      ON CONFLICT (key, objective_number) DO UPDATE SET n = t.n + excluded.n;
    INSERT INTO objective_agg_pair AS t (key, source, target, n)
      SELECT k, a, b, sum(sign) FROM objective_agg_delta, unnest(keys) k, unnest(objectives) a, unnest(objectives) b
      WHERE a < b GROUP BY k, a, b HAVING sum(sign) <> 0 ORDER BY k, a, b
      ON CONFLICT (key, source, target) DO UPDATE SET n = t.n + excluded.n;
    DELETE FROM objective_agg_total WHERE n = 0;
    DELETE FROM objective_agg_count WHERE n = 0;
    DELETE FROM objective_agg_pair WHERE n = 0;
  END $$`,
  `CREATE FUNCTION hub_objective_agg_rebuild() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(724002);
    DELETE FROM objective_agg_practice;
    DELETE FROM objective_agg_total;
    DELETE FROM objective_agg_count;
    DELETE FROM objective_agg_pair;
    INSERT INTO objective_agg_practice ${CONTRIBUTIONS('true')};
    INSERT INTO objective_agg_total SELECT k, count(*) FROM objective_agg_practice, unnest(keys) k GROUP BY k;
    INSERT INTO objective_agg_count SELECT k, o, count(*) FROM objective_agg_practice, unnest(keys) k, unnest(objectives) o GROUP BY k, o;
    INSERT INTO objective_agg_pair SELECT k, a, b, count(*) FROM objective_agg_practice, unnest(keys) k, unnest(objectives) a, unnest(objectives) b
      WHERE a < b GROUP BY k, a, b;
  END $$`,
  // Links and tags: every practice of the changed rows.
  `CREATE FUNCTION hub_objective_agg_links() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${SKIP_WHEN_BULK_LOADING}
    PERFORM hub_objective_agg_refresh(ARRAY(SELECT DISTINCT practice_id FROM changed_rows ORDER BY 1));
    RETURN NULL;
  END $$`,
  // Practices: new and deleted ones, and updates of what the aggregates look at.
  `CREATE FUNCTION hub_objective_agg_practice_rows() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${SKIP_WHEN_BULK_LOADING}
    PERFORM hub_objective_agg_refresh(ARRAY(SELECT DISTINCT id FROM changed_rows ORDER BY 1));
    RETURN NULL;
  END $$`,
  `CREATE FUNCTION hub_objective_agg_practice_update() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${SKIP_WHEN_BULK_LOADING}
    PERFORM hub_objective_agg_refresh(ARRAY(
      SELECT DISTINCT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.status IS DISTINCT FROM o.status OR n.scope IS DISTINCT FROM o.scope OR n.start_date IS DISTINCT FROM o.start_date
      ORDER BY 1));
    RETURN NULL;
  END $$`,
  // An organization changing kind moves the practices it implements.
  `CREATE FUNCTION hub_objective_agg_organization_update() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${SKIP_WHEN_BULK_LOADING}
    PERFORM hub_objective_agg_refresh(ARRAY(
      SELECT DISTINCT fi.practice_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      JOIN practice_organization fi ON fi.organization_id = n.id AND fi.role = 'IMPLEMENTER'
      WHERE n.kind IS DISTINCT FROM o.kind ORDER BY 1));
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER practice_objective_agg_insert AFTER INSERT ON practice REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_agg_practice_rows()`,
  `CREATE TRIGGER practice_objective_agg_delete AFTER DELETE ON practice REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_agg_practice_rows()`,
  `CREATE TRIGGER practice_objective_agg_update AFTER UPDATE ON practice REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_agg_practice_update()`,
  `CREATE TRIGGER organization_objective_agg_update AFTER UPDATE ON organization REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_agg_organization_update()`,
  ...['practice_objective', 'practice_region', 'practice_country', 'practice_organization'].flatMap((table) => [
    `CREATE TRIGGER ${table}_objective_agg_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_agg_links()`,
    `CREATE TRIGGER ${table}_objective_agg_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_agg_links()`,
    `CREATE TRIGGER ${table}_objective_agg_update_new AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_agg_links()`,
    `CREATE TRIGGER ${table}_objective_agg_update_old AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_agg_links()`,
  ]),
  'SELECT hub_objective_agg_rebuild()',
];

const DOWN: string[] = [
  ...['practice_objective', 'practice_region', 'practice_country', 'practice_organization'].flatMap((table) =>
    ['insert', 'delete', 'update_new', 'update_old'].map((op) => `DROP TRIGGER IF EXISTS ${table}_objective_agg_${op} ON ${table}`),
  ),
  'DROP TRIGGER IF EXISTS organization_objective_agg_update ON organization',
  'DROP TRIGGER IF EXISTS practice_objective_agg_update ON practice',
  'DROP TRIGGER IF EXISTS practice_objective_agg_delete ON practice',
  'DROP TRIGGER IF EXISTS practice_objective_agg_insert ON practice',
  'DROP FUNCTION IF EXISTS hub_objective_agg_organization_update(), hub_objective_agg_practice_update(), hub_objective_agg_practice_rows(), hub_objective_agg_links(), hub_objective_agg_rebuild(), hub_objective_agg_refresh(uuid[])',
  'DROP TABLE IF EXISTS objective_agg_pair, objective_agg_count, objective_agg_total, objective_agg_practice',
];

export class ObjectiveAggregates1764500000000 implements MigrationInterface {
  name = 'ObjectiveAggregates1764500000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const statement of UP) await q.query(statement);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const statement of DOWN) await q.query(statement);
  }
}
