import type { DataSource } from 'typeorm';

/** The only way loaders and services reach PostgreSQL: one parameterized statement per call. */
export interface Sql {
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
}

/** An Sql over a TypeORM DataSource; every call is counted by the request's StatementCounter. */
export function sqlOf(dataSource: DataSource): Sql {
  return {
    query: <Row>(text: string, params: unknown[] = []) => dataSource.query(text, params) as Promise<Row[]>,
  };
}
