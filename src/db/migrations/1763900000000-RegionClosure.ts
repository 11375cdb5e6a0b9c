import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * region_closure(code, ancestor): every region paired with itself and each region it lies
 * in, so "in Africa" is one equality however deep the M49 grouping is.
 */
export class RegionClosure1763900000000 implements MigrationInterface {
  name = 'RegionClosure1763900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW region_closure AS
      WITH RECURSIVE up(code, ancestor) AS (
        SELECT code, code FROM region
        UNION ALL
        SELECT up.code, r.parent_code FROM up JOIN region r ON r.code = up.ancestor WHERE r.parent_code IS NOT NULL)
      SELECT code, ancestor FROM up`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW IF EXISTS region_closure');
  }
}
