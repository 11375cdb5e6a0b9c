import type { Pool, PoolClient } from 'pg';
import type { Sql } from './sql';
import { StatementCounter } from './statement-counter';

export interface SessionOptions {
  /** `SET LOCAL statement_timeout` of every transaction, in milliseconds. */
  statementTimeoutMs: number;
}

/**
 * The database as one GraphQL operation sees it: every statement counted on the
 * operation's counter; reads on the pool (so a batch of loaders runs in parallel); writes
 * in `transaction(fn)`, on one checked-out client, all or nothing.
 */
export class DbSession implements Sql {
  constructor(
    private readonly pool: Pool,
    readonly statements: StatementCounter,
    private readonly options: SessionOptions,
  ) {}

  private note(text: string): void {
    this.statements.count += 1;
    this.statements.statements?.push(text);
  }

  async query<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
    this.note(text);
    const result = await this.pool.query(text, params);
    return result.rows as Row[];
  }

  /**
   * Runs `work` in one transaction on one client: BEGIN, `SET LOCAL statement_timeout`,
   * the work's statements, COMMIT. Anything thrown rolls everything back and is rethrown.
   * `work` must use the `Sql` it is given (not this session) for its statements.
   */
  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const client: PoolClient = await this.pool.connect();
    const tx: Sql = {
      query: async <Row>(text: string, params: unknown[] = []) => {
        this.note(text);
        return (await client.query(text, params)).rows as Row[];
      },
    };
    let broken: Error | undefined;
    try {
      this.note('BEGIN');
      // One round trip for both: a simple-protocol multi-statement string.
      await client.query(`BEGIN; SET LOCAL statement_timeout = ${Math.trunc(this.options.statementTimeoutMs)}`);
      const result = await work(tx);
      this.note('COMMIT');
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError as Error; // the connection is unusable: the pool must drop it
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
