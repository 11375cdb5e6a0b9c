import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/embedded-postgres';
import { MIGRATIONS } from '../../src/db/migrations';

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
  readyMs: number;
}

/** `npm start` as a person runs it: no DATABASE_URL, so the embedded PostgreSQL starts. */
async function npmStart(dataDir: string, port: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, HUBGRAPH_DATA_DIR: dataDir, PORT: String(port), SEED_SCALE: 'tiny', NODE_ENV: 'production', HUBGRAPH_JWT_SECRET: 'npm-start-test-secret-of-32-characters', ...extraEnv };
  delete env.DATABASE_URL;
  const began = Date.now();
  // Its own process group, so the test can signal npm, the shell and node together, as a terminal does.
  const child = spawn('npm', ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 180 s:\n${text}`)), 180_000);
    const check = () => {
      const match = /ready in \d+ ms at (\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${text}`));
    });
  });
  return { child, output: () => text, url, readyMs: Date.now() - began };
}

/** SIGTERM to the whole group; resolves once every process holding its output (npm, node) is gone. */
async function stop(started: Started): Promise<number> {
  const exited = new Promise<number>((resolve) => started.child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 0))));
  const began = Date.now();
  process.kill(-started.child.pid!, 'SIGTERM');
  await exited;
  return Date.now() - began;
}

describe('npm start', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-start-'));
    await chmod(root, 0o755);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('with no DATABASE_URL serves the seeded graph from an embedded PostgreSQL, stops cleanly, and reuses the data', async () => {
    const dataDir = path.join(root, 'data');
    const first = await npmStart(dataDir, await freePort());
    try {
      expect(first.output()).toMatch(/starting embedded PostgreSQL/);
      expect(first.output()).toMatch(new RegExp(`applied ${MIGRATIONS.length} migration`));
      expect(first.output()).toMatch(/empty database: seeding/);
      const res = await fetch(first.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ objectives { number } }' }) });
      expect(res.status).toBe(200);
      expect((await res.json() as any).data.objectives).toHaveLength(23);
    } finally {
      const stopMs = await stop(first);
      expect(stopMs).toBeLessThan(10_000);
    }
    expect(first.output()).toMatch(/stopped/);
    // PostgreSQL removes its pid file when it has shut down.
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await npmStart(dataDir, await freePort());
    try {
      expect(second.output()).not.toMatch(/seeding|applied \d+ migration/);
      const res = await fetch(second.url.replace(/graphql$/, 'health'));
      expect(await res.json() as any).toMatchObject({ status: 'ok', database: 'up' });
    } finally {
      await stop(second);
    }
    console.log(`npm start ready: first run ${first.readyMs} ms, second run ${second.readyMs} ms (including the TypeScript build)`);
  });

  it('with HUBGRAPH_WORKERS=2 serves from two processes sharing one rate-limit budget and one /metrics, replaces a killed worker, and stops them all', async () => {
    const dataDir = path.join(root, 'workers');
    const BUDGET = 100; // points per minute: 4 of the 12 requests below (23 points each)
    const started = await npmStart(dataDir, await freePort(), { HUBGRAPH_WORKERS: '2', HUBGRAPH_RATE_LIMIT: String(BUDGET) });
    const graphqlRequests = () => started.output().split('\n').filter((line) => line.includes('"event":"graphql_request"')).map((line) => JSON.parse(line));
    try {
      expect(started.output()).toMatch(/ready in \d+ ms at \S+ with 2 workers/);
      // Each request on its own connection, so the cluster spreads them over the workers, and
      // each a document of its own, so none is answered from the response cache.
      const answers: any[] = [];
      for (let i = 0; i < 12; i++) answers.push(await postClosing(started.url, `{ o${i}: objectives { number } }`));
      const allowed = answers.filter((a) => a.status === 200);
      const refused = answers.filter((a) => a.status === 429);
      const cost = allowed[0].body.extensions.cost.requested;
      expect(cost).toBeGreaterThan(10);
      // One budget: every answer's remaining points continue the previous one, whichever worker answered.
      expect(allowed.length).toBe(Math.floor(BUDGET / cost));
      expect(allowed.map((a) => a.body.extensions.rateLimit.remaining)).toEqual(allowed.map((_, i) => BUDGET - (i + 1) * cost));
      expect(refused.length).toBe(12 - allowed.length);
      expect(refused[0].body.errors[0].extensions.code).toBe('RATE_LIMITED');
      await waitFor(() => graphqlRequests().length >= 12);
      const pids = new Set(graphqlRequests().map((line) => line.pid));
      expect(pids.size).toBe(2);
      expect(pids.has(started.child.pid)).toBe(false);

      // GET /metrics on any worker counts the requests of both.
      const metrics = await (await fetch(started.url.replace(/graphql$/, 'metrics'))).text();
      const counted = [...metrics.matchAll(/^hubgraph_graphql_request_duration_seconds_count\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
      expect(counted).toBe(12);

      // A worker killed outright is replaced (after a second), and the server keeps answering meanwhile.
      const [victim, survivor] = pids;
      process.kill(victim, 'SIGKILL');
      await waitFor(() => /worker \d exited \(signal SIGKILL\); starting another in 1 s/.test(started.output()));
      expect((await postClosing(started.url, '{ meanwhile: objectives { number } }')).status).not.toBe(502);
      let i = 0;
      await waitFor(async () => {
        await postClosing(started.url, `{ r${i++}: objectives { number } }`);
        return graphqlRequests().some((line) => line.pid !== victim && line.pid !== survivor);
      }, 30_000);
    } finally {
      const stopMs = await stop(started);
      expect(stopMs).toBeLessThan(15_000);
    }
    expect(started.output()).toMatch(/stopped/);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    for (const pid of new Set(graphqlRequests().map((line) => line.pid))) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });
});

/** POST on a connection of its own (no keep-alive), so consecutive requests may land on different workers. */
function postClosing(url: string, query: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
