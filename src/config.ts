import path from 'node:path';

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
  /** Bearer token of editors, who see unpublished content and reviewer identities; null: nobody. */
  editorToken: string | null;
  /** false: DataLoaders neither batch nor cache (the naive N+1 graph, for the benchmark only). */
  batching: boolean;
}

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

  const editorToken = env.HUBGRAPH_EDITOR_TOKEN || null;
  if (editorToken !== null && editorToken.length < 16) problems.push('HUBGRAPH_EDITOR_TOKEN must be at least 16 characters long');

  const config: Config = {
    databaseUrl,
    port: integer('PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.HUBGRAPH_DATA_DIR || '.data'),
    production: nodeEnv === 'production',
    debugSql: flag('HUBGRAPH_DEBUG_SQL', false),
    seed: integer('SEED', 42, 0, 2 ** 31 - 1),
    seedScale,
    seedOnStart: flag('HUBGRAPH_SEED_ON_START', true),
    editorToken,
    batching: loaders !== 'off',
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
