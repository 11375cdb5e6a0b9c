import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published resources per objective, kept current in the writing transaction: an objective
 * page's unfiltered `resources.totalCount` reads one row instead of counting (6–7 ms at
 * `large` for objective 10, the larger part of the objective page's PostgreSQL time).
 *
 * Statement-level triggers recount the touched objectives from the base tables (a change of
 * a resource's status; links added, removed or moved; a deleted resource's links go by
 * cascade), under one advisory lock so that two writers' recounts do not interleave: the
 * second recount starts after the first writer committed, and sees its rows. A bulk load
 * (`hubgraph.bulk_load`) skips them and calls hub_objective_resource_rebuild() at its end.
 */
const SKIP_WHEN_BULK_LOADING = `IF current_setting('hubgraph.bulk_load', true) = 'on' THEN RETURN NULL; END IF;`;

const UP: string[] = [
  `CREATE TABLE objective_resource_count (
    objective_number smallint PRIMARY KEY,
    n integer NOT NULL CHECK (n > 0)
  )`,
  `CREATE FUNCTION hub_objective_resource_refresh(objectives smallint[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    IF objectives IS NULL OR cardinality(objectives) = 0 THEN RETURN; END IF;
    PERFORM pg_advisory_xact_lock(724003);
    DELETE FROM objective_resource_count WHERE objective_number = ANY(objectives);
    INSERT INTO objective_resource_count (objective_number, n)
      SELECT l.objective_number, count(*) FROM resource_objective l JOIN resource r ON r.id = l.resource_id
      WHERE l.objective_number = ANY(objectives) AND r.status = 'PUBLISHED' GROUP BY 1;
  END $$`,
  `CREATE FUNCTION hub_objective_resource_rebuild() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(724003);
    DELETE FROM objective_resource_count;
    INSERT INTO objective_resource_count (objective_number, n)
      SELECT l.objective_number, count(*) FROM resource_objective l JOIN resource r ON r.id = l.resource_id
      WHERE r.status = 'PUBLISHED' GROUP BY 1;
  END $$`,
  `CREATE FUNCTION hub_objective_resource_links() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${SKIP_WHEN_BULK_LOADING}
    PERFORM hub_objective_resource_refresh(ARRAY(SELECT DISTINCT objective_number FROM changed_rows ORDER BY 1));
    RETURN NULL;
  END $$`,
  `CREATE FUNCTION hub_objective_resource_status() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${SKIP_WHEN_BULK_LOADING}
    PERFORM hub_objective_resource_refresh(ARRAY(
      SELECT DISTINCT l.objective_number FROM new_rows n JOIN old_rows o ON o.id = n.id
      JOIN resource_objective l ON l.resource_id = n.id
      WHERE n.status IS DISTINCT FROM o.status ORDER BY 1));
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER resource_objective_count_status AFTER UPDATE ON resource REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_resource_status()`,
  `CREATE TRIGGER resource_objective_count_insert AFTER INSERT ON resource_objective REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_resource_links()`,
  `CREATE TRIGGER resource_objective_count_delete AFTER DELETE ON resource_objective REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_resource_links()`,
  `CREATE TRIGGER resource_objective_count_update_new AFTER UPDATE ON resource_objective REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_resource_links()`,
  `CREATE TRIGGER resource_objective_count_update_old AFTER UPDATE ON resource_objective REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hub_objective_resource_links()`,
  'SELECT hub_objective_resource_rebuild()',
];

const DOWN: string[] = [
  ...['insert', 'delete', 'update_new', 'update_old'].map((op) => `DROP TRIGGER IF EXISTS resource_objective_count_${op} ON resource_objective`),
  'DROP TRIGGER IF EXISTS resource_objective_count_status ON resource',
  'DROP FUNCTION IF EXISTS hub_objective_resource_status(), hub_objective_resource_links(), hub_objective_resource_rebuild(), hub_objective_resource_refresh(smallint[])',
  'DROP TABLE IF EXISTS objective_resource_count',
];

export class ObjectiveResourceCounts1764600000000 implements MigrationInterface {
  name = 'ObjectiveResourceCounts1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const statement of UP) await q.query(statement);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const statement of DOWN) await q.query(statement);
  }
}
