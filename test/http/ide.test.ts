import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createContext } from '../../src/context';
import { createServer, type HubServer } from '../../src/server';
import EXAMPLES from '../../src/ide/operation-examples.json';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const SCRIPT = 'main-TEST1234.js';
const SCRIPT_TEXT = 'console.log("the IDE");'.repeat(100);

/**
 * The routes of the GraphiQL IDE (src/ide/ide-handler.ts), against a stand-in of dist/ide so
 * that `npm test` needs no bundle; the real bundle in a browser: test/e2e (npm run test:e2e).
 */
describe('HTTP: the GraphiQL IDE at GET /graphql', () => {
  let db: TestDatabase;
  let bundle: string;
  let empty: string;
  const servers: HubServer[] = [];
  let dev: string;
  let production: string;
  let notBuilt: string;

  const start = async (options: { production: boolean; ideDirectory: string; introspection?: boolean }) => {
    const server = await createServer({ dataSource: db.dataSource, debugSql: false, ...options });
    servers.push(server);
    return (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 5, scale: 'tiny' } });
    bundle = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-ide-'));
    empty = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-ide-empty-'));
    await writeFile(path.join(bundle, 'index.html'), '<!doctype html><title>GraphiQL</title><script defer src="graphql/ide/main-TEST1234.js"></script>');
    await writeFile(path.join(bundle, SCRIPT), SCRIPT_TEXT);
    await writeFile(path.join(bundle, `${SCRIPT}.gz`), gzipSync(SCRIPT_TEXT));
    await writeFile(path.join(bundle, 'secret.txt'), 'not listed in the manifest');
    await writeFile(path.join(bundle, 'manifest.json'), JSON.stringify({ files: { [SCRIPT]: { type: 'text/javascript', bytes: SCRIPT_TEXT.length, encodings: ['gzip'] } } }));
    dev = await start({ production: false, ideDirectory: bundle });
    production = await start({ production: true, ideDirectory: bundle });
    notBuilt = await start({ production: false, ideDirectory: empty });
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await rm(bundle, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
    await db.drop();
  });

  it('serves the page to a browser: HTML, revalidated, allowed to load and connect to this server only', async () => {
    const res = await fetch(`${dev}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*connect-src 'self'/);
    expect(await res.text()).toMatch(/<title>GraphiQL<\/title>/);
    const head = await fetch(`${dev}/graphql`, { method: 'HEAD', headers: { accept: 'text/html' } });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('keeps GET /graphql a GraphQL endpoint with ?query=, and for clients that do not ask for HTML', async () => {
    const query = encodeURIComponent('{ objective(number: 10) { shortTitle } }');
    for (const [url, accept] of [[`${dev}/graphql?query=${query}`, BROWSER_ACCEPT], [`${dev}/graphql?query=${query}`, 'application/json']]) {
      const res = await fetch(url, { headers: { accept } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ data: { objective: { shortTitle: 'Eradicate trafficking' } } });
    }
    // No query and no HTML wanted: Apollo's own answer, not a page (its landing page is off).
    const bare = await fetch(`${dev}/graphql`, { headers: { accept: 'application/json' } });
    expect(bare.status).toBe(400);
    expect(bare.headers.get('content-type')).toMatch(/json/);
  });

  it('serves the bundle under /graphql/ide/ with its type, a year of caching, gzip when accepted', async () => {
    const plain = await fetch(`${dev}/graphql/ide/${SCRIPT}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT_TEXT);
    // fetch() decodes it, and keeps the header.
    const zipped = await fetch(`${dev}/graphql/ide/${SCRIPT}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('accept-encoding');
    expect(await zipped.text()).toBe(SCRIPT_TEXT);
  });

  it('serves only the files the build listed', async () => {
    for (const name of ['secret.txt', 'manifest.json', 'index.html', '..%2Fpackage.json', '%2E%2E/%2E%2E/package.json', 'main-NOPE.js', '']) {
      const res = await fetch(`${dev}/graphql/ide/${name}`);
      expect({ name, status: res.status }).toEqual({ name, status: 404 });
      expect(await res.json()).toMatchObject({ error: 'not_found' });
    }
    const post = await fetch(`${dev}/graphql/ide/${SCRIPT}`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('without introspection (production default) answers a browser with 404 and why, never a CDN page', async () => {
    for (const url of [`${production}/graphql`, `${production}/graphql/ide/${SCRIPT}`]) {
      const res = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: string; message: string };
      expect(body).toEqual({ error: 'not_found', message: expect.stringMatching(/only where introspection is on.*HUBGRAPH_INTROSPECTION=1/) });
    }
    // …and still answers GraphQL there.
    const res = await fetch(`${production}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ objective(number: 10) { shortTitle } }' }) });
    expect(await res.json()).toMatchObject({ data: { objective: { shortTitle: 'Eradicate trafficking' } } });
  });

  it('says how to build the IDE when dist/ide is missing', async () => {
    const res = await fetch(`${notBuilt}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toMatch(/not built: run `npm run build`/);
  });

  it("answers GraphiQL's introspection query within the limits", async () => {
    const res = await fetch(`${dev}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery({ inputValueDeprecation: true }), operationName: 'IntrospectionQuery' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { __schema: { queryType: { name: string } } }; errors?: unknown; extensions: { cost: { requested: number } } };
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType.name).toBe('Query');
    expect(body.extensions.cost.requested).toBe(0);
  });
});

describe('the IDE: example variables of schema/operations (src/ide/operation-examples.json)', () => {
  const dir = path.join('schema', 'operations');
  const files = readdirSync(dir).filter((file) => file.endsWith('.graphql'));
  const examples = EXAMPLES as Record<string, Record<string, unknown>>;
  let db: TestDatabase;
  let server: HubServer;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 5, scale: 'tiny' } });
    server = await createServer({ dataSource: db.dataSource, production: false, debugSql: false });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it('has an example for every operation, with every required variable', () => {
    for (const file of files) {
      const operation = parse(readFileSync(path.join(dir, file), 'utf8')).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const required = (operation.variableDefinitions ?? []).filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue).map((v) => v.variable.name.value);
      expect({ file, example: file in examples, missing: required.filter((name) => !(name in (examples[file] ?? {}))) }).toEqual({ file, example: true, missing: [] });
    }
    expect(Object.keys(examples).filter((file) => !files.includes(file))).toEqual([]);
  });

  it.each(files)('%s runs with its example variables, without errors', async (file) => {
    const result = await server.apollo.executeOperation(
      { query: readFileSync(path.join(dir, file), 'utf8'), variables: examples[file] },
      { contextValue: createContext({ dataSource: db.dataSource }) },
    );
    if (result.body.kind !== 'single') throw new Error('expected a single result');
    expect(result.body.singleResult.errors).toBeUndefined();
  });
});
