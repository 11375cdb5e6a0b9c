import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config';
import { freePort } from '../src/db/embedded-postgres';
import { openDatabase } from '../src/db/open-database';
import { seed, SEED_VERSION } from '../seeds/seed';

/**
 * `npm run bench [-- --quick]`: what one round trip costs. The `large` seed in its own
 * embedded PostgreSQL (.data/bench), the server in production mode, and for each page:
 * the graph, the same graph with batching off (the naive N+1), and for three pages the
 * floor (one hand-written statement building the JSON). `graph` and `naive` run with
 * HUBGRAPH_RESPONSE_CACHE=off; `cached` is the graph with the response cache on (every
 * measured request after the probe is a hit). Closed-model load with autocannon at
 * concurrency 1, 10 and 50, no pipelining.
 */

/** `graph2`/`naive2`: the same servers with HUBGRAPH_WORKERS=2 (measured in the paired rounds only). */
type Mode = 'graph' | 'cached' | 'naive' | 'floor' | 'graph2' | 'naive2';

interface Operation {
  name: string;
  body: string;
  /** Only the pages the floor implements. */
  floor?: string;
}

interface Row {
  operation: string;
  mode: Mode;
  concurrency: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  non2xx: number;
  responseBytes: number;
  statements: number | null;
}

const SEED = { randomSeed: 42, scale: 'large' };
const log = (line: string) => console.error(`[bench] ${line}`);

async function benchDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const config = loadConfig({ ...process.env, HUBGRAPH_DATA_DIR: path.resolve('.data/bench') });
  const database = await openDatabase({ ...config, databaseUrl: null }, log);
  await database.dataSource.runMigrations({ transaction: 'each' });
  const runs: { seed: number; scale: string; version: number }[] = await database.dataSource.query('SELECT seed, scale, version FROM seed_run');
  const current = runs.length === 1 && runs[0].seed === SEED.randomSeed && runs[0].scale === SEED.scale && runs[0].version === SEED_VERSION;
  if (!current) {
    log(`seeding scale ${SEED.scale} (seed version ${SEED_VERSION}); kept in .data/bench for the next runs…`);
    const report = await seed(database.dataSource, { ...SEED, reset: true });
    log(`seeded in ${(report.milliseconds / 1000).toFixed(1)} s`);
  }
  const url = (database.dataSource.options as { url: string }).url;
  return { url, close: () => database.close() };
}

/**
 * Starts a server with its output going to a file under .data/bench/logs (as a deployment's
 * log would), ready once that file shows `ready`. Not a pipe read here: the bench process also
 * runs the load generator, and accumulating (and re-scanning) every request's log line in it
 * slowed the load generator more the longer the run went (the cached server's rows at
 * concurrency 1 fell from 1,128 to 47 req/s across one run).
 */
