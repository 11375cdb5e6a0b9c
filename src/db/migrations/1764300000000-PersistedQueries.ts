import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automatic persisted queries shared by every instance on the database
 * (HUBGRAPH_APQ_STORE=postgres, src/cache/apq-store.ts): `key` is Apollo's `apq:<sha256>`,
 * `value` the document. Rows past `expires_at` are ignored and swept; `stored_at` orders the
 * eviction that keeps the table bounded.
 */
export class PersistedQueries1764300000000 implements MigrationInterface {
  name = 'PersistedQueries1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE persisted_query (
        key text PRIMARY KEY CHECK (length(key) <= 200),
        value text NOT NULL,
        expires_at timestamptz,
        stored_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX persisted_query_stored_at_idx ON persisted_query (stored_at DESC, key)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE persisted_query`);
  }
}
