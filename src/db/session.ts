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
  /**
   * With a pool in pg's pipeline mode: the reads of one tick share one connection and one
   * write (default true). false: each read on a connection of its own, one round trip each.
   */
  pipeline?: boolean;
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

/**
 * `pg_cancel_backend` for each pid (`pg_terminate_backend` for those in `terminate`: a
 * connection with statements queued behind the running one, which a cancel would let run),
 * over one short-lived connection outside the pool; never throws.
 */
async function cancelBackends(pool: Pool, pids: number[], terminate: number[] = []): Promise<void> {
  const client = new Client({ ...(pool as unknown as { options: ClientConfig }).options, connectionTimeoutMillis: 2000, pipeline: false } as ClientConfig);
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(
      '/* cancel */ SELECT CASE WHEN pid = ANY($2::int[]) THEN pg_terminate_backend(pid, 2000) ELSE pg_cancel_backend(pid) END FROM unnest($1::int[]) AS pid',
      [pids, terminate],
    );
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

/** pg's pipeline mode (pg ≥ 8.21, the pool's `pipeline: true`): statements are written without waiting for the ones before. */
function pipelined(client: PoolClient): boolean {
  return (client as unknown as { pipeline?: boolean }).pipeline === true;
}

/** Whether the pool's connections are in pg's pipeline mode. */
function pipelinedPool(pool: Pool): boolean {
  return (pool as unknown as { options?: { pipeline?: boolean } }).options?.pipeline === true;
}

/** The socket of a pg client, to cork while a batch of statements is written. */
function socketOf(client: PoolClient): { cork(): void; uncork(): void } | null {
  return (client as unknown as { connection?: { stream?: { cork(): void; uncork(): void } } }).connection?.stream ?? null;
}

/** The connection an operation's reads share while any is outstanding on it. */
interface Reader {
  client: Promise<PoolClient>;
  /** The client, once checked out (a cancel terminates it while statements are queued on it). */
  connection: PoolClient | null;
  /** Statements sent (or about to be) and not yet answered: more than one, and a cancel terminates instead. */
  outstanding: number;
  /** The socket is corked until the next tick: the statements of this tick go out in one write. */
  corked: boolean;
  /** A connection-level failure of one of its statements: the pool must drop the connection. */
  broken?: Error;
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
 * operation's counter; reads pipelined on one pool client while any is outstanding (with a
 * pool in pg's pipeline mode; else each on a pool client of its own); writes in
 * `transaction(fn)`, on one checked-out client, all or nothing. When the signal aborts, no
 * further statement starts and the running ones are cancelled in PostgreSQL (a connection
 * with statements queued behind the running one is terminated).
 */
export class DbSession implements Sql {
  private readonly active = new Map<PoolClient, Promise<unknown> | null>();
  /** With a pipelined pool: the connection this operation's reads share while any is outstanding. */
  private reader: Reader | null = null;
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
    const terminate: number[] = [];
    for (const [client, cancelling] of this.active) {
      const pid = (client as unknown as { processID?: number }).processID;
      if (!cancelling && pid) {
        pids.set(client, pid);
        // Statements already written behind the running one would each run after its cancel.
        const reader = this.reader;
        if (reader?.connection === client && reader.outstanding > 1) {
          terminate.push(pid);
          reader.broken ??= new Error('terminated by the cancel of its operation'); // the pool must drop it
        }
      }
    }
    if (pids.size === 0) return;
    const done = cancelBackends(this.pool, [...pids.values()], terminate);
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
          // A backend this operation's own cancel terminated says nothing about the database.
          if (!this.options.signal?.aborted) this.options.health?.failed(error);
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
        planModes.set(client, mode);
        const set = client.query(`SET plan_cache_mode = ${mode}`);
        if (pipelined(client)) {
          // Written just before the statement, on the same connection, which runs them in order:
          // no round trip of its own. If it fails, so does the connection's next use of the mode.
          set.catch(() => planModes.delete(client));
        } else {
          try {
            await set;
          } catch (error) {
            planModes.delete(client);
            throw error;
          }
          // Aborted during the SET: the cancel went out for the SET (or between the two), not for
          // the statement, which must not start now (it would run to its statement_timeout).
          this.throwIfAborted();
        }
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
    if (this.options.pipeline !== false && pipelinedPool(this.pool)) {
      // The first read opens the shared connection; the others of its tick join it.
      this.reader ??= { client: this.checkout(), connection: null, outstanding: 0, corked: false };
      return this.pipelinedQuery<Row>(this.reader, text, params);
    }
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
   * A read on the operation's shared connection. The reads a page issues together (the
   * loaders of one tick) are written in one go and answered in order, each with its own Sync
   * (one failing does not fail the others); the connection goes back to the pool when none
   * is outstanding. One write and one connection instead of one of each per statement: a
   * write to a socket was the server's largest single cost on the home page.
   */
  private async pipelinedQuery<Row>(reader: Reader, text: string, params: unknown[]): Promise<Row[]> {
    reader.outstanding += 1;
    let client: PoolClient | null = null;
    try {
      client = await reader.client;
      reader.connection ??= client;
      if (!reader.corked) {
        const socket = socketOf(client);
        if (socket) {
          reader.corked = true;
          socket.cork();
          process.nextTick(() => {
            reader.corked = false;
            socket.uncork();
          });
        }
      }
      return await this.run<Row>(client, text, params);
    } catch (error) {
      if (!(error instanceof GraphQLError) && (error as { code?: string }).code === undefined) reader.broken ??= error as Error;
      throw error;
    } finally {
      reader.outstanding -= 1;
      if (reader.outstanding === 0) {
        if (this.reader === reader) this.reader = null;
        if (client) {
          await this.giveBack(client, reader.broken);
        }
      }
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
