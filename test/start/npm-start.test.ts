import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
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
async function npmStart(dataDir: string, port: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, HUBGRAPH_DATA_DIR: dataDir, PORT: String(port), SEED_SCALE: 'tiny', NODE_ENV: 'production', HUBGRAPH_JWT_SECRET: 'npm-start-test-secret-of-32-characters' };
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
});
