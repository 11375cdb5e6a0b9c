import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { Client, type ClientConfig, type Pool, type PoolClient } from 'pg';
import type { DatabaseHealth } from './database-health';
import type { Sql } from './sql';
import { StatementCounter } from './statement-counter';

export interface SessionOptions {
  /** `SET LOCAL statement_timeout` of every transaction, in milliseconds. */
  statementTimeoutMs: number;
  /** Aborted when the request's deadline passes or its client goes away: no further statements, the running ones cancelled. */
  signal?: AbortSignal;
  /** Told about connection failures and successes (503 answers while the database is down). */
  health?: DatabaseHealth;
  /**
   * Send single-statement texts as named prepared statements (PostgreSQL keeps their plans
   * per connection). Default true; false when texts embed per-caller literals (a signed-in
   * caller's visibility predicates), which would make unbounded names per connection.
   */
  prepare?: boolean;
}

/** At most this many named statements per connection; past it, texts go unnamed. */
export const MAX_PREPARED_PER_CONNECTION = 500;

const statementNames = new Map<string, string>();

/**
 * Starts a statement whose best plan depends on its parameter values (a range over dates a
 * client chose, where only the value tells how many rows match): it is sent unnamed and
 * planned with its values. Every named statement runs with a generic plan instead: planned
 * once per connection and kept. With PostgreSQL's default (`plan_cache_mode = auto`) most of
 * ours were planned again on every execution, because a generic plan's estimate for
 * `= ANY($1)` or `LIMIT $2` looks costlier than a plan for the values at hand: measured at
 * `large`, 0.2–1.0 ms of planning for 0.02–0.5 ms of execution per statement, 2.7 ms of the
 * home page's 4.4 ms of PostgreSQL time.
 */
export const CUSTOM_PLAN = '/* plan: custom */ ';

type PlanMode = 'force_generic_plan' | 'auto';

/**
 * The `plan_cache_mode` each pooled connection was last SET to by a session; none known for
 * a new connection or after a transaction (a SET inside one is undone by its ROLLBACK).
 */
const planModes = new WeakMap<PoolClient, PlanMode>();

/**
 * The prepared statement name of `text` (a short hash), or null for a text that cannot be
 * prepared: a multi-statement string (`BEGIN; SET LOCAL …`) or one without a statement.
 */
