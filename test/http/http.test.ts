import { createTestDatabase, type TestDatabase } from '../support/database';
import { createServer, type HubServer } from '../../src/server';
import { MIGRATIONS } from '../../src/db/migrations';

describe('HTTP', () => {
  let db: TestDatabase;
  let server: HubServer;
  let url: string;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 9, scale: 'tiny' } });
    server = await createServer({ dataSource: db.dataSource, production: true, debugSql: true });
    url = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('POST /graphql answers a query, in the Accept-Language locale, with the statement count in extensions', async () => {
    const res = await post(JSON.stringify({ query: '{ objectives { number title } }' }), { 'accept-language': 'es' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.data.objectives).toHaveLength(23);
    expect(body.data.objectives[9].title).toMatch(/^Prevenir, combatir y erradicar la trata/);
    expect(body.extensions).toEqual({ sqlStatements: 1, cost: { requested: 23, limit: 25000, actual: 23 } });
  });

  it('GET /health reports the database', async () => {
    const res = await fetch(url.replace(/graphql$/, 'health'));
    expect(res.status).toBe(200);
    expect(await res.json() as any).toEqual({ status: 'ok', database: 'up', migrations: MIGRATIONS.length });
  });

  it('refuses a body that is not JSON with 400 and a code', async () => {
    const res = await post('{ not json');
    expect(res.status).toBe(400);
    expect(await res.json() as any).toEqual({ errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers a syntax error with 400 and GRAPHQL_PARSE_FAILED, and no stack trace in production', async () => {
    const res = await post(JSON.stringify({ query: '{ objectives { number ' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('answers an unknown path with 404 and a hint', async () => {
    const res = await fetch(url.replace(/graphql$/, 'nope'));
    expect(res.status).toBe(404);
    expect((await res.json() as any).message).toMatch(/GraphQL is served at \/graphql/);
  });

  it('answers CORS preflight', async () => {
    const res = await fetch(url, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('reports 503 from /health when the database is gone', async () => {
    const other = await createTestDatabase();
    const lonely = await createServer({ dataSource: other.dataSource, production: true, debugSql: false });
    const lonelyUrl = await lonely.listen(0, '127.0.0.1');
    await other.drop();
    const res = await fetch(lonelyUrl.replace(/graphql$/, 'health'));
    await lonely.stop();
    expect(res.status).toBe(503);
    expect(await res.json() as any).toMatchObject({ status: 'unavailable', database: 'down' });
  });
});
