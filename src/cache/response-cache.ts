import { createHash, randomUUID } from 'node:crypto';
import { Client, type Pool } from 'pg';
import type { Metrics } from '../observability/metrics';

/** The PostgreSQL channel every writer NOTIFYs and every server LISTENs on. */
export const INVALIDATE_CHANNEL = 'hubgraph_invalidate';

export interface ResponseCacheLimits {
  /** Most answers kept (least recently used dropped first). */
  maxEntries: number;
  /** Most bytes of answer bodies kept. */
  maxBytes: number;
}

export const DEFAULT_RESPONSE_CACHE_LIMITS: ResponseCacheLimits = { maxEntries: 1000, maxBytes: 64 * 1024 * 1024 };

/** One kept answer: its body (per-request extensions removed), headers and when it stops being fresh. */
export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: string;
  storedAt: number;
  expiresAt: number;
  bytes: number;
}

/** What identifies an anonymous read: document (text, or APQ hash alone), variables, operation name, resolved locale. */
export interface ResponseKeyParts {
  query: string | null;
  persistedQueryHash: string | null;
  variables: unknown;
  operationName: string | null;
  locale: string;
}

/** The request parameters of a GraphQL request over GET (URL) or POST (JSON body); null when unreadable. */
export function requestParameters(method: string, search: string, body: unknown): Omit<ResponseKeyParts, 'locale'> | null {
  let query: unknown;
  let variables: unknown;
  let operationName: unknown;
  let extensions: unknown;
  if (method === 'GET') {
    const params = new URLSearchParams(search);
    query = params.get('query');
    operationName = params.get('operationName');
    try {
      variables = params.has('variables') ? JSON.parse(params.get('variables')!) : undefined;
      extensions = params.has('extensions') ? JSON.parse(params.get('extensions')!) : undefined;
    } catch {
      return null;
    }
  } else if (method === 'POST') {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null; // batches are not cached
    ({ query, variables, operationName, extensions } = body as Record<string, unknown>);
  } else {
    return null;
  }
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery?.sha256Hash;
  if (query !== undefined && query !== null && typeof query !== 'string') return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  // A query sent with its hash registers it in the APQ store: it must reach Apollo every time.
  if (typeof query === 'string' && hash !== undefined) return null;
  if (typeof query !== 'string' && typeof hash !== 'string') return null;
  if (typeof query === 'string' && /^\s*mutation\b/.test(query)) return null; // never public: not worth a lookup
  return {
    query: typeof query === 'string' ? query : null,
    persistedQueryHash: typeof hash === 'string' ? hash : null,
    variables: variables ?? null,
    operationName: typeof operationName === 'string' ? operationName : null,
  };
}

/** The cache key of one read: SHA-256 of its parts. */
export function responseKey(parts: ResponseKeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.query, parts.persistedQueryHash, parts.variables, parts.operationName, parts.locale]))
    .digest('base64url');
}

const PUBLIC_MAX_AGE = /^public, max-age=(\d+)$/;

