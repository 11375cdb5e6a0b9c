import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createServer, type HubServer } from '../../src/server';

const SCRIPT = 'explore-TEST1234.js';
const SCRIPT_TEXT = 'console.log("the explorer");'.repeat(100);
const STYLE = 'explore-TEST5678.css';
const STYLE_TEXT = 'body { margin: 0 }';

/**
 * The routes of the objective-network explorer (src/explore/explore-handler.ts), against a
 * stand-in of dist/explore so that `npm test` needs no bundle; the real bundle in a browser:
 * test/e2e/explore.e2e.test.ts (npm run test:e2e).
 */
describe('HTTP: the objective-network explorer at GET /explore', () => {
  let db: TestDatabase;
  let bundle: string;
  let empty: string;
  const servers: HubServer[] = [];
  let dev: string;
  let production: string;
  let notBuilt: string;

  const start = async (options: { production: boolean; exploreDirectory: string }) => {
    const server = await createServer({ dataSource: db.dataSource, debugSql: false, ...options });
    servers.push(server);
    return (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    bundle = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-explore-'));
    empty = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-explore-empty-'));
    await writeFile(path.join(bundle, 'index.html'), `<!doctype html><title>Explorer</title><link rel="stylesheet" href="/explore/assets/${STYLE}"><script defer src="/explore/assets/${SCRIPT}"></script>`);
    await writeFile(path.join(bundle, SCRIPT), SCRIPT_TEXT);
    await writeFile(path.join(bundle, `${SCRIPT}.gz`), gzipSync(SCRIPT_TEXT));
    await writeFile(path.join(bundle, STYLE), STYLE_TEXT);
    await writeFile(path.join(bundle, 'secret.txt'), 'not listed in the manifest');
    await writeFile(path.join(bundle, 'manifest.json'), JSON.stringify({
      files: { [SCRIPT]: { type: 'text/javascript', bytes: SCRIPT_TEXT.length, encodings: ['gzip'] }, [STYLE]: { type: 'text/css', bytes: STYLE_TEXT.length, encodings: [] } },
    }));
    dev = await start({ production: false, exploreDirectory: bundle });
    production = await start({ production: true, exploreDirectory: bundle });
    notBuilt = await start({ production: false, exploreDirectory: empty });
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await rm(bundle, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
    await db.drop();
  });

  it.each([['development', () => dev], ['production', () => production]])('serves the page in %s: HTML, revalidated, allowed to load and connect to this server only', async (_mode, base) => {
    const res = await fetch(`${base()}/explore`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    for (const directive of ["script-src 'self'", "style-src 'self'", "connect-src 'self'"]) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/https?:|\*/);
    const html = await res.text();
    expect(html).toContain(`/explore/assets/${SCRIPT}`);
  });

  it('serves the assets the page names, hashed and immutable, compressed when asked', async () => {
    const script = await fetch(`${dev}/explore/assets/${SCRIPT}`, { headers: { 'accept-encoding': 'identity' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe(SCRIPT_TEXT);
    // fetch decodes gzip itself: the body is the same, the header says how it travelled.
    const gzipped = await fetch(`${dev}/explore/assets/${SCRIPT}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(await gzipped.text()).toBe(SCRIPT_TEXT);
    const style = await fetch(`${dev}/explore/assets/${STYLE}`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await style.text()).toBe(STYLE_TEXT);
  });

  it('serves only the files of the manifest, and only with GET or HEAD', async () => {
    expect((await fetch(`${dev}/explore/assets/secret.txt`)).status).toBe(404);
    expect((await fetch(`${dev}/explore/assets/..%2Fmanifest.json`)).status).toBe(404);
    expect((await fetch(`${dev}/explore/assets/manifest.json`)).status).toBe(404);
    expect((await fetch(`${dev}/explore`, { method: 'POST', body: '{}' })).status).toBe(405);
    const head = await fetch(`${dev}/explore`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('says how to build it when dist/explore is missing', async () => {
    const res = await fetch(`${notBuilt}/explore`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toMatch(/npm run build/);
    expect((await fetch(`${notBuilt}/explore/assets/${SCRIPT}`)).status).toBe(404);
  });
});