async function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  mkdirSync('.data/bench/logs', { recursive: true });
  const file = path.resolve(`.data/bench/logs/${name}.log`);
  const fd = openSync(file, 'w');
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const output = readFileSync(file, 'utf8');
    if (ready.test(output)) return child;
    if (exited !== undefined) throw new Error(`${name} exited with ${exited}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready after 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Peak RSS of a server: its process and, for a server with workers, its children's, summed. */
function peakRssMb(child: ChildProcess): number {
  const pids = [child.pid!, ...childrenOf(child.pid!)];
  const kb = pids.reduce((sum, pid) => {
    try {
      return sum + Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return sum; // exited meanwhile
    }
  }, 0);
  return Math.round(kb / 1024);
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

interface Soak {
  operation: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  peakRssMb: number;
  /** A second minute of the same load: RSS that stays level means no leak. */
  secondMinute: { requests: number; p99: number; errors: number; non2xx: number; rssAfterMb: number };
}

/**
 * The soak row: 50 clients for 60 s on one page, with the server's memory before and after;
 * then a second minute, so growth that levels off (heap sized for the load) can be told from
 * a leak (growth that goes on).
 */
async function soak(url: string, body: string, server: ChildProcess, operation: string): Promise<Soak> {
  const rssBeforeMb = rssMb(server);
  const result = await load(url, body, 50, 60);
  await new Promise((resolve) => setTimeout(resolve, 2000)); // let the last responses and GC settle
  const rssAfterMb = rssMb(server);
  const second = await load(url, body, 50, 60);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return {
    operation, connections: 50, seconds: 60, requests: result.requests.total, requestsPerSecond: result.requests.average,
    p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx,
    rssBeforeMb, rssAfterMb, peakRssMb: peakRssMb(server),
    secondMinute: { requests: second.requests.total, p99: second.latency.p99, errors: second.errors, non2xx: second.non2xx, rssAfterMb: rssMb(server) },
  };
}

async function operations(url: string): Promise<Operation[]> {
  const variables: Record<string, Record<string, unknown>> = {
    'home.graphql': {},
    'objective.graphql': { number: 10 },
    'practice.graphql': { slug: 'global-guidance-on-child-sensitive-anti-trafficking-responses' },
    'call.graphql': { slug: 'leave-no-child-behind-2024' },
    'group.graphql': { slug: 'counter-trafficking' },
    'events.graphql': {},
    'explore.graphql': { number: 10, filter: { objectives: [11] } },
    'browse.graphql': { filter: { text: 'trafficking', objectives: [9, 10], regions: ['002'], scopes: ['GLOBAL', 'REGIONAL', 'SUBREGIONAL', 'NATIONAL'] } },
    'resources.graphql': { filter: { types: ['REPORT', 'POLICY_BRIEF', 'TOOLKIT'], objectives: [10], publishedFrom: '2019-01-01' }, orderBy: 'RECENT' },
    'network.graphql': { filter: { regions: ['002'], scopes: ['REGIONAL', 'NATIONAL'] }, minShared: 2 },
    'coverage.graphql': { by: 'REGION', filter: { activeFrom: '2019-01-01' } },
  };
  const floors: Record<string, string> = { 'home.graphql': 'HomePage', 'objective.graphql': 'ObjectivePage', 'practice.graphql': 'PracticePage' };
  const ops: Operation[] = readdirSync('schema/operations')
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(path.join('schema/operations', file), 'utf8');
      const operationName = /query\s+(\w+)/.exec(query)![1];
      return {
        name: file.replace('.graphql', ''),
        body: JSON.stringify({ query, operationName, variables: variables[file] ?? {} }),
        floor: floors[file] ? JSON.stringify({ operationName: floors[file], variables: variables[file] ?? {} }) : undefined,
      };
    });
  // _entities with 100 representations of four types, as a router sends them.
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`
    (SELECT 'Practice' AS t, id FROM practice WHERE status = 'PUBLISHED' ORDER BY md5(id::text) LIMIT 40)
    UNION ALL (SELECT 'Resource', id FROM resource WHERE status = 'PUBLISHED' ORDER BY md5(id::text) LIMIT 40)
    UNION ALL (SELECT 'Event', id FROM event ORDER BY md5(id::text) LIMIT 10)
    UNION ALL (SELECT 'Organization', id FROM organization ORDER BY md5(id::text) LIMIT 10)`);
  await client.end();
  ops.push({
    name: 'entities-100',
    body: JSON.stringify({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Practice { id slug title } ... on Resource { id slug title } ... on Event { id slug } ... on Organization { id name } } }',
      variables: { r: rows.map((r: { t: string; id: string }) => ({ __typename: r.t, id: r.id })) },
    }),
  });
  ops.push({
    name: 'objective-network',
    body: JSON.stringify({ query: '{ objectiveNetwork { practiceCount nodes { objective { number shortTitle } practiceCount } edges { source { number } target { number } sharedPractices jaccard } } }' }),
  });
  return ops;
}

async function probe(url: string, body: string): Promise<{ bytes: number; statements: number | null; cache: string | null }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
  const json = JSON.parse(text);
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return { bytes: Buffer.byteLength(text), statements: json.extensions?.sqlStatements ?? null, cache: res.headers.get('x-hubgraph-cache') };
}

async function load(url: string, body: string, connections: number, duration: number): Promise<autocannon.Result> {
  return autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, pipelining: 1, duration });
}

function markdown(rows: Row[], rss: Record<string, number>, machine: string, quick: boolean): string {
  const lines = [
    `Machine: ${machine}. ${quick ? 'Quick run (4 s per measurement)' : 'Full run (10 s per measurement)'}; "saturated": no response completed within the window; server peak RSS: ${Object.entries(rss).map(([k, v]) => `${k} ${v} MB`).join(', ')}.`,
    '',
    '| Operation | Mode | Conc. | req/s | p50 ms | p90 ms | p99 ms | Statements | Bytes | Errors | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.operation} | ${r.mode} | ${r.concurrency} | ${r.requestsPerSecond > 0 ? r.requestsPerSecond.toFixed(0) : 'saturated'} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.statements ?? '1'} | ${r.responseBytes} | ${r.errors} | ${r.non2xx} |`),
  ];
  return lines.join('\n');
}

