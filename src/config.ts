import os from 'node:os';
import path from 'node:path';
import { LOG_LEVELS, type LogLevel } from './log/logger';

/** Everything the process reads from its environment, validated once. */
export interface Config {
  /** PostgreSQL URL; absent means "start the embedded PostgreSQL under dataDir". */
  databaseUrl: string | null;
  port: number;
  host: string;
  /** Where the embedded PostgreSQL keeps its cluster (`<dataDir>/pg`). */
  dataDir: string;
  production: boolean;
  /** Adds `{ sqlStatements }` to every response's extensions. */
  debugSql: boolean;
  seed: number;
  seedScale: string;
  /** Seed an empty database on start. */
  seedOnStart: boolean;
  /**
   * HS256 secret that signs and verifies bearer tokens (at least 32 characters); null: only
   * JWKS-signed tokens are accepted. In development/test with neither this nor jwksUrl set, it
   * is DEV_JWT_SECRET (see jwtSecretIsDevDefault); never in production.
   */
  jwtSecret: string | null;
  /** true: jwtSecret is DEV_JWT_SECRET because nothing was configured (development/test only). */
  jwtSecretIsDevDefault: boolean;
  /** http(s) URL of the identity provider's JSON Web Key Set (RS256, ES256, EdDSA … tokens); null: none. */
  jwksUrl: string | null;
  /** Required `iss` of every bearer token; null: not checked. */
  jwtIssuer: string | null;
  /** Required `aud` of every bearer token; null: not checked. */
  jwtAudience: string | null;
  /** PostgreSQL statement_timeout in milliseconds (100..600000; default 5000). */
  statementTimeoutMs: number;
  /**
   * Processes serving HTTP (HUBGRAPH_WORKERS: 1 to 64, or `auto` for one per available CPU;
   * default 1). Above 1, this process prepares the database, then forks that many workers
   * sharing the port (node:cluster), one rate-limit budget per caller and one /metrics.
   */
  workers: number;
  /** pg's pipeline mode: an operation's reads of one tick share one connection and one write (HUBGRAPH_DB_PIPELINE, default on). */
  dbPipeline: boolean;
  /** statement_timeout of the export endpoints' statements, in milliseconds (default 60000). */
  exportStatementTimeoutMs: number;
  /** Each GraphQL request is cancelled after this many milliseconds (default 10000, like GitHub). */
  requestTimeoutMs: number;
  /** Most cost one operation may request (editors: editorCostLimit). */
  costLimit: number;
  editorCostLimit: number;
  /** Cost points per principal (or IP) per rateLimitWindowMs; 0 turns the rate limit off. */
  rateLimitBudget: number;
  rateLimitWindowMs: number;
  /** Answer introspection queries (default: on except in production). */
  introspection: boolean;
  /** pino log level (LOG_LEVEL, default info). */
  logLevel: LogLevel;
  /** Take the client address from X-Forwarded-For (behind a router or load balancer) for per-IP rate limits. */
  trustProxy: boolean;
  /** false: DataLoaders neither batch nor cache (the naive N+1 graph, for the benchmark only). */
  batching: boolean;
  /** Where automatic persisted queries are kept: this process (memory) or PostgreSQL, shared by every instance. */
  apqStore: 'memory' | 'postgres';
  /** Answer only the operations of schema/operations/manifest.json (and `_service { sdl }`); enforced in production. */
  safelist: boolean;
  /** Keep whole answers to anonymous public reads in each process, cleared by every write (HUBGRAPH_RESPONSE_CACHE, default on). */
  responseCache: boolean;
  /** Most answers (HUBGRAPH_RESPONSE_CACHE_MAX_ENTRIES, default 1000) and megabytes (HUBGRAPH_RESPONSE_CACHE_MAX_MB, default 64) it keeps. */
  responseCacheMaxEntries: number;
  responseCacheMaxMb: number;
}

/**
 * The HS256 secret used in development and test when neither HUBGRAPH_JWT_SECRET nor
 * HUBGRAPH_JWKS_URL is set, so `npm start` and `npm run token` work out of the box. It is
 * public: loadConfig refuses it in production.
 */
