import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { ANONYMOUS, type Principal } from './auth/principal';
import { VisibilityPolicy } from './auth/visibility';
import type { DatabaseHealth } from './db/database-health';
import { DbSession } from './db/session';
import { poolOf } from './db/sql';
import { StatementCounter } from './db/statement-counter';
import { localeFromAcceptLanguage } from './i18n/accept-language';
import { Locale } from './i18n/localized-text';
import { createLoaders, type Loaders } from './modules';
import { emptyReport, type RequestReport } from './observability/request-log';
import type { WriteInvalidation } from './cache/response-cache';

export interface Context {
  /** The operation's database session: reads (`query`) and writes (`transaction`). */
  sql: DbSession;
  loaders: Loaders;
  /** Default for every `locale` argument: the Accept-Language header, else English. */
  locale: Locale;
  /** Who is asking. */
  principal: Principal;
  /** What they may see: every read path asks it. */
  policy: VisibilityPolicy;
  /** What this operation has sent to PostgreSQL so far. */
  statements: StatementCounter;
  /** The caller's address, for rate limits of anonymous callers. */
  clientIp: string | null;
  /** What plugins learn about the request, for its log line and metrics. */
  report: RequestReport;
  /** With the response cache on: what a committed write does to it (NOTIFY, clear); see write(). */
  invalidation?: WriteInvalidation | null;
}

export interface ContextInput {
  dataSource?: DataSource;
  pool?: Pool;
  acceptLanguage?: string | null;
  statements?: StatementCounter;
  /** Anonymous unless a verified token said otherwise. */
  principal?: Principal;
  /** false only for the benchmark's naive comparator (HUBGRAPH_LOADERS=off). */
  batching?: boolean;
  /** `SET LOCAL statement_timeout` of the operation's transactions (default 5 s). */
  statementTimeoutMs?: number;
  clientIp?: string | null;
  /** Aborts the operation's statements (deadline, client gone). */
  signal?: AbortSignal;
  health?: DatabaseHealth;
  report?: RequestReport;
  invalidation?: WriteInvalidation | null;
}

/** A new context, with a new session, policy and loaders, for one operation. */
export function createContext(input: ContextInput): Context {
  const pool = input.pool ?? poolOf(input.dataSource!);
  const statements = input.statements ?? new StatementCounter();
  const principal = input.principal ?? ANONYMOUS;
  // A signed-in caller's visibility predicates quote their ids into SQL: such texts stay unnamed.
  const prepare = principal.id === null && principal.expertId === null;
  const sql = new DbSession(pool, statements, { statementTimeoutMs: input.statementTimeoutMs ?? 5000, signal: input.signal, health: input.health, prepare });
  const policy = new VisibilityPolicy(principal);
  return {
    sql,
    loaders: createLoaders(sql, policy, input.batching ?? true),
    locale: localeFromAcceptLanguage(input.acceptLanguage),
    principal,
    policy,
    statements,
    clientIp: input.clientIp ?? null,
    report: input.report ?? emptyReport(),
    invalidation: input.invalidation ?? null,
  };
}
