import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';
import { RateLimitedLog } from '../log/logger';

const typeormLog = new RateLimitedLog();

/** Statements one request sent to PostgreSQL. */
export class StatementCounter {
  count = 0;
  /** The statements themselves, kept only when asked for (tests, debugging). */
  readonly statements: string[] | null;

  constructor(options: { keepStatements?: boolean } = {}) {
    this.statements = options.keepStatements ? [] : null;
  }
}

const current = new AsyncLocalStorage<StatementCounter>();

/** Counts one statement against the current request's counter, if any. */
export function noteStatement(text: string): void {
  const counter = current.getStore();
  if (counter) {
    counter.count += 1;
    counter.statements?.push(text);
  }
}

/** Runs `work` so that every statement it causes, however deep, is counted on `counter`. */
export function countStatements<T>(counter: StatementCounter, work: () => T): T {
  return current.run(counter, work);
}

/**
 * TypeORM logger that counts every query reaching PostgreSQL against the counter of the
 * request it belongs to. It prints query errors and warnings, and every query when `echo`.
 */
export class CountingLogger implements Logger {
  constructor(private readonly echo = false) {}

  logQuery(query: string, parameters?: unknown[]): void {
    noteStatement(query);
    if (this.echo) console.error(`[sql] ${query} ${parameters?.length ? JSON.stringify(parameters) : ''}`);
  }

  logQueryError(error: string | Error, query: string): void {
    // Constraint violations are expected input errors; they are reported to the caller.
    if (this.echo) console.error(`[sql:error] ${String(error)} in ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    if (query.startsWith('/* seed ')) return; // bulk loads are slow by nature
    console.error(`[sql:slow] ${time} ms: ${query.slice(0, 200)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    if (this.echo) console.error(`[migration] ${message}`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    // e.g. "Postgres pool raised an error" once per dropped connection during an outage: rate-limited.
    if (level === 'warn') typeormLog.warn('typeorm', { message: String(message) }, 'typeorm warning');
  }
}
