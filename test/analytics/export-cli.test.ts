import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { createServer, type HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';

interface Run { code: number; stdout: Buffer; stderr: string }

/** `npm run export` (dist/src/analytics/export-cli.js) from its own build, with only `env` on top of a clean environment. */
describe('npm run export (the analysts\' CLI)', () => {
  let db: TestDatabase;
  let server: HubServer;
  let base: string;
  let out: string;

  const run = (args: string[], env: Record<string, string> = {}): Promise<Run> => new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'PORT' && !k.startsWith('HUBGRAPH_'))) as Record<string, string>;
    execFile(process.execPath, [path.join(out, 'src', 'analytics', 'export-cli.js'), ...args], { env: { ...clean, ...env }, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: unknown }).code ?? 1) : 0, stdout, stderr: stderr.toString() }));
  });
  const count = (xml: string, tag: string) => (xml.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 7, scale: 'tiny' } });
    server = await createServer({ dataSource: db.dataSource, production: true, debugSql: false });
    base = (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
    // Its own build, inside the project so node_modules resolve: dist/ may be rebuilt by another test meanwhile.
    await mkdir('.data', { recursive: true });
    out = await mkdtemp(path.join('.data', 'export-cli-build-'));
    await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', out], { timeout: 120_000 }).catch((error: { stdout?: string }) => {
      // Type errors elsewhere still emit; only a missing CLI is fatal.
      if (!/export-cli/.test(String(error.stdout))) return;
      throw error;
    });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('--help exits 0 and lists the formats, the PracticeFilter flags, --min-shared, --out and --server', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    const help = stdout.toString();
    for (const word of ['gexf', 'graphml', 'csv', '--objectives', '--guidingPrinciples', '--regions', '--countries', '--scopes', '--implementerKinds', '--call', '--activeFrom', '--activeTo', '--text', '--min-shared', '--out', '--server', '--token']) {
      expect(help).toContain(word);
    }
  });

  it('--server: byte for byte what GET /export/… answers, and not empty', async () => {
    for (const [format, route, query, flags] of [
      ['gexf', 'objective-network.gexf', 'objectives=10,11&minShared=1', ['--objectives', '10,11', '--min-shared', '1']],
      ['graphml', 'objective-network.graphml', '', []],
      ['csv', 'practice-objectives.csv', 'scopes=GLOBAL,REGIONAL', ['--scopes', 'GLOBAL,REGIONAL']],
    ] as const) {
      const expected = Buffer.from(await (await fetch(`${base}/export/${route}${query ? `?${query}` : ''}`)).arrayBuffer());
      const { code, stdout, stderr } = await run(['--format', format, ...flags, '--server', base]);
      expect({ format, code, stderr }).toEqual({ format, code: 0, stderr: '' });
      expect(stdout.length).toBeGreaterThan(200);
      expect(stdout.equals(expected)).toBe(true);
    }
    const network = (await run(['--format', 'gexf', '--server', base])).stdout.toString();
    expect(count(network, 'edge')).toBeGreaterThan(0);
  });

  it('finds a server answering at localhost:$PORT/readyz by itself, and passes the token', async () => {
    const port = new URL(base).port;
    const expected = Buffer.from(await (await fetch(`${base}/export/objective-network.gexf`)).arrayBuffer());
    const found = await run(['--format', 'gexf'], { PORT: port });
    expect(found.code).toBe(0);
    expect(found.stdout.equals(expected)).toBe(true);
    const refused = await run(['--format', 'gexf'], { PORT: port, HUBGRAPH_TOKEN: 'not-a-token' });
    expect(refused.code).toBe(2);
    expect(refused.stdout.length).toBe(0);
    expect(refused.stderr).toMatch(/^--token \(HUBGRAPH_TOKEN\): /);
  });

  it('a bad filter exits 2, naming the flag, with nothing on stdout (locally and as the server\'s 400)', async () => {
    for (const [args, flag] of [
      [['--format', 'gexf', '--scopes', 'WORLD'], '--scopes'],
      [['--format', 'gexf', '--min-shared', '0'], '--min-shared'],
      [['--format', 'csv', '--activeFrom', 'yesterday'], '--activeFrom'],
      [['--format', 'gexf', '--colour', 'blue'], '--colour'],
      [['--format', 'svg'], '--format'],
      [['--format', 'gexf', '--objectives', '99'], '--objectives'], // out of range: the server's 400
    ] as const) {
      const { code, stdout, stderr } = await run([...args, '--server', base]);
      expect({ args, code, stdout: stdout.toString() }).toEqual({ args, code: 2, stdout: '' });
      expect(stderr.startsWith(`${flag}`)).toBe(true);
    }
  });

  it('through DATABASE_URL: the GEXF has the 23 objectives and some edges', async () => {
    const { code, stdout, stderr } = await run(['--format', 'gexf'], { DATABASE_URL: db.url, PORT: '1' });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const xml = stdout.toString();
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(count(xml, 'node')).toBe(23);
    expect(count(xml, 'edge')).toBeGreaterThan(0);
    const bad = await run(['--format', 'csv', '--regions', '002,', '--out', path.join(out, 'x.csv')], { DATABASE_URL: db.url });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--regions: /);
  });
});
