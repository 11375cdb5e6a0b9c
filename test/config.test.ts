import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../src/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('loadConfig accepted the configuration');
}

const SECRET = 'a-production-secret-of-32-chars!!';

describe('loadConfig', () => {
  it('has sensible defaults: embedded database under .data, port 4000, the development JWT secret', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: null, port: 4000, dataDir: path.resolve('.data'), production: false, debugSql: false, seed: 42, seedScale: 'default' });
    expect(config).toMatchObject({
      jwtSecret: 'hub-graph-development-secret-do-not-use-in-production', jwtSecretIsDevDefault: true,
      jwksUrl: null, jwtIssuer: null, jwtAudience: null, statementTimeoutMs: 5000,
    });
    expect(DEV_JWT_SECRET).toBe('hub-graph-development-secret-do-not-use-in-production');
    expect(config).not.toHaveProperty('editorToken');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/hub', PORT: '8080', NODE_ENV: 'production', HUBGRAPH_DEBUG_SQL: '1', SEED: '7', SEED_SCALE: 'large', HUBGRAPH_SEED_ON_START: 'off',
      HUBGRAPH_LOADERS: 'off', HUBGRAPH_JWT_SECRET: SECRET, HUBGRAPH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json',
      HUBGRAPH_JWT_ISSUER: 'https://id.example.org/', HUBGRAPH_JWT_AUDIENCE: 'hub-graph', HUBGRAPH_STATEMENT_TIMEOUT_MS: '2500',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/hub', port: 8080, production: true, debugSql: true, seed: 7, seedScale: 'large', seedOnStart: false, batching: false,
      jwtSecret: SECRET, jwtSecretIsDevDefault: false, jwksUrl: 'https://id.example.org/.well-known/jwks.json',
      jwtIssuer: 'https://id.example.org/', jwtAudience: 'hub-graph', statementTimeoutMs: 2500,
    });
  });

  it('reads the limits: deadline, export timeout, cost limits, rate limit, introspection, proxy; production turns introspection off', () => {
    expect(loadConfig({})).toMatchObject({
      requestTimeoutMs: 10000, exportStatementTimeoutMs: 60000, costLimit: 25000, editorCostLimit: 100000,
      rateLimitBudget: 250000, rateLimitWindowMs: 60000, introspection: true, trustProxy: false,
    });
    expect(loadConfig({ NODE_ENV: 'production', HUBGRAPH_JWT_SECRET: SECRET }).introspection).toBe(false);
    expect(loadConfig({
      HUBGRAPH_REQUEST_TIMEOUT_MS: '2000', HUBGRAPH_EXPORT_STATEMENT_TIMEOUT_MS: '120000', HUBGRAPH_COST_LIMIT: '5000', HUBGRAPH_EDITOR_COST_LIMIT: '9000',
      HUBGRAPH_RATE_LIMIT: '0', HUBGRAPH_RATE_LIMIT_WINDOW_MS: '1000', HUBGRAPH_INTROSPECTION: 'on', HUBGRAPH_TRUST_PROXY: 'yes', NODE_ENV: 'production', HUBGRAPH_JWT_SECRET: SECRET,
    })).toMatchObject({
      requestTimeoutMs: 2000, exportStatementTimeoutMs: 120000, costLimit: 5000, editorCostLimit: 9000, rateLimitBudget: 0, rateLimitWindowMs: 1000, introspection: true, trustProxy: true,
    });
    expect(problemsOf({ HUBGRAPH_COST_LIMIT: '0', HUBGRAPH_REQUEST_TIMEOUT_MS: 'soon' })).toEqual([
      'HUBGRAPH_REQUEST_TIMEOUT_MS must be an integer from 100 to 600000, got "soon"',
      'HUBGRAPH_COST_LIMIT must be an integer from 1 to 10000000, got "0"',
    ]);
  });

  it('reads LOG_LEVEL (default info) and refuses a level pino does not have', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(problemsOf({ LOG_LEVEL: 'loud' })).toEqual(['LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"']);
  });

  it('uses no secret when only a JWKS is configured, in development as in production', () => {
    for (const NODE_ENV of ['development', 'production']) {
      const config = loadConfig({ NODE_ENV, HUBGRAPH_JWKS_URL: 'http://localhost:8081/jwks.json' });
      expect(config).toMatchObject({ jwtSecret: null, jwtSecretIsDevDefault: false, jwksUrl: 'http://localhost:8081/jwks.json' });
    }
  });

  it('keeps an explicit development secret in development, and says it is not the default', () => {
    expect(loadConfig({ NODE_ENV: 'test', HUBGRAPH_JWT_SECRET: SECRET })).toMatchObject({ jwtSecret: SECRET, jwtSecretIsDevDefault: false });
  });

  it('refuses production without a way to verify tokens, or with the public development secret', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'set HUBGRAPH_JWT_SECRET or HUBGRAPH_JWKS_URL: production needs a way to verify bearer tokens',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', HUBGRAPH_JWT_SECRET: DEV_JWT_SECRET })).toEqual([
      'HUBGRAPH_JWT_SECRET must not be the public development secret in production; set a random secret of at least 32 characters',
    ]);
  });

  it('accepts the statement timeout bounds and refuses values outside them', () => {
    expect(loadConfig({ HUBGRAPH_STATEMENT_TIMEOUT_MS: '100' }).statementTimeoutMs).toBe(100);
    expect(loadConfig({ HUBGRAPH_STATEMENT_TIMEOUT_MS: '600000' }).statementTimeoutMs).toBe(600000);
    expect(problemsOf({ HUBGRAPH_STATEMENT_TIMEOUT_MS: '99' })).toEqual(['HUBGRAPH_STATEMENT_TIMEOUT_MS must be an integer from 100 to 600000, got "99"']);
    expect(problemsOf({ HUBGRAPH_STATEMENT_TIMEOUT_MS: '1.5' })).toEqual(['HUBGRAPH_STATEMENT_TIMEOUT_MS must be an integer from 100 to 600000, got "1.5"']);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({
      DATABASE_URL: 'mysql://x@y/z', PORT: '99999', NODE_ENV: 'staging', HUBGRAPH_DEBUG_SQL: 'maybe', SEED_SCALE: 'huge', HUBGRAPH_LOADERS: 'maybe',
      HUBGRAPH_JWT_SECRET: 'too-short', HUBGRAPH_JWKS_URL: 'ftp://id.example.org/jwks.json', HUBGRAPH_STATEMENT_TIMEOUT_MS: '600001',
    })).toEqual([
      'DATABASE_URL must start with postgres:// or postgresql://, got "mysql://…"',
      'NODE_ENV must be development, production or test, got "staging"',
      'SEED_SCALE must be tiny, default, large or a positive number, got "huge"',
      'HUBGRAPH_LOADERS must be on or off, got "maybe"',
      'HUBGRAPH_JWT_SECRET must be at least 32 characters long',
      'HUBGRAPH_JWKS_URL must be an http:// or https:// URL (e.g. https://id.example.org/.well-known/jwks.json)',
      'PORT must be an integer from 0 to 65535, got "99999"',
      'HUBGRAPH_DEBUG_SQL must be one of 1/0, true/false, yes/no, on/off, got "maybe"',
      'HUBGRAPH_STATEMENT_TIMEOUT_MS must be an integer from 100 to 600000, got "600001"',
    ]);
  });

  it('refuses a JWKS URL that is not a URL at all', () => {
    expect(problemsOf({ HUBGRAPH_JWKS_URL: 'not a url' })).toEqual([
      'HUBGRAPH_JWKS_URL must be an http:// or https:// URL (e.g. https://id.example.org/.well-known/jwks.json)',
    ]);
  });
});

