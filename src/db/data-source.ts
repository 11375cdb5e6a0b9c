import 'reflect-metadata';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../modules';
import { MIGRATIONS } from './migrations';
import { CountingLogger } from './statement-counter';

export interface DataSourceOptions {
  url: string;
  /** Pool size; the default suits one process on a small machine. */
  poolSize?: number;
  /** Print every statement (HUBGRAPH_LOG_SQL). */
  echoSql?: boolean;
  /** statement_timeout of every pooled connection, in ms (reads; writes set their own per transaction). */
  statementTimeoutMs?: number;
  /**
   * pg's pipeline mode for every connection (HUBGRAPH_DB_PIPELINE, default on): an operation's
   * reads of one tick go out on one connection in one write (see DbSession).
   */
  pipeline?: boolean;
}

/**
 * pg-pool's hook for each new connection: an 'error' listener for the connection's whole life.
 * pg-pool listens only while a client is idle, and a checked-out client whose backend dies while
 * it runs nothing (PostgreSQL stopping: 57P01) emits 'error'; with nobody listening that throws
 * out of the event loop and ends the process. Nothing is lost by swallowing it here: the client
 * is no longer queryable, so its next statement fails and its release drops it from the pool.
 */
function listenForErrorsForLife(client: PoolClient): void {
  client.on('error', () => undefined);
}

/**
 * The one DataSource shape used by the server, the seeds, the tests and the TypeORM CLI.
 * Schema changes only ever come from migrations; `synchronize` stays off everywhere.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logger: new CountingLogger(options.echoSql ?? false),
    maxQueryExecutionTime: 2000,
    extra: {
      max: options.poolSize ?? 10,
      application_name: 'hub-graph',
      // A database that does not answer must not hang requests: connecting gives up after 5 s.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      onConnect: listenForErrorsForLife,
      pipeline: options.pipeline ?? true,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  });
}
