import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { seed, type SeedOptions } from '../../seeds/seed';

export interface TestDatabase {
  url: string;
  name: string;
  dataSource: DataSource;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.HUBGRAPH_TEST_ADMIN_URL;
  if (!url) throw new Error('HUBGRAPH_TEST_ADMIN_URL is not set: run the tests through jest (global setup starts PostgreSQL).');
  return url;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database on the test PostgreSQL, with a connected DataSource; migrated
 * unless `migrate: false`, and seeded when `seed` is given.
 */
export async function createTestDatabase(options: { migrate?: boolean; seed?: SeedOptions } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = adminUrl().replace(/\/postgres$/, `/${name}`);
  const dataSource = createDataSource({ url, poolSize: 5 });
  await dataSource.initialize();
  if (options.migrate !== false) await dataSource.runMigrations({ transaction: 'each' });
  if (options.seed) await seed(dataSource, options.seed);
  return {
    url,
    name,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