describe('loadConfig: HTTP caching, APQ store, safelist', () => {
  it('defaults to the in-process APQ store and no safelist', () => {
    expect(loadConfig({})).toMatchObject({ apqStore: 'memory', safelist: false });
  });

  it('reads HUBGRAPH_APQ_STORE and HUBGRAPH_SAFELIST', () => {
    expect(loadConfig({ HUBGRAPH_APQ_STORE: 'postgres', HUBGRAPH_SAFELIST: 'on' })).toMatchObject({ apqStore: 'postgres', safelist: true });
    expect(loadConfig({ HUBGRAPH_APQ_STORE: 'memory', HUBGRAPH_SAFELIST: 'off' })).toMatchObject({ apqStore: 'memory', safelist: false });
    expect(loadConfig({ NODE_ENV: 'production', HUBGRAPH_JWT_SECRET: SECRET, HUBGRAPH_SAFELIST: '1' })).toMatchObject({ production: true, safelist: true });
  });

  it('refuses an unknown store or a safelist value that is not a flag, with the others', () => {
    expect(problemsOf({ HUBGRAPH_APQ_STORE: 'redis', HUBGRAPH_SAFELIST: 'strict' })).toEqual([
      'HUBGRAPH_APQ_STORE must be memory or postgres, got "redis"',
      'HUBGRAPH_SAFELIST must be one of 1/0, true/false, yes/no, on/off, got "strict"',
    ]);
  });
});

