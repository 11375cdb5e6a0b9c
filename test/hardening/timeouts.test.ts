import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Role } from '../../src/auth/principal';
import { signToken } from '../../src/auth/sign-token';
import { createDataSource } from '../../src/db/data-source';
import type { HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_JWT_SECRET } from '../support/graphql';
import { ACTIVE_STATEMENTS_SQL, listenProduction, postGraphQL, sleep } from './support';

/**
 * Time limits over real HTTP, each against a statement that cannot finish because another
 * connection holds a lock it needs: the read statement timeout, the write statement timeout,
 * the request deadline and a client that hangs up. Each answers in time with its own code and
 * leaves nothing of ours running in PostgreSQL.
 */

const PRACTICES = '{ practices(first: 5) { totalCount nodes { id title } } }';

interface Lock {
  release(): Promise<void>;
}

/** Holds `LOCK TABLE … IN ACCESS EXCLUSIVE MODE` in an open transaction of another connection (not named hub-graph). */
async function holdLock(url: string, table: string): Promise<Lock> {
  const client = new Client({ connectionString: url, application_name: 'hardening-lock' });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

describe('timeouts and cancellation over HTTP', () => {
  let db: TestDatabase;
  const servers: HubServer[] = [];
  const extraSources: DataSource[] = [];
  let memberToken: string;
  let groupId: string;

  const activeStatements = async () => (await db.dataSource.query(ACTIVE_STATEMENTS_SQL)) as { pid: number; state: string; query: string }[];
  const ours = async () => (await activeStatements()).filter((row) => !/pg_stat_activity/.test(row.query));

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 97, scale: 'tiny' } });
    memberToken = await signToken(TEST_JWT_SECRET, { sub: 'timeout-member', roles: [Role.MEMBER] });
    [{ id: groupId }] = await db.dataSource.query('SELECT id FROM community_group ORDER BY id LIMIT 1');
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const source of extraSources) if (source.isInitialized) await source.destroy();
    await db?.drop();
  });

  async function serve(dataSource: DataSource, extra: Parameters<typeof listenProduction>[1] = {}) {
    const { server, port } = await listenProduction(dataSource, extra);
    servers.push(server);
    return port;
  }

  it('(a) a read blocked past the pool statement_timeout (300 ms) answers STATEMENT_TIMEOUT within ~1 s', async () => {
    const reads = createDataSource({ url: db.url, poolSize: 4, statementTimeoutMs: 300 });
    extraSources.push(reads);
    await reads.initialize();
    const port = await serve(reads);
    expect((await postGraphQL(port, { query: PRACTICES })).json.data.practices.nodes).toHaveLength(5);

    const lock = await holdLock(db.url, 'practice');
    try {
      const r = await postGraphQL(port, { query: PRACTICES });
      // eslint-disable-next-line no-console
      console.log(`(a) read statement timeout 300 ms: answered in ${r.ms.toFixed(0)} ms, HTTP ${r.status}`);
      expect(r.json.errors?.[0]?.extensions?.code).toBe('STATEMENT_TIMEOUT');
      expect(r.json.errors[0].message).toMatch(/longer than its \d+ ms limit/);
      expect(r.json.data).toBeNull();
      expect(r.status).toBe(200);
      expect(r.ms).toBeGreaterThanOrEqual(280); // it did wait for the lock…
      expect(r.ms).toBeLessThan(1000); // …but not for long
      expect(await ours()).toEqual([]);
    } finally {
      await lock.release();
    }
    expect((await postGraphQL(port, { query: PRACTICES })).status).toBe(200);
  });

  it('(b) a mutation blocked by a lock answers STATEMENT_TIMEOUT within the server statementTimeoutMs and writes nothing', async () => {
    const statementTimeoutMs = 700;
    const port = await serve(db.dataSource, { statementTimeoutMs });
    const JOIN = 'mutation($id: ID!) { joinCommunityGroup(id: $id) { group { id memberCount } errors { code message } } }';
    const auth = { authorization: `Bearer ${memberToken}` };
    const stored = async () => (await db.dataSource.query(
      "SELECT member_count, (SELECT count(*)::int FROM community_group_member WHERE community_group_id = $1 AND member_id = 'timeout-member') AS mine FROM community_group WHERE id = $1",
      [groupId],
    ))[0] as { member_count: number; mine: number };
    const before = await stored();
    expect(before.mine).toBe(0);

    const lock = await holdLock(db.url, 'community_group_member');
    let r;
    try {
      r = await postGraphQL(port, { query: JOIN, variables: { id: groupId } }, auth);
      expect(await ours()).toEqual([]);
    } finally {
      await lock.release();
    }
    // eslint-disable-next-line no-console
    console.log(`(b) write statement timeout ${statementTimeoutMs} ms: answered in ${r.ms.toFixed(0)} ms, HTTP ${r.status}`);
    expect(r.json.errors?.[0]?.extensions?.code).toBe('STATEMENT_TIMEOUT');
    expect(r.json.errors[0].message).toContain(`${statementTimeoutMs} ms limit`);
    expect(r.ms).toBeGreaterThanOrEqual(statementTimeoutMs - 20);
    expect(r.ms).toBeLessThan(statementTimeoutMs + 500);
    // Nothing was written: no membership, the count as it was.
    expect(await stored()).toEqual(before);
    // Without the lock the same mutation goes through (so the timeout, not the mutation, refused it).
    const ok = await postGraphQL(port, { query: JOIN, variables: { id: groupId } }, auth);
    expect(ok.json.data.joinCommunityGroup.errors).toEqual([]);
    expect(await stored()).toEqual({ member_count: before.member_count + 1, mine: 1 });
  });

  it('(c) a request past its deadline (requestTimeoutMs 500) is HTTP 504 REQUEST_TIMEOUT within ~1 s, its statement cancelled', async () => {
    const port = await serve(db.dataSource, { requestTimeoutMs: 500, statementTimeoutMs: 60_000 });
    const lock = await holdLock(db.url, 'practice');
    try {
      const r = await postGraphQL(port, { query: PRACTICES });
      // Checked while the lock is still held: a statement that was not cancelled would still be waiting on it.
      const left = await ours();
      // eslint-disable-next-line no-console
      console.log(`(c) request deadline 500 ms: answered in ${r.ms.toFixed(0)} ms, HTTP ${r.status}; statements of ours still active: ${left.length}`);
      expect(r.status).toBe(504);
      expect(r.json.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      expect(r.ms).toBeGreaterThanOrEqual(480);
      expect(r.ms).toBeLessThan(1000);
      expect(left).toEqual([]);
    } finally {
      await lock.release();
    }
    expect((await postGraphQL(port, { query: PRACTICES })).status).toBe(200);
  });

  it('(d) a client that hangs up has its blocked statement cancelled within 1 s', async () => {
    const port = await serve(db.dataSource, { statementTimeoutMs: 60_000 }); // default request deadline: 10 s
    const lock = await holdLock(db.url, 'practice');
    try {
      const controller = new AbortController();
      const sentAt = Date.now();
      const pending = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PRACTICES }), signal: controller.signal,
      }).then(() => 'answered', (error: Error) => error.name);
      // It is running: blocked on the lock.
      const deadline = Date.now() + 2000;
      let running = await ours();
      while (running.length === 0 && Date.now() < deadline) {
        await sleep(20);
        running = await ours();
      }
      expect(running.length).toBeGreaterThan(0);
      await sleep(Math.max(0, sentAt + 200 - Date.now())); // abort 200 ms after sending
      controller.abort();
      const abortedAt = performance.now();
      expect(await pending).toBe('AbortError');

      let left = await ours();
      while (left.length > 0 && performance.now() - abortedAt < 1000) {
        await sleep(10);
        left = await ours();
      }
      const cancelMs = performance.now() - abortedAt;
      // eslint-disable-next-line no-console
      console.log(`(d) client disconnect: ${running.length} blocked statement(s) gone ${cancelMs.toFixed(0)} ms after the abort (lock still held)`);
      expect(left).toEqual([]);
      expect(cancelMs).toBeLessThan(1000);
    } finally {
      await lock.release(); // only after checking: the statement could not have finished on its own
    }
    expect((await postGraphQL(port, { query: PRACTICES })).status).toBe(200);
  });
  it('(e) clients hanging up while every pool connection is busy: their statements are cancelled, and the pool serves the next request at once', async () => {
    // A bug the bench found: the cancel itself waited for a pool connection, which the cancelled
    // requests held, so the whole pool stalled until its 5 s connect timeout.
    const small = createDataSource({ url: db.url, poolSize: 3 });
    extraSources.push(small);
    await small.initialize();
    const port = await serve(small, { statementTimeoutMs: 60_000 });
    const lock = await holdLock(db.url, 'practice');
    try {
      const controllers = Array.from({ length: 6 }, () => new AbortController());
      const pending = controllers.map((controller) => fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PRACTICES }), signal: controller.signal,
      }).then(() => 'answered', (error: Error) => error.name));
      const deadline = Date.now() + 2000;
      while ((await ours()).length < 3 && Date.now() < deadline) await sleep(20);
      expect((await ours()).length).toBe(3); // the pool is full: three blocked, three waiting for a connection
      for (const controller of controllers) controller.abort();
      expect(await Promise.all(pending)).toEqual(Array(6).fill('AbortError'));
      const began = performance.now();
      const next = await postGraphQL(port, { query: '{ objectives { number } }' });
      const ms = performance.now() - began;
      // eslint-disable-next-line no-console
      console.log(`(e) pool of 3 full of hung-up requests: the next request answered in ${ms.toFixed(0)} ms (lock still held)`);
      expect(next.status).toBe(200);
      expect(next.json.data.objectives).toHaveLength(23);
      expect(ms).toBeLessThan(1000);
      // A request whose hang-up the server noticed a moment late may have started its statement
      // just before: it is cancelled as soon as the hang-up is seen (within milliseconds), never
      // left to run to its 60 s statement_timeout.
      const drainStarted = Date.now();
      let left = await ours();
      while (left.length > 0 && Date.now() - drainStarted < 1000) {
        await sleep(10);
        left = await ours();
      }
      expect(left).toEqual([]);
    } finally {
      await lock.release();
    }
  });
});
