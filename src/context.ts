import type { DataSource } from 'typeorm';
import { sqlOf, type Sql } from './db/sql';
import { StatementCounter } from './db/statement-counter';
import { createLoaders, type Loaders } from './graph/loaders';
import { localeFromAcceptLanguage } from './i18n/accept-language';
import { Locale } from './i18n/localized-text';

/** Who is asking. Anonymous callers see published content only and no reviewer identities. */
export interface Viewer {
  canSeeUnpublished: boolean;
}

export interface Context {
  sql: Sql;
  loaders: Loaders;
  /** Default for every `locale` argument: the Accept-Language header, else English. */
  locale: Locale;
  viewer: Viewer;
  /** What this request has sent to PostgreSQL so far. */
  statements: StatementCounter;
}

export interface ContextInput {
  dataSource: DataSource;
  acceptLanguage?: string | null;
  statements?: StatementCounter;
  /** Anonymous unless the request proved it is an editor. */
  viewer?: Viewer;
  /** false only for the benchmark's naive comparator (HUBGRAPH_LOADERS=off). */
  batching?: boolean;
}

/** A new context, with new loaders, for one request. */
export function createContext(input: ContextInput): Context {
  const sql = sqlOf(input.dataSource);
  const viewer = input.viewer ?? { canSeeUnpublished: false };
  return {
    sql,
    loaders: createLoaders(sql, viewer, input.batching ?? true),
    locale: localeFromAcceptLanguage(input.acceptLanguage),
    viewer,
    statements: input.statements ?? new StatementCounter(),
  };
}