describe('loadConfig: response cache', () => {
  it('is on by default, with its limits', () => {
    expect(loadConfig({})).toMatchObject({ responseCache: true, responseCacheMaxEntries: 1000, responseCacheMaxMb: 64 });
  });

  it('reads HUBGRAPH_RESPONSE_CACHE and its limits', () => {
    expect(loadConfig({ HUBGRAPH_RESPONSE_CACHE: 'off' })).toMatchObject({ responseCache: false });
    expect(loadConfig({ HUBGRAPH_RESPONSE_CACHE: 'on', HUBGRAPH_RESPONSE_CACHE_MAX_ENTRIES: '50', HUBGRAPH_RESPONSE_CACHE_MAX_MB: '8' }))
      .toMatchObject({ responseCache: true, responseCacheMaxEntries: 50, responseCacheMaxMb: 8 });
  });

  it('refuses a value that is not a flag and limits out of range, with the others', () => {
    expect(problemsOf({ HUBGRAPH_RESPONSE_CACHE: 'sometimes', HUBGRAPH_RESPONSE_CACHE_MAX_ENTRIES: '0', HUBGRAPH_RESPONSE_CACHE_MAX_MB: 'lots' })).toEqual([
      'HUBGRAPH_RESPONSE_CACHE must be one of 1/0, true/false, yes/no, on/off, got "sometimes"',
      'HUBGRAPH_RESPONSE_CACHE_MAX_ENTRIES must be an integer from 1 to 1000000, got "0"',
      'HUBGRAPH_RESPONSE_CACHE_MAX_MB must be an integer from 1 to 16384, got "lots"',
    ]);
  });
});

describe('loadConfig: pipelined reads', () => {
  it('are on by default; HUBGRAPH_DB_PIPELINE=off turns them off; anything else is refused', () => {
    expect(loadConfig({})).toMatchObject({ dbPipeline: true });
    expect(loadConfig({ HUBGRAPH_DB_PIPELINE: 'off' })).toMatchObject({ dbPipeline: false });
    expect(problemsOf({ HUBGRAPH_DB_PIPELINE: 'maybe' })).toEqual(['HUBGRAPH_DB_PIPELINE must be one of 1/0, true/false, yes/no, on/off, got "maybe"']);
  });
});

describe('loadConfig: workers', () => {
  it('are 1 by default; HUBGRAPH_WORKERS takes 1 to 64 or auto (one per available CPU); anything else is refused', () => {
    expect(loadConfig({})).toMatchObject({ workers: 1 });
    expect(loadConfig({ HUBGRAPH_WORKERS: '3' })).toMatchObject({ workers: 3 });
    expect(loadConfig({ HUBGRAPH_WORKERS: 'auto' })).toMatchObject({ workers: Math.min(64, os.availableParallelism()) });
    expect(problemsOf({ HUBGRAPH_WORKERS: '0' })).toEqual(['HUBGRAPH_WORKERS must be an integer from 1 to 64, got "0"']);
    expect(problemsOf({ HUBGRAPH_WORKERS: 'many' })).toEqual(['HUBGRAPH_WORKERS must be an integer from 1 to 64, got "many"']);
  });
});
