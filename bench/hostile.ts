import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { freePort } from '../src/db/embedded-postgres';
import { openDatabase } from '../src/db/open-database';
import { prepareDatabase } from '../src/db/prepare-database';

/**
 * `npm run bench:hostile`: the requests that once hurt the service, sent to a production
 * server on the default seed, each timed, with the server's memory and /health latency
 * around it. Prints one line per request and a Markdown table.
 */

const log = (line: string) => console.error(`[hostile] ${line}`);

function nested(cycles: number, first: number): string {
  let inner = 'id: number';
  for (let i = 0; i < cycles; i++) inner = `practices(first: ${first}) { nodes { objectives { ${inner} } } }`;
  return `{ objective(number: 10) { ${inner} } }`;
}

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

const ATTACKS: { name: string; body: unknown; headers?: Record<string, string> }[] = [
  { name: 'depth 30 (10 cycles of practices(first: 1) > objectives)', body: { query: nested(10, 1) } },
  { name: 'three nested practices(first: 100)', body: { query: '{ practices(first: 100) { nodes { objectives { practices(first: 100) { nodes { objectives { practices(first: 100) { nodes { id } } } } } } } } }' } },
  { name: '10 aliases of practices(100) > objectives > practices(100)', body: { query: aliases(10, 'practices(first: 100) { nodes { objectives { practices(first: 100) { nodes { id title summary } } } } }') } },
  { name: '1,000 aliases of objectiveNetwork', body: { query: aliases(1000, 'objectiveNetwork { practiceCount }') } },
  { name: 'introspection in production', body: { query: '{ __schema { types { name } } }' } },
  { name: 'misspelled field (suggestions?)', body: { query: '{ practises { totalCount } }' } },
  { name: '_service { sdl } (gateways)', body: { query: '{ _service { sdl } }' } },
  { name: '_entities with a non-object representation', body: { query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [1] } } },
  { name: 'APQ hash mismatch', body: { query: '{ objectives { number } }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } } },
  { name: 'forged bearer token', body: { query: '{ objectives { number } }' }, headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' } },
  { name: 'a normal home page afterwards', body: { query: readFileSync('schema/operations/home.graphql', 'utf8') } },
];

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, HUBGRAPH_DATA_DIR: path.resolve('.data/hostile') });
  const database = await openDatabase({ ...config, databaseUrl: null }, log);
  await prepareDatabase(database.dataSource, { seedOnStart: true, seed: 42, seedScale: 'default', log });
  const url = (database.dataSource.options as { url: string }).url;
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), NODE_ENV: 'production', HUBGRAPH_SEED_ON_START: '0', HUBGRAPH_JWT_SECRET: 'hostile-bench-secret-of-thirty-two-chars!' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(output)), 60_000);
    child.stdout!.on('data', () => /ready in/.test(output) && (clearTimeout(timer), resolve()));
  });
  const base = `http://127.0.0.1:${port}`;
  const rows: string[] = [];
  try {
    for (const attack of ATTACKS) {
      const before = rssMb(child);
      let healthMs = 0;
      const health = (async () => {
        const began = performance.now();
        await fetch(`${base}/health`);
        healthMs = performance.now() - began;
      })();
      const began = performance.now();
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...attack.headers }, body: JSON.stringify(attack.body) });
      const text = await res.text();
      const ms = performance.now() - began;
      await health;
      let code = '';
      try {
        const json = JSON.parse(text);
        code = json.errors?.[0]?.extensions?.code ?? (json.data ? 'data' : '');
        if (attack.name.startsWith('misspelled')) code += /Did you mean/.test(text) ? ' (suggests)' : ' (no suggestion)';
      } catch {
        code = 'not JSON';
      }
      const line = `| ${attack.name} | ${res.status} | ${code} | ${ms.toFixed(1)} | ${Buffer.byteLength(text)} | ${before} → ${rssMb(child)} | ${healthMs.toFixed(1)} |`;
      rows.push(line);
      log(line);
    }
    const alive = await fetch(`${base}/livez`);
    console.log('| Request | HTTP | Code | ms | Bytes | RSS MB | /health ms during |\n| --- | --- | --- | --- | --- | --- | --- |');
    console.log(rows.join('\n'));
    console.log(`\nprocess alive afterwards: /livez ${alive.status}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
