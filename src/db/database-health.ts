import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { logger as defaultLogger } from '../log/logger';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
  '57P01', '57P02', '57P03', // admin shutdown, crash shutdown, cannot connect now
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
  '53300', // too many connections
]);

/** Whether an error means "the database cannot be reached" (rather than "this statement failed"). */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && CONNECTION_CODES.has(e.code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error|Connection refused/i.test(e.message ?? '');
}

/**
 * Whether the database is reachable, as the process sees it. A connection failure marks it
 * down (one log line), after which requests are answered 503 at once while a probe retries
 * with backoff (0.5 s doubling to 10 s); the first success marks it up again (one log line).
 */
export class DatabaseHealth {
  private downSince: number | null = null;
  private reason = '';
  private probing: NodeJS.Timeout | null = null;
  private delay = 500;
  private stopped = false;
  /** How many times the database was marked down: a statement's `epoch` when it started. */
  private downs = 0;

  constructor(private readonly pool: Pool, private readonly log: Logger = defaultLogger, private readonly probeTimeoutMs = 2000) {}

  get up(): boolean {
    return this.downSince === null;
  }

  /**
   * Take this when a statement starts and hand it to `succeeded`: a statement that was
   * already running when the database was marked down (and then finished, on a connection
   * that lasted a little longer) is no evidence that it is back.
   */
  get epoch(): number {
    return this.downs;
  }

  /** Seconds a client should wait before retrying. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.delay / 1000));
  }

  status(): { database: 'up' | 'down'; downForMs?: number; reason?: string } {
    return this.downSince === null ? { database: 'up' } : { database: 'down', downForMs: Date.now() - this.downSince, reason: this.reason };
  }

  /** Reports a failed statement or connection; only connection errors count. Returns whether it was one. */
  failed(error: unknown): boolean {
    if (!isConnectionError(error)) return false;
    this.markDown(error);
    return true;
  }

  private markDown(error: unknown): void {
    if (this.downSince !== null) return;
    this.downs += 1;
    this.downSince = Date.now();
    this.reason = (error as Error)?.message ?? String(error);
    this.delay = 500;
    this.log.error({ event: 'database_down', reason: this.reason }, 'database unreachable: answering 503 SERVICE_UNAVAILABLE until it is back');
    this.scheduleProbe();
  }

  /** Reports a statement that succeeded; with the `epoch` it started in, one that started before the database was marked down is ignored. */
  succeeded(epoch?: number): void {
    if (this.downSince === null) return;
    if (epoch !== undefined && epoch !== this.downs) return;
    this.log.info({ event: 'database_up', downForMs: Date.now() - this.downSince }, 'database reachable again');
    this.downSince = null;
    if (this.probing) clearTimeout(this.probing);
    this.probing = null;
  }

  private scheduleProbe(): void {
    if (this.stopped || this.probing) return;
    this.probing = setTimeout(() => {
      this.probing = null;
      void this.probe();
    }, this.delay);
    this.probing.unref();
  }

  /** One `SELECT 1`, bounded in time: marks the database up or down; while down, the next one later. */
  async probe(): Promise<boolean> {
    const epoch = this.downs;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.pool.query('/* probe */ SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('probe timed out')), this.probeTimeoutMs);
        }),
      ]);
      this.succeeded(epoch);
      return this.downSince === null;
    } catch (error) {
      if (this.downSince === null) {
        this.markDown(error);
      } else {
        this.delay = Math.min(this.delay * 2, 10_000);
        this.scheduleProbe();
      }
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.probing) clearTimeout(this.probing);
  }
}
