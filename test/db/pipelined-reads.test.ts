import { createTestDatabase, type TestDatabase } from '../support/database';
import { poolOf } from '../../src/db/sql';
import { createDataSource } from '../../src/db/data-source';
import { CUSTOM_PLAN, DbSession, OperationAborted } from '../../src/db/session';
import { DatabaseHealth } from '../../src/db/database-health';
import { StatementCounter } from '../../src/db/statement-counter';

/**
 * pg's pipeline mode: the reads an operation issues together (the loaders of one tick) share
 * one connection and go out in one write; each keeps its own result and its own error.
 */
describe('DbSession: pipelined reads', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db.drop();
  });

  const session = (options: { pipeline?: boolean; signal?: AbortSignal; health?: DatabaseHealth } = {}) =>
    new DbSession(poolOf(db.dataSource), new StatementCounter(), { statementTimeoutMs: 5000, ...options });
  const PID = '/* pid */ SELECT pg_backend_pid() AS pid, $1::int AS n';

  it('the pool is in pipeline mode unless HUBGRAPH_DB_PIPELINE turns it off', () => {
    expect((poolOf(db.dataSource) as unknown as { options: { pipeline?: boolean } }).options.pipeline).toBe(true);
    const off = createDataSource({ url: 'postgres://nobody@127.0.0.1:1/none', pipeline: false });
    expect((off.options as { extra?: { pipeline?: boolean } }).extra?.pipeline).toBe(false);
  });

  it('reads of one tick run on one connection, in order, each with its own result; each still counts', async () => {
    const s = session();
    const rows = await Promise.all([1, 2, 3, 4].map((n) => s.query<{ pid: number; n: number }>(PID, [n])));
    expect(rows.map((r) => r[0].n)).toEqual([1, 2, 3, 4]);
    expect(new Set(rows.map((r) => r[0].pid)).size).toBe(1);
    expect(s.statements.count).toBe(4);
  });

  it('without pipelining (HUBGRAPH_DB_PIPELINE=off) each read of a tick has a connection of its own', async () => {
    const s = session({ pipeline: false });
    const rows = await Promise.all([1, 2, 3].map((n) => s.query<{ pid: number; n: number }>(PID, [n])));
    expect(new Set(rows.map((r) => r[0].pid)).size).toBe(3);
  });

  it('one failing read fails alone; the connection stays usable and returns to the pool', async () => {
    const s = session();
    const pool = poolOf(db.dataSource);
    const settled = await Promise.allSettled([
      s.query('/* ok */ SELECT 1 AS one'),
      s.query('/* fails */ SELECT 1 / $1::int AS boom', [0]),
      s.query('/* ok too */ SELECT 2 AS two'),
    ]);
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason.code).toBe('22012');
    expect((settled[2] as PromiseFulfilledResult<unknown>).value).toEqual([{ two: 2 }]);
    expect(pool.totalCount - pool.idleCount).toBe(0);
    expect(await s.query('/* after */ SELECT 3 AS three')).toEqual([{ three: 3 }]);
  });

  it('named (generic plan) and value-planned statements of one tick each run under their own plan_cache_mode', async () => {
    const s = session();
    const MODE = `SELECT current_setting('plan_cache_mode') AS mode, $1::int AS n`;
    const modes = await Promise.all([
      s.query<{ mode: string }>(`/* named */ ${MODE}`, [1]),
      s.query<{ mode: string }>(`${CUSTOM_PLAN}/* custom */ ${MODE}`, [2]),
      s.query<{ mode: string }>(`/* named again */ ${MODE}`, [3]),
    ]);
    expect(modes.map((r) => r[0].mode)).toEqual(['force_generic_plan', 'auto', 'force_generic_plan']);
  });

  it('a connection lost mid-pipeline fails every statement written on it, at once, and the pool drops it', async () => {
    const s = session();
    const pool = poolOf(db.dataSource);
    const sleeps = [1, 2, 3].map((n) => s.query<{ pid: number }>(`/* doomed ${n} */ SELECT pg_backend_pid() AS pid, pg_sleep(5), $1::int AS n`, [n]));
    // Terminate the backend from outside, as an administrator or a crash would.
    let terminated = 0;
    for (let i = 0; i < 40 && terminated === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      terminated = (await db.dataSource.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE query LIKE '/* doomed %' AND state = 'active'`))[0].n;
    }
    expect(terminated).toBe(1);
    const began = Date.now();
    const settled = await Promise.allSettled(sleeps);
    expect(Date.now() - began).toBeLessThan(2000);
    expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (let i = 0; i < 20 && pool.totalCount - pool.idleCount > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(pool.totalCount - pool.idleCount).toBe(0);
    // No pooled connection is the dead one: every idle connection answers.
    const after = session();
    const rows = await Promise.all([1, 2, 3].map((n) => after.query<{ n: number }>(PID, [n])));
    expect(rows.map((r) => r[0].n)).toEqual([1, 2, 3]);
  });

  it('an abort ends the running read and the ones written behind it, at once, without calling the database down', async () => {
    const controller = new AbortController();
    const health = new DatabaseHealth(poolOf(db.dataSource), { info: () => undefined, warn: () => undefined, error: () => undefined } as never);
    const s = session({ signal: controller.signal, health });
    const began = Date.now();
    const sleeps = [1, 2, 3].map((n) => s.query(`/* sleepy ${n} */ SELECT pg_sleep(5), $1::int AS n`, [n]));
    setTimeout(() => controller.abort(new Error('client went away')), 200);
    const settled = await Promise.allSettled(sleeps);
    expect(Date.now() - began).toBeLessThan(3000);
    for (const r of settled) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(OperationAborted);
    }
    // Nothing of it still runs in PostgreSQL.
    const running = async () =>
      (await db.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '/* sleepy %' AND state = 'active'`))[0].n;
    for (let i = 0; i < 20 && (await running()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await running()).toBe(0);
    expect(health.up).toBe(true);
    // The pool is whole: the next session reads normally.
    expect(await session().query('/* next */ SELECT 4 AS four')).toEqual([{ four: 4 }]);
  });
});