/**
 * Whole `/graphql` answers to anonymous reads, in this process: only answers the cache hints
 * made `public, max-age=N` (so no error, no mutation, no viewer-specific field, no
 * Authorization), kept N seconds, at most `maxEntries` answers and `maxBytes` bytes, least
 * recently used dropped first. `clear()` (a committed write here, a NOTIFY from another
 * instance, a lost LISTEN connection) empties it and bumps the generation, so an answer
 * computed before the write is not stored after it.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  /** Bumped by every clear(): a store is refused when the generation changed since its lookup. */
  generation = 0;
  /** false while the LISTEN connection is down: nothing is served or stored (a write elsewhere would go unseen). */
  available = true;

  constructor(readonly limits: ResponseCacheLimits = DEFAULT_RESPONSE_CACHE_LIMITS, private readonly metrics?: Metrics) {}

  get size(): number {
    return this.entries.size;
  }

  /** The fresh answer kept for `key`, counted as a hit or a miss. */
  get(key: string, now = Date.now()): CachedResponse | undefined {
    let entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.remove(key, entry);
      entry = undefined;
    }
    if (entry) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    this.metrics?.cacheHits.inc({ cache: 'response', result: entry ? 'hit' : 'miss' });
    return entry;
  }

  /**
   * Keeps an answer when its Cache-Control is `public, max-age=N` (N > 0), its status 200 and
   * the cache was not cleared since `generation` was read. `body` is kept as given.
   */
  set(key: string, generation: number, response: { status: number; headers: [string, string][]; body: string }, now = Date.now()): boolean {
    if (!this.available || generation !== this.generation || response.status !== 200) return false;
    const cacheControl = response.headers.find(([name]) => name.toLowerCase() === 'cache-control')?.[1] ?? '';
    const maxAge = Number(PUBLIC_MAX_AGE.exec(cacheControl)?.[1] ?? 0);
    if (maxAge <= 0) return false;
    const bytes = Buffer.byteLength(response.body) + key.length;
    if (bytes > this.limits.maxBytes / 4) return false; // one answer never takes more than a quarter
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { ...response, storedAt: now, expiresAt: now + maxAge * 1000, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.remove(oldest, entry);
    }
    return true;
  }

  /** Forgets everything (a write committed somewhere). */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string, entry: CachedResponse): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/**
 * The answer as the cache keeps it: the per-request parts of `extensions` removed
 * (`rateLimit`, the caller's budget) or set to what a hit costs (`sqlStatements: 0`), in
 * the same key order; everything else byte for byte as Apollo wrote it. Null when the body
 * is not a JSON object.
 */
export function cacheableBody(body: string): string | null {
  let parsed: { extensions?: Record<string, unknown> };
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const extensions = parsed.extensions;
  if (extensions && typeof extensions === 'object') {
    delete extensions.rateLimit;
    if ('sqlStatements' in extensions) extensions.sqlStatements = 0;
    if (Object.keys(extensions).length === 0) delete parsed.extensions;
  }
  // Apollo's prettyJSONStringify: JSON.stringify and a newline.
  return JSON.stringify(parsed) + (body.endsWith('\n') ? '\n' : '');
}

/** The NOTIFY a committing write sends inside its transaction (delivered at commit, dropped on rollback). */
export const NOTIFY_SQL = `SELECT pg_notify('${INVALIDATE_CHANNEL}', $1)`;

/**
 * What a write does for the response cache: NOTIFY inside its transaction (other instances
 * clear at commit), and clear this instance's cache once committed.
 */
export interface WriteInvalidation {
  /** This instance's id: the payload of its NOTIFYs, so it does not clear twice. */
  origin: string;
  /** Clears this instance's cache (called after COMMIT). */
  committed(): void;
}

/**
 * Listens on one dedicated connection (not from the pool) for `hubgraph_invalidate`; any
 * notification from another instance clears the cache. While the connection is down the
 * cache is cleared and unavailable (a write elsewhere would go unseen), and the connection
 * is retried every `retryMs` (doubling, at most 10 s).
 */
export class InvalidationListener implements WriteInvalidation {
  readonly origin = randomUUID();
  private client: Client | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private retryMs: number;

  constructor(private readonly pool: Pool, private readonly cache: ResponseCache, private readonly initialRetryMs = 250) {
    this.retryMs = initialRetryMs;
    cache.available = false;
  }

  committed(): void {
    this.cache.clear();
  }

  /** Connects and LISTENs; resolves once listening, or once the first attempt failed (retries go on). */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client(this.pool.options);
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      this.cache.available = false;
      this.cache.clear();
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (message.channel === INVALIDATE_CHANNEL && message.payload !== this.origin) this.cache.clear();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATE_CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    if (this.stopped) {
      lost = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = this.initialRetryMs;
    // Whatever was kept before may have missed notifications: start empty.
    this.cache.clear();
    this.cache.available = true;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.cache.available = false;
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
