import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { Client } from 'pg';
import { createDataSource } from '../../src/db/data-source';
import { DbSession } from '../../src/db/session';
import { poolOf } from '../../src/db/sql';
import { StatementCounter } from '../../src/db/statement-counter';
import { freePort, type EmbeddedDatabase, type EmbeddedOptions } from '../../src/db/embedded-postgres';
import { logger } from '../../src/log/logger';
import type { HubServer } from '../../src/server';
import { seed } from '../../seeds/seed';
import { listenProduction, parseJson, postGraphQL, rawRequest, sleep } from './support';

/**
 * PostgreSQL goes away under load and comes back, on the same port and folder, while the
 * server keeps running: 503 SERVICE_UNAVAILABLE with Retry-After (at once, without touching
 * the pool) while it is down, /readyz 503 but /livez 200, one log line each way, and answers
 * again on their own once it is back.
 */

/**
 * startEmbeddedPostgres(options), run in a child Node process (embedded-pg-child.js): jest
 * cannot import the ES-module `embedded-postgres` package in a test. Same contract:
 * resolves once PostgreSQL is up with its URL; stop() is its fast shutdown.
 */
function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const child = spawn(process.execPath, ['--experimental-require-module', '--no-warnings', path.join(__dirname, 'embedded-pg-child.js'), JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines: ((line: Record<string, unknown>) => void)[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk) => {
    buffered += chunk;
    for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      try {
        const parsed = JSON.parse(line);
        lines.shift()?.(parsed);
      } catch {
        // not one of ours
      }
    }
  });
  const next = () => new Promise<Record<string, unknown>>((resolve) => lines.push(resolve));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return Promise.race<Record<string, unknown>>([
    next(),
    exited.then((code) => ({ error: `exited with ${code}: ${stderr}` })),
  ]).then((first) => {
    if (typeof first.url !== 'string') throw new Error(`embedded PostgreSQL did not start: ${String(first.error)}`);
    return {
      url: first.url,
      async stop() {
        if (child.exitCode !== null) return;
        child.stdin!.write('stop\n');
        await exited;
      },
    };
  });
}

const QUERY = '{ objectives { number } practices(first: 5) { totalCount nodes { id title } } }';
const WORKERS = 6;

interface Sample {
  at: number;
  status: number;
  code: string | null;
  retryAfter: string | undefined;
  ms: number;
  errors: number;
  failure?: string;
}

