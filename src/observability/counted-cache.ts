import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Metrics } from './metrics';

/** A KeyValueCache that counts its lookups in `hubgraph_cache_requests_total{cache, result}`. */
export function countedCache(inner: KeyValueCache<string>, metrics: Metrics, cache: string): KeyValueCache<string> {
  return {
    async get(key: string) {
      const value = await inner.get(key);
      metrics.cacheHits.inc({ cache, result: value === undefined ? 'miss' : 'hit' });
      return value;
    },
    set: (key: string, value: string, options?: KeyValueCacheSetOptions) => inner.set(key, value, options),
    delete: (key: string) => inner.delete(key),
  };
}
