import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { noteStatement } from './statement-counter';

/** The only way loaders and services reach PostgreSQL: one parameterized statement per call. */
export interface Sql {
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * An Sql straight on the DataSource's pg pool: the hot path of every request skips
 * TypeORM's per-query machinery (half the client CPU of a statement here). Every call is
 * counted by the request's StatementCounter.
 */
export function sqlOf(dataSource: DataSource): Sql {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return {
    async query<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
      noteStatement(text);
      const result = await pool.query(text, params);
      return result.rows as Row[];
    },
  };
}