export const DEV_JWT_SECRET = 'hub-graph-development-secret-do-not-use-in-production';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the configuration. Throws a ConfigError that lists every problem at
 * once, so a misconfigured deployment fails fast with one actionable message.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be one of 1/0, true/false, yes/no, on/off, got "${raw}"`);
    return fallback;
  };

  let databaseUrl: string | null = env.DATABASE_URL || null;
  if (databaseUrl !== null) {
    try {
      const url = new URL(databaseUrl);
      if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
        problems.push(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//…"`);
      }
    } catch {
      problems.push('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
      databaseUrl = null;
    }
  }

  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }

  const seedScale = env.SEED_SCALE || 'default';
  if (!/^(default|large|tiny|[0-9]+(\.[0-9]+)?)$/.test(seedScale)) {
    problems.push(`SEED_SCALE must be tiny, default, large or a positive number, got "${seedScale}"`);
  }

  const loaders = env.HUBGRAPH_LOADERS || 'on';
  if (!['on', 'off'].includes(loaders)) problems.push(`HUBGRAPH_LOADERS must be on or off, got "${loaders}"`);

  const apqStore = env.HUBGRAPH_APQ_STORE || 'memory';
  if (apqStore !== 'memory' && apqStore !== 'postgres') problems.push(`HUBGRAPH_APQ_STORE must be memory or postgres, got "${apqStore}"`);

  const production = nodeEnv === 'production';
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  let jwtSecret: string | null = env.HUBGRAPH_JWT_SECRET || null;
  if (jwtSecret !== null && jwtSecret.length < 32) problems.push('HUBGRAPH_JWT_SECRET must be at least 32 characters long');
  if (jwtSecret === DEV_JWT_SECRET && production) {
    problems.push('HUBGRAPH_JWT_SECRET must not be the public development secret in production; set a random secret of at least 32 characters');
  }

  let jwksUrl: string | null = env.HUBGRAPH_JWKS_URL || null;
  if (jwksUrl !== null) {
    let protocol: string | null = null;
    try {
      protocol = new URL(jwksUrl).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      problems.push('HUBGRAPH_JWKS_URL must be an http:// or https:// URL (e.g. https://id.example.org/.well-known/jwks.json)');
      jwksUrl = null;
    }
  }

  // Nothing configured: production cannot verify tokens; development/test use the public secret.
  let jwtSecretIsDevDefault = false;
  if (jwtSecret === null && !env.HUBGRAPH_JWKS_URL) {
    if (production) {
      problems.push('set HUBGRAPH_JWT_SECRET or HUBGRAPH_JWKS_URL: production needs a way to verify bearer tokens');
    } else {
      jwtSecret = DEV_JWT_SECRET;
      jwtSecretIsDevDefault = true;
    }
  }

  const config: Config = {
    databaseUrl,
    port: integer('PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.HUBGRAPH_DATA_DIR || '.data'),
    production,
    debugSql: flag('HUBGRAPH_DEBUG_SQL', false),
    seed: integer('SEED', 42, 0, 2 ** 31 - 1),
    seedScale,
    seedOnStart: flag('HUBGRAPH_SEED_ON_START', true),
    jwtSecret,
    jwtSecretIsDevDefault,
    jwksUrl,
    jwtIssuer: env.HUBGRAPH_JWT_ISSUER || null,
    jwtAudience: env.HUBGRAPH_JWT_AUDIENCE || null,
    statementTimeoutMs: integer('HUBGRAPH_STATEMENT_TIMEOUT_MS', 5000, 100, 600000),
    dbPipeline: flag('HUBGRAPH_DB_PIPELINE', true),
    workers: env.HUBGRAPH_WORKERS === 'auto' ? Math.min(64, os.availableParallelism()) : integer('HUBGRAPH_WORKERS', 1, 1, 64),
    exportStatementTimeoutMs: integer('HUBGRAPH_EXPORT_STATEMENT_TIMEOUT_MS', 60000, 100, 3600000),
    requestTimeoutMs: integer('HUBGRAPH_REQUEST_TIMEOUT_MS', 10000, 100, 600000),
    costLimit: integer('HUBGRAPH_COST_LIMIT', 25000, 1, 10_000_000),
    editorCostLimit: integer('HUBGRAPH_EDITOR_COST_LIMIT', 100000, 1, 10_000_000),
    rateLimitBudget: integer('HUBGRAPH_RATE_LIMIT', 250000, 0, 1_000_000_000),
    rateLimitWindowMs: integer('HUBGRAPH_RATE_LIMIT_WINDOW_MS', 60000, 1000, 3_600_000),
    introspection: flag('HUBGRAPH_INTROSPECTION', !production),
    logLevel,
    trustProxy: flag('HUBGRAPH_TRUST_PROXY', false),
    batching: loaders !== 'off',
    apqStore: apqStore === 'postgres' ? 'postgres' : 'memory',
    safelist: flag('HUBGRAPH_SAFELIST', false),
    responseCache: flag('HUBGRAPH_RESPONSE_CACHE', true),
    responseCacheMaxEntries: integer('HUBGRAPH_RESPONSE_CACHE_MAX_ENTRIES', 1000, 1, 1_000_000),
    responseCacheMaxMb: integer('HUBGRAPH_RESPONSE_CACHE_MAX_MB', 64, 1, 16_384),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
