import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

export interface OpenDatabase {
  dataSource: DataSource;
  /** Where it is: DATABASE_URL, or the embedded PostgreSQL's URL. */
  url: string;
  /** Closes the pool, then stops the embedded PostgreSQL if this process started one. */
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under `<dataDir>/pg` when
 * there is none. The DataSource is initialized; migrations are not run here.
 */
export async function openDatabase(config: Config, log: (line: string) => void = () => undefined): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    const directory = path.join(config.dataDir, 'pg');
    log(`no DATABASE_URL: starting embedded PostgreSQL in ${directory}`);
    embedded = await startEmbeddedPostgres({ directory, database: 'hubgraph' });
    url = embedded.url;
  }
  const dataSource = createDataSource({ url, statementTimeoutMs: config.statementTimeoutMs, pipeline: config.dbPipeline });
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    url,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
