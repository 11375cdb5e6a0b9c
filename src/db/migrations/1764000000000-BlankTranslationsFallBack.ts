import { MigrationInterface, QueryRunner } from 'typeorm';
import { CONTENT_TABLES, derivedFunctionSql, recomputeSearchSql } from '../content-derived-sql';

/**
 * A blank translation (e.g. `"fr": " "`) now falls back to English in the search vectors,
 * as it already did on display: the trigger functions are replaced and every row's vectors
 * recomputed. Databases created after this fix get the same functions from the first
 * migration, so this one only recomputes there.
 */
export class BlankTranslationsFallBack1764000000000 implements MigrationInterface {
  name = 'BlankTranslationsFallBack1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, { epochMs, body }] of Object.entries(CONTENT_TABLES)) {
      await q.query(derivedFunctionSql(table, epochMs, body));
      await q.query(recomputeSearchSql(table, body));
    }
  }

  public async down(): Promise<void> {
    // Nothing to undo: the previous functions indexed blank translations as empty text.
  }
}