export function preparedName(text: string): string | null {
  if (text.includes(';')) return null; // conservative: a ';' anywhere may separate statements
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `hg_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (statementNames.size >= 5000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

/** `pg_cancel_backend` for each pid, over one short-lived connection outside the pool; never throws. */
async function cancelBackends(pool: Pool, pids: number[]): Promise<void> {
  const client = new Client({ ...(pool as unknown as { options: ClientConfig }).options, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('/* cancel */ SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
  } catch {
    // Nothing to do: the statement ends by itself, at the latest at its statement_timeout.
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** pg 8's per-connection record of the statements it prepared (name → text). */
function preparedOn(client: PoolClient): Record<string, string> | null {
  const connection = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection;
  return connection?.parsedStatements ?? null;
}

/** Why an operation was cut short: its deadline passed, or its client went away. */
export class OperationAborted extends GraphQLError {
  constructor(reason: unknown) {
    // By name, not `instanceof Error`: AbortSignal.timeout's reason is a DOMException of Node's own
    // realm, which is no instance of the Error of another realm (a vm context, e.g. jest's).
    const timeout = (reason as { name?: unknown } | null)?.name === 'TimeoutError';
    super(
      timeout
        ? 'The request ran past its deadline and was cancelled; ask for less (a smaller `first`, fewer nested lists) or retry.'
        : 'The request was cancelled because its client went away.',
      { extensions: { code: timeout ? 'REQUEST_TIMEOUT' : 'CLIENT_CLOSED_REQUEST', http: { status: timeout ? 504 : 499 } } },
    );
  }
}

/**
 * The database as one GraphQL operation sees it: every statement counted on the
 * operation's counter; reads each on a pool client (so a batch of loaders runs in parallel);
 * writes in `transaction(fn)`, on one checked-out client, all or nothing. When the signal
 * aborts, no further statement starts and the running ones are cancelled in PostgreSQL.
 */
export class DbSession implements Sql {
  private readonly active = new Map<PoolClient, Promise<unknown> | null>();
  /**
   * The 'error' listener of each checked-out client and what it heard. pg-pool listens only
   * to idle clients: a connection that dies while checked out between (or right after) its
   * statements emits 'error' with nobody listening, which throws out of the event loop and
   * ends the process (seen when PostgreSQL stops under load).
   */
  private readonly lost = new Map<PoolClient, { listener: (error: Error) => void; error: Error | null }>();

  constructor(
    private readonly pool: Pool,
    readonly statements: StatementCounter,
    private readonly options: SessionOptions,
  ) {
    options.signal?.addEventListener('abort', () => this.cancelRunning(), { once: true });
  }

  private note(text: string): void {
    this.statements.count += 1;
    this.statements.statements?.push(text);
  }

  private throwIfAborted(): void {
    if (this.options.signal?.aborted) throw new OperationAborted(this.options.signal.reason);
  }

  /**
   * Asks PostgreSQL to cancel what each busy client runs; the client is released only after
   * that. The cancel goes over a connection of its own, never the pool's: with the pool
   * exhausted (clients going away under load do this), a cancel waiting for a pool client
   * while its request holds one would stall every request until the connect timeout.
   */
  private cancelRunning(): void {
    const pids = new Map<PoolClient, number>();
    for (const [client, cancelling] of this.active) {
      const pid = (client as unknown as { processID?: number }).processID;
      if (!cancelling && pid) pids.set(client, pid);
    }
    if (pids.size === 0) return;
    const done = cancelBackends(this.pool, [...pids.values()]);
    for (const client of pids.keys()) this.active.set(client, done);
  }

  private async checkout(): Promise<PoolClient> {
    try {
      const client = await this.pool.connect();
      this.active.set(client, null);
      const entry = {
        error: null as Error | null,
        listener: (error: Error) => {
          entry.error ??= error;
          this.options.health?.failed(error);
        },
      };
      client.on('error', entry.listener);
      this.lost.set(client, entry);
      return client;
    } catch (error) {
      // Waiting for a free client of a full pool is load, not an outage: only a failure to open a connection counts.
      const saturated = this.pool.totalCount >= ((this.pool as unknown as { options: { max?: number } }).options.max ?? 10);
      if (!(saturated && /timeout exceeded when trying to connect/.test((error as Error).message ?? ''))) this.options.health?.failed(error);
      throw error;
    }
  }

  private async giveBack(client: PoolClient, broken?: Error): Promise<void> {
    const cancelling = this.active.get(client);
    this.active.delete(client);
    if (cancelling) await cancelling; // never hand a client to another request while its cancel is in flight
    const lost = this.lost.get(client);
    this.lost.delete(client);
    if (lost) client.off('error', lost.listener);
    // A connection that failed while checked out goes back as broken: the pool drops it.
    client.release(broken ?? lost?.error ?? undefined);
  }

  /** The prepared statement name to send `text` under on `client`, or null to send it unnamed. */
  private nameFor(client: PoolClient, text: string): string | null {
    if (this.options.prepare === false || text.startsWith(CUSTOM_PLAN)) return null;
    const name = preparedName(text);
    if (!name) return null;
    const prepared = preparedOn(client);
    if (!prepared) return null;
    if (prepared[name] !== undefined) return prepared[name] === text ? name : null;
    return Object.keys(prepared).length < MAX_PREPARED_PER_CONNECTION ? name : null;
  }

  private async run<Row>(client: PoolClient, text: string, params: unknown[]): Promise<Row[]> {
    // Aborted while waiting for a connection: the cancel went out before this statement existed.
    this.throwIfAborted();
    const epoch = this.options.health?.epoch;
    try {
      const name = this.nameFor(client, text);
      // Connection housekeeping, not counted as a statement of the operation: at most one SET per
      // connection, and one per switch between the two kinds of statement.
      const mode: PlanMode | null = name ? 'force_generic_plan' : text.startsWith(CUSTOM_PLAN) ? 'auto' : null;
      if (mode && planModes.get(client) !== mode) {
        await client.query(`SET plan_cache_mode = ${mode}`);
        planModes.set(client, mode);
        // Aborted during the SET: the cancel went out for the SET (or between the two), not for
        // the statement, which must not start now (it would run to its statement_timeout).
        this.throwIfAborted();
      }
      const result = name ? await client.query({ name, text, values: params }) : await client.query(text, params);
      this.options.health?.succeeded(epoch);
      return result.rows as Row[];
    } catch (error) {
      if (this.options.signal?.aborted) throw new OperationAborted(this.options.signal.reason);
      this.options.health?.failed(error);
      throw error;
    }
  }

  async query<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
    this.throwIfAborted();
    this.note(text);
    const client = await this.checkout();
    let broken: Error | undefined;
    try {
      return await this.run<Row>(client, text, params);
    } catch (error) {
      if (!(error instanceof GraphQLError) && (error as { code?: string }).code === undefined) broken = error as Error;
      throw error;
    } finally {
      await this.giveBack(client, broken);
    }
  }

  /**
   * Runs `work` in one transaction on one client: BEGIN, `SET LOCAL statement_timeout`,
   * the work's statements, COMMIT. Anything thrown rolls everything back and is rethrown.
   * `work` must use the `Sql` it is given (not this session) for its statements.
   */
  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    this.throwIfAborted();
    const client = await this.checkout();
    const tx: Sql = {
      query: async <Row>(text: string, params: unknown[] = []) => {
        this.throwIfAborted();
        this.note(text);
        return this.run<Row>(client, text, params);
      },
    };
    let broken: Error | undefined;
    try {
      this.note('BEGIN');
      // One round trip for both: a simple-protocol multi-statement string.
      await this.run(client, `BEGIN; SET LOCAL statement_timeout = ${Math.trunc(this.options.statementTimeoutMs)}`, []);
      const result = await work(tx);
      this.note('COMMIT');
      await this.run(client, 'COMMIT', []);
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError as Error; // the connection is unusable: the pool must drop it
      }
      throw error;
    } finally {
      planModes.delete(client);
      await this.giveBack(client, broken);
    }
  }
}
