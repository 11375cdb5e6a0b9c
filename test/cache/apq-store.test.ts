import { createHash } from 'node:crypto';
import { MemoryKeyValueCache, PostgresKeyValueCache } from '../../src/cache/apq-store';
import { createDataSource } from '../../src/db/data-source';
import { poolOf } from '../../src/db/sql';
import { createServer, type HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { DataSource } from 'typeorm';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const silentLog = { error: () => true } as never;

describe('APQ stores', () => {
  describe('in memory', () => {
    it('keeps the most recently used entries within its bounds, and forgets expired ones', async () => {
      let now = 0;
      const cache = new MemoryKeyValueCache({ maxEntries: 2, maxTotalLength: 10, defaultTtlSeconds: 60 }, () => now);
      await cache.set('a', '1');
      await cache.set('b', '2');
      expect(await cache.get('a')).toBe('1'); // a is now the most recent
      await cache.set('c', '3');
      expect([await cache.get('a'), await cache.get('b'), await cache.get('c')]).toEqual(['1', undefined, '3']);
      await cache.set('big', '1234567890'); // 10 characters: the others make room
      expect(cache.size).toBe(1);
      await cache.set('huge', '12345678901'); // over the whole bound: not kept
      expect(await cache.get('huge')).toBeUndefined();
      await cache.set('t', 'x', { ttl: 5 });
      now = 4_999;
      expect(await cache.get('t')).toBe('x');
      now = 5_000;
      expect(await cache.get('t')).toBeUndefined();
      await cache.set('forever', 'y', { ttl: null });
      now = 1e12;
      expect(await cache.get('forever')).toBe('y');
      expect(await cache.delete('forever')).toBe(true);
      expect(await cache.delete('forever')).toBe(false);
    });
  });

  describe('in PostgreSQL', () => {
    let db: TestDatabase;
    let second: DataSource;
    const servers: HubServer[] = [];
    beforeAll(async () => {
      db = await createTestDatabase({ seed: { randomSeed: 9, scale: 'tiny' } });
      // A second instance: its own pool on the same database.
      second = createDataSource({ url: db.url, poolSize: 2 });
      await second.initialize();
    });
    afterAll(async () => {
      for (const server of servers) await server.stop();
      await second.destroy();
      await db.drop();
    });

    const listen = async (dataSource: DataSource, apqStore?: 'memory' | 'postgres') => {
      const server = await createServer({ dataSource, production: true, debugSql: false, apqStore });
      servers.push(server);
      return server.listen(0, '127.0.0.1');
    };
    const get = async (url: string, params: Record<string, unknown>) => {
      const search = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)]));
      const res = await fetch(`${url}?${search}`);
      return { status: res.status, body: (await res.json()) as any, cacheControl: res.headers.get('cache-control') };
    };

    it('a hash registered through one instance is answered by another instance on the same database', async () => {
      const [a, b, alone] = await Promise.all([listen(db.dataSource, 'postgres'), listen(second, 'postgres'), listen(second)]);
      const query = '{ regions(topLevelOnly: true) { code name } }';
      const persistedQuery = { version: 1, sha256Hash: sha256(query) };

      const register = await fetch(a, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, extensions: { persistedQuery } }) });
      expect(register.status).toBe(200);
      // Apollo stores after answering, without waiting: give the INSERT a moment.
      for (let i = 0; i < 50 && (await db.dataSource.query('SELECT 1 FROM persisted_query')).length === 0; i++) await new Promise((r) => setTimeout(r, 20));

      const hit = await get(b, { extensions: { persistedQuery } });
      expect(hit.status).toBe(200);
      expect(hit.body.data.regions).toHaveLength(5);
      expect(hit.cacheControl).toBe('public, max-age=86400');

      // The default store is per process: the same hash is unknown there.
      const miss = await get(alone, { extensions: { persistedQuery } });
      expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

      const [row] = await db.dataSource.query(`SELECT key, value, extract(epoch FROM expires_at - now()) AS ttl FROM persisted_query`);
      expect(row.key).toBe(`apq:${persistedQuery.sha256Hash}`);
      expect(row.value).toBe(query);
      expect(Number(row.ttl)).toBeGreaterThan(7 * 86_400 - 60); // a week
    });

    it('forgets expired rows, stays within maxEntries (newest kept), deletes', async () => {
      await db.dataSource.query('DELETE FROM persisted_query');
      const limits = { ttlSeconds: 3600, maxEntries: 3, maxValueLength: 50 };
      const writer = new PostgresKeyValueCache(poolOf(db.dataSource), limits, silentLog);
      for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) {
        await writer.set(key, `value of ${key}`);
        await db.dataSource.query(`UPDATE persisted_query SET stored_at = stored_at - interval '1 second' * $1 WHERE key <> $2`, [1, key]);
      }
      const keys = (await db.dataSource.query('SELECT key FROM persisted_query ORDER BY key')).map((r: { key: string }) => r.key);
      expect(keys).toEqual(['k3', 'k4', 'k5']);
      await writer.set('long', 'x'.repeat(51)); // over maxValueLength: not stored
      expect(await db.dataSource.query(`SELECT 1 FROM persisted_query WHERE key = 'long'`)).toEqual([]);

      // A fresh reader (no local copy) reads the table; expired rows are not answered.
      const reader = new PostgresKeyValueCache(poolOf(second), limits, silentLog);
      expect(await reader.get('k4')).toBe('value of k4');
      await db.dataSource.query(`UPDATE persisted_query SET expires_at = now() - interval '1 second' WHERE key = 'k5'`);
      expect(await new PostgresKeyValueCache(poolOf(second), limits, silentLog).get('k5')).toBeUndefined();
      expect(await reader.get('x'.repeat(500))).toBeUndefined(); // not a key we could have stored: no statement
      expect(await reader.delete('k3')).toBe(true);
      expect(await reader.delete('k3')).toBe(false);
    });

    it('a failing database is a miss, never an error', async () => {
      const bare = await createTestDatabase({ migrate: false });
      try {
        const cache = new PostgresKeyValueCache(poolOf(bare.dataSource), undefined, silentLog);
        await expect(cache.set('apq:x', 'query')).resolves.toBeUndefined();
        await expect(cache.get('apq:x')).resolves.toBeUndefined();
      } finally {
        await bare.drop();
      }
    });
  });
});