describe('database outage and recovery (own embedded PostgreSQL)', () => {
  let root: string;
  let directory: string;
  let port: number;
  let pg: EmbeddedDatabase | null = null;
  let dataSource: DataSource;
  let server: HubServer;
  let serverPort: number;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-outage-'));
    directory = path.join(root, 'pg');
    port = await freePort();
    pg = await startEmbeddedPostgres({ directory, database: 'outage', persistent: true, port });
    dataSource = createDataSource({ url: pg.url, poolSize: 10 });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await seed(dataSource, { randomSeed: 5, scale: 'tiny' });
    ({ server, port: serverPort } = await listenProduction(dataSource));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await server?.stop();
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await pg?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('a connection that dies while a session holds it between statements is handled, not thrown out of the event loop', async () => {
    // pg-pool listens for errors only on idle clients. A checked-out client whose connection
    // ends between statements emits 'error'; with no listener that is an uncaught exception
    // (jest: "Unhandled error"), i.e. the whole server process ends.
    const session = new DbSession(poolOf(dataSource), new StatementCounter(), { statementTimeoutMs: 5000 });
    const admin = new Client({ connectionString: pg!.url, application_name: 'hardening-admin' });
    await admin.connect();
    try {
      const outcome = await session.transaction(async (tx) => {
        const [{ pid }] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await sleep(300); // checked out and idle: the FATAL message and the end of the connection arrive now
        return tx.query('SELECT 1 AS one');
      }).then(() => 'committed', (error: Error) => `refused: ${error.message}`);
      expect(outcome).toMatch(/^refused: /);
    } finally {
      await admin.end();
    }
    // The dead connection was not handed back to the pool as healthy: the next statements work.
    for (let i = 0; i < 12; i++) expect(await session.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('answers 503 + Retry-After while PostgreSQL is stopped, logs it once, and recovers by itself when it is back', async () => {
    const errorLog = jest.spyOn(logger, 'error');
    const infoLog = jest.spyOn(logger, 'info');
    // TypeORM's pool warnings ("Postgres pool raised an error") go to console.error, one per dropped
    // connection: counted and summarised below rather than printed with a stack each.
    const consoleLines: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')));
    const events = (spy: jest.SpyInstance, event: string) => spy.mock.calls.filter(([fields]) => (fields as { event?: string } | undefined)?.event === event).length;

    // The load: WORKERS loops of a normal query, each answer sampled.
    const samples: Sample[] = [];
    let running = true;
    const t0 = performance.now();
    const loop = async () => {
      while (running) {
        const began = performance.now();
        try {
          const r = await postGraphQL(serverPort, { query: QUERY });
          samples.push({ at: began - t0, status: r.status, code: r.json?.errors?.[0]?.extensions?.code ?? null, retryAfter: r.headers['retry-after'] as string | undefined, ms: r.ms, errors: r.json?.errors?.length ?? 0 });
        } catch (error) {
          samples.push({ at: began - t0, status: 0, code: null, retryAfter: undefined, ms: performance.now() - began, errors: 0, failure: (error as Error).message });
        }
        if (samples.length > 0 && samples[samples.length - 1].status === 503) await sleep(20); // a polite client would wait Retry-After; this one only keeps the load up
      }
    };
    const workers = Array.from({ length: WORKERS }, loop);
    const waitFor = async (what: string, predicate: () => boolean, timeoutMs: number) => {
      const deadline = performance.now() + timeoutMs;
      while (!predicate()) {
        if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await sleep(25);
      }
      return performance.now() - t0;
    };

    try {
      // Warm: everything answers (at least 20 answers, however slow the machine).
      await waitFor('20 warm answers', () => samples.length >= 20, 15_000);
      expect(samples.every((s) => s.status === 200 && s.errors === 0)).toBe(true);

      // Stop PostgreSQL under load.
      const stopAt = performance.now() - t0;
      await pg!.stop();
      pg = null;
      const stoppedAt = performance.now() - t0;
      await waitFor('the first 503', () => samples.some((s) => s.at + s.ms >= stopAt && s.status === 503), 10_000);
      const first503 = samples.filter((s) => s.at + s.ms >= stopAt && s.status === 503).sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
      const first503At = first503.at + first503.ms; // when it was answered
      expect(first503.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(first503.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(first503At - stopAt).toBeLessThan(5000);

      // While down: every GraphQL request is 503 at once; /readyz 503 with Retry-After; /livez 200.
      await sleep(1500);
      const direct = await postGraphQL(serverPort, { query: QUERY });
      expect(direct.status).toBe(503);
      expect(direct.json.errors).toEqual([{ message: expect.stringMatching(/^The database cannot be reached right now; retry in \d+ s\.$/), extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
      expect(Number(direct.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(direct.ms).toBeLessThan(200);
      const readyDown = await rawRequest(serverPort, { method: 'GET', path: '/readyz' });
      expect(readyDown.status).toBe(503);
      expect(Number(readyDown.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(parseJson(readyDown.text)).toMatchObject({ status: 'unavailable', database: 'down' });
      expect(JSON.stringify(parseJson(readyDown.text))).not.toMatch(/postgres|ECONNREFUSED|127\.0\.0\.1/i);
      const livez = await rawRequest(serverPort, { method: 'GET', path: '/livez' });
      expect(livez.status).toBe(200);
      await sleep(1500);
      const downSamples = samples.filter((s) => s.at > first503At + 100 && s.at < performance.now() - t0 - 100);
      expect(downSamples.length).toBeGreaterThan(20);
      expect(downSamples.every((s) => s.status === 503 && s.code === 'SERVICE_UNAVAILABLE' && Number(s.retryAfter) >= 1)).toBe(true);
      const sortedMs = downSamples.map((s) => s.ms).sort((a, b) => a - b);
      const median503Ms = sortedMs[Math.floor(sortedMs.length / 2)];
      expect(median503Ms).toBeLessThan(50); // answered without waiting on a connection
      // One log line for the outage, however many requests it refused.
      expect(events(errorLog, 'database_down')).toBe(1);
      expect(events(infoLog, 'database_up')).toBe(0);

      // PostgreSQL comes back on the same port and folder; the server is not restarted.
      const restartAt = performance.now() - t0;
      pg = await startEmbeddedPostgres({ directory, database: 'outage', persistent: true, port });
      const startedAt = performance.now() - t0;
      await waitFor('the first 200 after the restart', () => samples.some((s) => s.at >= startedAt && s.status === 200), 20_000);
      const first200 = samples.filter((s) => s.at >= startedAt && s.status === 200).sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
      const first200At = first200.at + first200.ms;
      expect(first200At - startedAt).toBeLessThan(15_000);
      await sleep(500);
      const readyUp = await rawRequest(serverPort, { method: 'GET', path: '/readyz' });
      expect(readyUp.status).toBe(200);
      expect(parseJson(readyUp.text)).toEqual({ status: 'ready', database: 'up' });
      await waitFor('10 answers after the recovery', () => samples.filter((s) => s.at > first200At + 50).length >= 10, 15_000);
      const after = samples.filter((s) => s.at > first200At + 50);
      expect(after.every((s) => s.status === 200 && s.errors === 0)).toBe(true);
      expect(events(infoLog, 'database_up')).toBe(1);
      expect(events(errorLog, 'database_down')).toBe(1);

      running = false;
      await Promise.all(workers);

      // Over the whole run: only 200 and 503 SERVICE_UNAVAILABLE (with Retry-After), never a 500, a hang or a reset.
      const histogram = new Map<string, number>();
      for (const s of samples) histogram.set(`${s.status}${s.code ? ` ${s.code}` : ''}`, (histogram.get(`${s.status}${s.code ? ` ${s.code}` : ''}`) ?? 0) + 1);
      const unexpected = samples.filter((s) => !(s.status === 200 && s.errors === 0) && !(s.status === 503 && s.code === 'SERVICE_UNAVAILABLE' && Number(s.retryAfter) >= 1));
      const otherErrorLogs = errorLog.mock.calls.filter(([fields]) => (fields as { event?: string } | undefined)?.event !== 'database_down');
      // eslint-disable-next-line no-console
      console.log([
        `outage: PostgreSQL stop() called at ${stopAt.toFixed(0)} ms, returned after ${(stoppedAt - stopAt).toFixed(0)} ms`,
        `  time to first 503: answered ${(first503At - stopAt).toFixed(0)} ms after stop() was called`,
        `  median time to answer a 503 while down: ${median503Ms.toFixed(1)} ms`,
        `  restart took ${(startedAt - restartAt).toFixed(0)} ms; first 200 ${(first200At - startedAt).toFixed(0)} ms after PostgreSQL was back (${(first200At - restartAt).toFixed(0)} ms after the restart began)`,
        `  samples: ${samples.length}; ${[...histogram].map(([k, n]) => `${k}: ${n}`).join(', ')}`,
        `  log: database_down ${events(errorLog, 'database_down')}, database_up ${events(infoLog, 'database_up')}, other error lines ${otherErrorLogs.length}`,
        `  console.error lines: ${consoleLines.length} (${[...new Set(consoleLines.map((line) => line.slice(0, 90)))].join(' | ')})`,
        ...unexpected.slice(0, 10).map((s) => `  unexpected: ${JSON.stringify(s)}`),
        ...otherErrorLogs.slice(0, 5).map((call) => `  other error log: ${JSON.stringify(call).slice(0, 300)}`),
      ].join('\n'));
      expect(unexpected).toEqual([]);
      // Refused requests were expected ones: nothing else reached the error log.
      expect(otherErrorLogs).toEqual([]);
      expect(consoleLines.filter((line) => !line.startsWith('[typeorm] Postgres pool raised an error.'))).toEqual([]);
    } finally {
      running = false;
      await Promise.all(workers);
    }
  });
});
