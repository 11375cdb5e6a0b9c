import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Pool } from 'pg';
import { noteStatement } from '../db/statement-counter';
import { RateLimitedLog } from '../log/logger';
import type { ManifestIndex } from './operations-manifest';

/** Where automatic persisted queries are kept: this process, or PostgreSQL (shared by every instance on the database). */
export type ApqStoreKind = 'memory' | 'postgres';

export interface ApqLimits {
  /** Seconds a registered document is kept (Apollo passes it on every set). */
  ttlSeconds: number;
  /** Most documents kept; the least recently stored go first. */
  maxEntries: number;
  /** Longest document kept, in characters (longer ones are executed, not stored). */
  maxValueLength: number;
}

export const DEFAULT_APQ_LIMITS: ApqLimits = { ttlSeconds: 7 * 86_400, maxEntries: 10_000, maxValueLength: 100_000 };

/** Keys are `apq:` + a SHA-256 in hex; anything much longer is not a key we stored. */
const MAX_KEY_LENGTH = 200;

/** Apollo's `ttl`: seconds, null or 0 for none, undefined for the store's default. */
function ttlOf(options: KeyValueCacheSetOptions | undefined, fallback: number): number | null {
  const ttl = options?.ttl === undefined ? fallback : options.ttl;
  return ttl && ttl > 0 ? ttl : null;
}

/**
 * Apollo's KeyValueCache in this process's memory: least recently used first out, bounded by
 * entries and by total characters, entries expire after their TTL.
 */
export class MemoryKeyValueCache implements KeyValueCache<string> {
  /** Map order is recency order: a hit moves its entry to the end. */
  private readonly entries = new Map<string, { value: string; expiresAt: number | null }>();
  private totalLength = 0;

  constructor(
    private readonly limits: { maxEntries: number; maxTotalLength: number; defaultTtlSeconds: number; maxValueLength?: number },
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (value.length > (this.limits.maxValueLength ?? this.limits.maxTotalLength)) return;
    this.remove(key);
    const ttl = ttlOf(options, this.limits.defaultTtlSeconds);
    this.entries.set(key, { value, expiresAt: ttl === null ? null : this.now() + ttl * 1000 });
    this.totalLength += value.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.totalLength <= this.limits.maxTotalLength) break;
      this.remove(oldest);
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.remove(key);
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.totalLength -= entry.value.length;
    return true;
  }
}

/**
 * Apollo's KeyValueCache in the `persisted_query` table, so a document registered through one
 * instance is served by every instance on the database. Rows expire after their TTL and the
 * table holds at most `maxEntries` rows (the least recently stored go first). A small memory
 * cache in front keeps hot documents off the database (a hash always names the same text, so
 * a local copy is never wrong). Database errors never fail a request: a failed read is a miss
 * (the client sends the full query again), a failed write is logged.
 */
export class PostgresKeyValueCache implements KeyValueCache<string> {
  private readonly local: MemoryKeyValueCache;

  constructor(
    private readonly pool: Pool,
    private readonly limits: ApqLimits = DEFAULT_APQ_LIMITS,
    private readonly errorLog = new RateLimitedLog(),
  ) {
    this.local = new MemoryKeyValueCache({ maxEntries: 1000, maxTotalLength: 8 * 1024 * 1024, defaultTtlSeconds: 300 });
  }

  async get(key: string): Promise<string | undefined> {
    if (key.length > MAX_KEY_LENGTH) return undefined;
    const local = await this.local.get(key);
    if (local !== undefined) return local;
    const rows = await this.run<{ value: string; ttl: number | null }>(
      `/* apq */ SELECT value, extract(epoch FROM expires_at - now())::int AS ttl FROM persisted_query WHERE key = $1 AND (expires_at IS NULL OR expires_at > now())`,
      [key],
    );
    const row = rows?.[0];
    if (!row) return undefined;
    await this.local.set(key, row.value, { ttl: Math.min(row.ttl ?? 300, 300) });
    return row.value;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (key.length > MAX_KEY_LENGTH || value.length > this.limits.maxValueLength) return;
    const ttl = ttlOf(options, this.limits.ttlSeconds);
    const stored = await this.run(
      `/* apq */ INSERT INTO persisted_query (key, value, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3::int))
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at, stored_at = now()`,
      [key, value, ttl],
    );
    if (!stored) return;
    await this.local.set(key, value, { ttl: Math.min(ttl ?? 300, 300) });
    // Bounded: expired rows, and every row past the newest maxEntries, go.
    await this.run(
      `/* apq */ DELETE FROM persisted_query WHERE key IN (
         SELECT key FROM persisted_query WHERE expires_at <= now()
         UNION ALL (SELECT key FROM persisted_query ORDER BY stored_at DESC, key OFFSET $1))`,
      [this.limits.maxEntries],
    );
  }

  async delete(key: string): Promise<boolean> {
    await this.local.delete(key);
    const rows = await this.run<{ key: string }>(`/* apq */ DELETE FROM persisted_query WHERE key = $1 RETURNING key`, [key]);
    return (rows?.length ?? 0) > 0;
  }

  /** One statement, counted against the current request; null (and a log line) when it fails. */
  private async run<Row>(text: string, params: unknown[]): Promise<Row[] | null> {
    noteStatement(text);
    try {
      return (await this.pool.query(text, params)).rows as Row[];
    } catch (error) {
      this.errorLog.error('apq-store', { err: error }, 'persisted query store failed');
      return null;
    }
  }
}

/** Apollo stores APQ documents under `apq:<sha256>` (its APQ_CACHE_PREFIX). */
const APQ_PREFIX = 'apq:';

/**
 * Serves the operations of the manifest by hash without a registration (persisted
 * operations: a client may send only `extensions.persistedQuery` for them, from the first
 * request), and keeps everything else in `store`.
 */
export class ManifestKeyValueCache implements KeyValueCache<string> {
  constructor(private readonly manifest: ManifestIndex, private readonly store: KeyValueCache<string>) {}

  async get(key: string): Promise<string | undefined> {
    const listed = key.startsWith(APQ_PREFIX) ? this.manifest.byHash(key.slice(APQ_PREFIX.length)) : undefined;
    return listed ? listed.body : this.store.get(key);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (key.startsWith(APQ_PREFIX) && this.manifest.byHash(key.slice(APQ_PREFIX.length))) return;
    await this.store.set(key, value, options);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.store.delete(key);
  }
}

/** The APQ store of a server: the manifest's operations, then memory or PostgreSQL. */
export function createApqCache(kind: ApqStoreKind, pool: Pool, manifest: ManifestIndex, limits: ApqLimits = DEFAULT_APQ_LIMITS): KeyValueCache<string> {
  const store = kind === 'postgres'
    ? new PostgresKeyValueCache(pool, limits)
    : new MemoryKeyValueCache({ maxEntries: limits.maxEntries, maxTotalLength: 32 * 1024 * 1024, defaultTtlSeconds: limits.ttlSeconds, maxValueLength: limits.maxValueLength });
  return new ManifestKeyValueCache(manifest, store);
}
