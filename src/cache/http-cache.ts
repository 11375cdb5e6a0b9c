import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Pool } from 'pg';
import type { Context } from '../context';
import { createApqCache, DEFAULT_APQ_LIMITS, type ApqLimits, type ApqStoreKind } from './apq-store';
import { CachePolicyMemo, type CachePolicy } from './cache-policy';
import { committedManifest } from './committed-manifest';
import { ManifestIndex, type OperationManifest } from './operations-manifest';
import { Safelist } from './safelist';

/** Every /graphql answer depends on these request headers (locale, principal): caches must key on them. */
export const VARY = 'Accept-Language, Authorization';

/**
 * The Cache-Control of one answer:
 * - `no-store`: an error (any), a mutation, or nothing to go on;
 * - `private, no-store`: a signed-in caller (their view depends on their roles and changes
 *   with their own writes), or a viewer-specific field of max-age 0;
 * - `private, max-age=N`: an anonymous read touching a caller-dependent field;
 * - `public, max-age=N`: any other anonymous read (browsers and CDNs may keep it N seconds).
 */
export function cacheControlHeader(policy: CachePolicy | null, authenticated: boolean): string {
  if (!policy || policy.mutation) return 'no-store';
  if (authenticated) return 'private, no-store';
  if (policy.maxAge <= 0) return policy.scope === 'PRIVATE' ? 'private, no-store' : 'no-store';
  return `${policy.scope === 'PRIVATE' ? 'private' : 'public'}, max-age=${policy.maxAge}`;
}

/**
 * Sets Cache-Control from the policy of the operation (computed from the document and the
 * hint table, once per parsed document; no resolver is wrapped). The HTTP handler has
 * already set `Vary` and a default `no-store` for answers that never reach this plugin.
 */
export function cacheControlPlugin(memo = new CachePolicyMemo()): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let policy: CachePolicy | null = null;
      return {
        async didResolveOperation({ schema, document, operation }) {
          if (operation) policy = memo.policyOf(schema, document, operation);
        },
        async willSendResponse({ response, contextValue }) {
          const failed = response.body.kind !== 'single' || (response.body.singleResult.errors?.length ?? 0) > 0 || (response.http.status ?? 200) >= 400;
          const authenticated = (contextValue?.principal?.id ?? null) !== null;
          response.http.headers.set('cache-control', cacheControlHeader(failed ? null : policy, authenticated));
        },
      };
    },
  };
}

export interface HttpCachingOptions {
  /** The pool of the `persisted_query` table (apqStore postgres). */
  pool: Pool;
  production: boolean;
  /** Where APQ documents are kept (default memory: per process). */
  apqStore?: ApqStoreKind;
  apqLimits?: Partial<ApqLimits>;
  /** Refuse operations outside the manifest (production only; logged in development). */
  safelist?: boolean;
  /** Default: the committed schema/operations/manifest.json. */
  manifest?: OperationManifest;
  maxTokens: number;
}

export interface HttpCaching {
  /** Sets Cache-Control. */
  plugins: ApolloServerPlugin<Context>[];
  /** Apollo's APQ configuration: the manifest's operations by hash, then memory or PostgreSQL. */
  persistedQueries: { cache: KeyValueCache<string>; ttl: number };
  /** The HTTP handler's check of every request, in safelist mode; null otherwise. */
  safelist: Safelist | null;
}

/** What createServer needs for HTTP caching, APQ and the safelist. */
export function httpCaching(options: HttpCachingOptions): HttpCaching {
  const manifest = new ManifestIndex(options.manifest ?? committedManifest());
  const limits = { ...DEFAULT_APQ_LIMITS, ...options.apqLimits };
  return {
    plugins: [cacheControlPlugin()],
    persistedQueries: { cache: createApqCache(options.apqStore ?? 'memory', options.pool, manifest, limits), ttl: limits.ttlSeconds },
    safelist: options.safelist ? new Safelist(manifest, { enforce: options.production, maxTokens: options.maxTokens }) : null,
  };
}
