import { createHash } from 'node:crypto';
import { parse, print } from 'graphql';
import { committedManifest } from '../../src/cache/committed-manifest';
import { createServer, type HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const operation = (name: string) => committedManifest().operations.find((o) => o.name === name)!;

describe('safelist mode (HUBGRAPH_SAFELIST=on)', () => {
  let db: TestDatabase;
  let production: HubServer;
  let development: HubServer;
  let url: string;
  let devUrl: string;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 9, scale: 'tiny' } });
    production = await createServer({ dataSource: db.dataSource, production: true, debugSql: false, safelist: true, apqStore: 'postgres' });
    development = await createServer({ dataSource: db.dataSource, production: false, debugSql: false, safelist: true });
    url = await production.listen(0, '127.0.0.1');
    devUrl = await development.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await production.stop();
    await development.stop();
    await db.drop();
  });

  const post = async (body: unknown, target = url) => {
    const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any, cacheControl: res.headers.get('cache-control') };
  };
  const get = async (params: Record<string, unknown>) => {
    const search = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    const res = await fetch(`${url}?${search}`);
    return { status: res.status, body: (await res.json()) as any, cacheControl: res.headers.get('cache-control') };
  };
  const expectRefused = (answer: { status: number; body: any; cacheControl: string | null }) => {
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toEqual([{ message: expect.stringMatching(/only answers the operations of its manifest/), extensions: { code: 'OPERATION_NOT_IN_SAFELIST' } }]);
    expect(answer.cacheControl).toBe('no-store');
  };

  it('answers a manifest operation sent by its exact text', async () => {
    const { status, body, cacheControl } = await post({ query: operation('ObjectivePage').body, variables: { number: 10, first: 2 } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.objective.number).toBe(10);
    expect(cacheControl).toBe('public, max-age=60');
  });

  it('answers a manifest operation sent by its hash alone (persisted operation, GET), never registered', async () => {
    const home = operation('HomePage');
    const { status, body } = await get({ variables: { first: 1 }, extensions: { persistedQuery: { version: 1, sha256Hash: home.id } } });
    expect(status).toBe(200);
    expect(body.data.curatedView.slug).toBe('home');
  });

  it('answers a manifest operation whose text differs only in whitespace and comments', async () => {
    const compact = print(parse(operation('EventsCalendar').body));
    expect(sha256(compact)).not.toBe(operation('EventsCalendar').id);
    const { status, body } = await post({ query: compact, variables: { first: 1 } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuses any other document with HTTP 400 OPERATION_NOT_IN_SAFELIST, before parsing or validating it', async () => {
    expectRefused(await post({ query: '{ objectives { number } }' }));
    expectRefused(await get({ query: '{ objectives { number } }' }));
    expectRefused(await post({ query: `${operation('HomePage').body}\nquery Extra { regions { code } }`, operationName: 'HomePage' }));
    expectRefused(await post({ query: 'mutation { joinCommunityGroup(id: "x") { errors { code } } }' }));
    expectRefused(await post({ query: '{ not even graphql' }));
    expectRefused(await post({ query: '{ nope }' }));
  });

  it('never registers a refused document as an APQ, and refuses a hash outside the manifest without looking it up', async () => {
    const query = '{ guidingPrinciples { code } }';
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    expectRefused(await post({ query, extensions: { persistedQuery } }));
    expectRefused(await post({ extensions: { persistedQuery } }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await db.dataSource.query('SELECT key FROM persisted_query')).toEqual([]);
  });

  it('answers `_service { sdl }` for gateways, but nothing with it', async () => {
    for (const query of ['{ _service { sdl } }', 'query __ApolloGetServiceDefinition__ { _service { sdl } }']) {
      const { status, body } = await post({ query });
      expect(status).toBe(200);
      expect(body.data._service.sdl).toMatch(/type Objective/);
    }
    expectRefused(await post({ query: '{ _service { sdl } objectives { number } }' }));
  });

  it('is not enforced outside production (the document is answered and logged)', async () => {
    const { status, body } = await post({ query: '{ objectives { number } }' }, devUrl);
    expect(status).toBe(200);
    expect(body.data.objectives).toHaveLength(23);
  });
});
