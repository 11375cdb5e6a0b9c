import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { noteStatement } from './statement-counter';

/** The only way stores and services reach PostgreSQL: one parameterized statement per call. */
export interface Sql {
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
}

/** The pg pool under a DataSource (loaders and sessions skip TypeORM's per-query machinery). */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/**
 * An Sql straight on the DataSource's pg pool, outside any GraphQL operation (the export
 * CLI, seeds): each call is counted by the current StatementCounter, if any.
 */
export function sqlOf(dataSource: DataSource): Sql {
  const pool = poolOf(dataSource);
  return {
    async query<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
      noteStatement(text);
      const result = await pool.query(text, params);
      return result.rows as Row[];
    },
  };
}
