import { MigrationInterface, QueryRunner } from 'typeorm';

const LOCALES = ['en', 'fr', 'es'];

/**
 * orderBy: TITLE sorts by the title in the request locale, falling back to English (see
 * contentOrdering). One expression index per locale and table, on exactly that expression,
 * replaces the English-only index the order could not use.
 */
export class TitleOrderIndexes1764100000000 implements MigrationInterface {
  name = 'TitleOrderIndexes1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['practice', 'resource']) {
      await q.query(`DROP INDEX IF EXISTS ${table}_title_idx`);
      for (const locale of LOCALES) {
        await q.query(
          `CREATE INDEX ${table}_title_${locale}_idx ON ${table} ((lower(coalesce(nullif(btrim(title->>'${locale}'), ''), title->>'en'))), id) WHERE status = 'PUBLISHED'`,
        );
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['practice', 'resource']) {
      for (const locale of LOCALES) await q.query(`DROP INDEX IF EXISTS ${table}_title_${locale}_idx`);
      await q.query(`CREATE INDEX ${table}_title_idx ON ${table} ((lower(title->>'en')), id) WHERE status = 'PUBLISHED'`);
    }
  }
}