/** One operation's paired ratios: graph, naive and floor measured in turn, round after round. */
interface Paired {
  operation: string;
  concurrency: number;
  seconds: number;
  rounds: { graph: number; naive: number; floor: number | null; graph2: number; naive2: number; p99: Partial<Record<Mode, number>> }[];
  graphOverNaive: number;
  graphOverFloor: number | null;
  /** The same with two workers each (HUBGRAPH_WORKERS=2). */
  graph2OverNaive2: number;
  graph2OverFloor: number | null;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The ratios the targets name, measured so that the machine's drift cannot make them: the
 * graph, the naive graph and the floor take turns (c10, `rounds` rounds), and each ratio is
 * the median of the per-round ratios. On a shared 2-core machine two sequential rows a minute
 * apart were seen to differ by 25 % (home: 0.61x and 0.80x the floor an hour apart).
 */
async function pairedRatios(op: Operation, urls: Record<Mode, string>, seconds: number, rounds: number): Promise<Paired> {
  const measured: Paired['rounds'] = [];
  for (let round = 0; round < rounds; round++) {
    const p99: Partial<Record<Mode, number>> = {};
    const rate = async (mode: Mode, body: string) => {
      await load(urls[mode], body, 10, 1);
      const result = await load(urls[mode], body, 10, seconds);
      p99[mode] = result.latency.p99;
      return result.requests.average;
    };
    const graph = await rate('graph', op.body);
    const naive = await rate('naive', op.body);
    const floor = op.floor ? await rate('floor', op.floor) : null;
    const graph2 = await rate('graph2', op.body);
    const naive2 = await rate('naive2', op.body);
    measured.push({ graph, naive, floor, graph2, naive2, p99 });
  }
  return {
    operation: op.name, concurrency: 10, seconds, rounds: measured,
    graphOverNaive: median(measured.map((r) => r.graph / r.naive)),
    graphOverFloor: op.floor ? median(measured.map((r) => r.graph / r.floor!)) : null,
    graph2OverNaive2: median(measured.map((r) => r.graph2 / r.naive2)),
    graph2OverFloor: op.floor ? median(measured.map((r) => r.graph2 / r.floor!)) : null,
  };
}

function pairedLine(p: Paired): string {
  const each = (f: (r: Paired['rounds'][number]) => number) => p.rounds.map((r) => f(r).toFixed(2)).join(', ');
  const floor = p.graphOverFloor === null ? '' : `; graph/floor ${p.graphOverFloor.toFixed(2)}x (rounds ${each((r) => r.graph / r.floor!)})`;
  const floor2 = p.graph2OverFloor === null ? '' : `; graph/floor ${p.graph2OverFloor.toFixed(2)}x (rounds ${each((r) => r.graph2 / r.floor!)})`;
  const p99 = (mode: Mode) => p.rounds.map((r) => r.p99[mode] ?? '-').join('/');
  return `${p.operation} (c${p.concurrency}, ${p.rounds.length} rounds of ${p.seconds} s): graph/naive ${p.graphOverNaive.toFixed(2)}x (rounds ${each((r) => r.graph / r.naive)})${floor}; graph req/s ${p.rounds.map((r) => r.graph.toFixed(0)).join(', ')}, p99 ${p99('graph')} ms`
    + `; with 2 workers: graph/naive ${p.graph2OverNaive2.toFixed(2)}x (rounds ${each((r) => r.graph2 / r.naive2)})${floor2}; graph req/s ${p.rounds.map((r) => r.graph2.toFixed(0)).join(', ')}, p99 ${p99('graph2')} ms`
    + (p.graphOverFloor === null ? '' : `; floor p99 ${p99('floor')} ms`);
}

function ratios(rows: Row[]): string[] {
  const at = (op: string, mode: Mode, c: number) => rows.find((r) => r.operation === op && r.mode === mode && r.concurrency === c);
  const out: string[] = [];
  for (const op of [...new Set(rows.map((r) => r.operation))]) {
    const parts: string[] = [];
    for (const c of [1, 10, 50]) {
      const graph = at(op, 'graph', c);
      const naive = at(op, 'naive', c);
      const floor = at(op, 'floor', c);
      const cached = at(op, 'cached', c);
      if (!graph) continue;
      const bits = [`c${c}:`];
      const ratio = (a: number, b: number, digits: number) => (a > 0 && b > 0 ? `${(a / b).toFixed(digits)}x` : 'n/a (saturated)');
      if (cached) bits.push(`cached/graph ${ratio(cached.requestsPerSecond, graph.requestsPerSecond, 1)}`);
      if (naive) bits.push(`graph/naive ${ratio(graph.requestsPerSecond, naive.requestsPerSecond, 1)}`);
      if (floor) bits.push(`graph/floor ${ratio(graph.requestsPerSecond, floor.requestsPerSecond, 2)}`);
      parts.push(bits.join(' '));
    }
    out.push(`${op}: ${parts.join('; ')}`);
  }
  return out;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const soakOnly = process.argv.includes('--soak-only');
  const duration = quick ? 4 : 10;
  const warmup = quick ? 1 : 3;
  const concurrencies = [1, 10, 50];
  const db = await benchDatabase();
  // One client machine sends everything: the per-IP rate limit would measure itself, so it is off here.
  const env = {
    ...process.env, DATABASE_URL: db.url, NODE_ENV: 'production', HUBGRAPH_DEBUG_SQL: '1', HUBGRAPH_SEED_ON_START: '0', HUBGRAPH_RATE_LIMIT: '0',
    HUBGRAPH_JWT_SECRET: process.env.HUBGRAPH_JWT_SECRET ?? 'bench-secret-of-at-least-thirty-two-characters',
  };
  const ports = { graph: await freePort(), cached: await freePort(), naive: await freePort(), floor: await freePort(), graph2: await freePort(), naive2: await freePort() };
  const servers: Record<Mode, ChildProcess> = {
    graph: await startProcess('graph', ['dist/src/main.js'], { ...env, PORT: String(ports.graph), HUBGRAPH_RESPONSE_CACHE: 'off' }, /ready in/),
    cached: await startProcess('cached', ['dist/src/main.js'], { ...env, PORT: String(ports.cached), HUBGRAPH_RESPONSE_CACHE: 'on' }, /ready in/),
    naive: await startProcess('naive', ['dist/src/main.js'], { ...env, PORT: String(ports.naive), HUBGRAPH_LOADERS: 'off', HUBGRAPH_RESPONSE_CACHE: 'off' }, /ready in/),
    floor: await startProcess('floor', ['dist/bench/floor-server.js', db.url, String(ports.floor)], env, /floor ready/),
    graph2: await startProcess('graph2', ['dist/src/main.js'], { ...env, PORT: String(ports.graph2), HUBGRAPH_RESPONSE_CACHE: 'off', HUBGRAPH_WORKERS: '2' }, /ready in/),
    naive2: await startProcess('naive2', ['dist/src/main.js'], { ...env, PORT: String(ports.naive2), HUBGRAPH_LOADERS: 'off', HUBGRAPH_RESPONSE_CACHE: 'off', HUBGRAPH_WORKERS: '2' }, /ready in/),
  };
  const urls: Record<Mode, string> = {
    graph: `http://127.0.0.1:${ports.graph}/graphql`,
    cached: `http://127.0.0.1:${ports.cached}/graphql`,
    naive: `http://127.0.0.1:${ports.naive}/graphql`,
    floor: `http://127.0.0.1:${ports.floor}/graphql`,
    graph2: `http://127.0.0.1:${ports.graph2}/graphql`,
    naive2: `http://127.0.0.1:${ports.naive2}/graphql`,
  };
  const rows: Row[] = [];
  try {
    // `--only=home,objective`: just those rows (names as in the results: file names without .graphql).
    const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
    const ops = (await operations(db.url)).filter((op) => !only || only.includes(op.name));
    for (const op of soakOnly ? [] : ops) {
      const modes: [Mode, string][] = [['graph', op.body], ['cached', op.body], ['naive', op.body]];
      if (op.floor) modes.push(['floor', op.floor]);
      for (const [mode, body] of modes) {
        // The cached server: the first probe fills the cache, the second is a hit (0 statements).
        if (mode === 'cached') await probe(urls[mode], body);
        const { bytes, statements, cache } = await probe(urls[mode], body);
        if (mode === 'cached' && cache !== 'hit') log(`${op.name}: the cached server answered the repeated probe with x-hubgraph-cache ${cache} (not cacheable?)`);
        for (const c of concurrencies) {
          await load(urls[mode], body, c, warmup);
          const result = await load(urls[mode], body, c, duration);
          const row: Row = {
            operation: op.name, mode, concurrency: c,
            requestsPerSecond: result.requests.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99,
            errors: result.errors, non2xx: result.non2xx, responseBytes: bytes, statements: mode === 'floor' ? 1 : statements,
          };
          rows.push(row);
          log(`${op.name} ${mode} c${c}: ${row.requestsPerSecond.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.statements} statements, ${row.errors} errors, ${row.non2xx} non-2xx`);
        }
      }
    }
    // The targets' ratios again, with the modes taking turns (see pairedRatios).
    const paired: Paired[] = [];
    for (const op of soakOnly ? [] : ops.filter((o) => ['home', 'objective', 'practice'].includes(o.name))) {
      const p = await pairedRatios(op, urls, duration, 3);
      paired.push(p);
      log(`paired: ${pairedLine(p)}`);
    }
    const home = ops.find((o) => o.name === 'home') ?? (await operations(db.url)).find((o) => o.name === 'home')!;
    log('soak: 50 clients for 60 s on the home page…');
    const soaked = await soak(urls.graph, home.body, servers.graph, 'home');
    log(`soak: ${soaked.requests} requests, ${soaked.requestsPerSecond.toFixed(0)} req/s, p99 ${soaked.p99} ms, ${soaked.errors} errors, ${soaked.non2xx} non-2xx, RSS ${soaked.rssBeforeMb} -> ${soaked.rssAfterMb} MB (peak ${soaked.peakRssMb})`);
    const rss = Object.fromEntries(Object.entries(servers).map(([mode, child]) => [mode, peakRssMb(child)]));
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
    const date = new Date().toISOString().slice(0, 10);
    // A partial run (--only) never overwrites the day's whole run.
    const slug = `${date}-${os.cpus().length}cpu-${Math.round(os.totalmem() / 2 ** 30)}gb${soakOnly ? '-soak' : quick ? '-quick' : ''}${only ? `-only-${only.join('+')}` : ''}`;
    mkdirSync('bench/results', { recursive: true });
    const soakLine = `Soak (${soaked.operation}, ${soaked.connections} clients, ${soaked.seconds} s): ${soaked.requests} requests, ${soaked.requestsPerSecond.toFixed(0)} req/s, p50 ${soaked.p50} ms, p99 ${soaked.p99} ms, ${soaked.errors} errors, ${soaked.non2xx} non-2xx; server RSS ${soaked.rssBeforeMb} MB before, ${soaked.rssAfterMb} MB after; a second minute: ${soaked.secondMinute.requests} requests, p99 ${soaked.secondMinute.p99} ms, ${soaked.secondMinute.errors} errors, ${soaked.secondMinute.non2xx} non-2xx, RSS ${soaked.secondMinute.rssAfterMb} MB after (peak ${soaked.peakRssMb} MB).`;
    const table = `${markdown(rows, rss, machine, quick)}\n\n${soakLine}`;
    const ratioLines = ratios(rows);
    const pairedText = paired.length ? `\n\nPaired ratios (graph, naive, floor, then graph and naive with 2 workers take turns; median of the rounds):\n\n${paired.map((p) => `- ${pairedLine(p)}`).join('\n')}` : '';
    writeFileSync(`bench/results/${slug}.json`, JSON.stringify({ date, machine, quick, duration, concurrencies, seed: SEED, rss, rows, paired, soak: soaked }, null, 2) + '\n');
    writeFileSync(`bench/results/${slug}.md`, `${table}\n\nRatios (req/s):\n\n${ratioLines.map((l) => `- ${l}`).join('\n')}${pairedText}\n`);
    console.log(table);
    console.log('\nRatios (req/s):');
    for (const line of ratioLines) console.log(`  ${line}`);
    if (paired.length) console.log(`\nPaired ratios:\n${paired.map((p) => `  ${pairedLine(p)}`).join('\n')}`);
    console.log(`\nwrote bench/results/${slug}.json and .md`);
  } finally {
    for (const child of Object.values(servers)) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
