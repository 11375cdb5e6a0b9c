import { createHash } from 'node:crypto';
import { Role } from '../../src/auth/principal';
import { signToken } from '../../src/auth/sign-token';
import { poolOf } from '../../src/db/sql';
import { logger } from '../../src/log/logger';
import { Metrics } from '../../src/observability/metrics';
import { createServer, type HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_JWT_SECRET } from '../support/graphql';

describe('operators: one log line per request, Prometheus metrics', () => {
  let db: TestDatabase;
  let server: HubServer;
  let url: string;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 5, scale: 'tiny' } });
    server = await createServer({
      dataSource: db.dataSource, production: true, debugSql: false,
      auth: { secret: TEST_JWT_SECRET, jwksUrl: null, issuer: null, audience: null },
    });
    url = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  const requestLines = (spy: jest.SpyInstance) =>
    spy.mock.calls.filter(([fields]) => (fields as { event?: string })?.event === 'graphql_request').map(([fields]) => fields as Record<string, any>);

  it('logs one JSON line per request: request id, operation, duration, statements, cost, status, principal; never the token', async () => {
    const info = jest.spyOn(logger, 'info');
    try {
      const token = await signToken(TEST_JWT_SECRET, { sub: 'member-7', roles: [Role.MEMBER] });
      const first = await post({ query: 'query Objectives { objectives { number shortTitle } }', operationName: 'Objectives' }, { 'x-request-id': 'req-123' });
      expect(first.headers.get('x-request-id')).toBe('req-123');
      await first.text();
      const second = await post({ query: 'query Me { viewer { id } }' }, { authorization: `Bearer ${token}` });
      expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      await second.text();
      const bad = await post({ query: '{ practices(first: 1000) { totalCount } }' });
      await bad.text();
      await new Promise((resolve) => setTimeout(resolve, 50)); // 'finish' fires after the body is sent
      const lines = requestLines(info);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatchObject({ requestId: 'req-123', operation: 'Objectives', status: 200, statements: 1, cost: { requested: 23, actual: 23 }, principal: 'anonymous' });
      expect(lines[0].durationMs).toBeGreaterThan(0);
      expect(lines[1]).toMatchObject({ operation: 'Me', status: 200, principal: 'member-7', statements: 0 });
      expect(lines[2]).toMatchObject({ status: 200, errors: ['BAD_USER_INPUT'] });
      expect(JSON.stringify(lines)).not.toContain(token);
    } finally {
      info.mockRestore();
    }
  });

  it('serves Prometheus metrics: request durations by operation and status, statements, cost, pool and database gauges', async () => {
    for (let i = 0; i < 3; i++) await (await post({ query: 'query Objectives { objectives { number } }' })).text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const res = await fetch(url.replace(/graphql$/, 'metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const count = Number(/hubgraph_graphql_request_duration_seconds_count\{operation="Objectives",status="200"\} (\d+)/.exec(text)?.[1]);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/hubgraph_sql_statements_per_request_bucket\{le="1",operation="Objectives"\} \d+/);
    expect(text).toMatch(/hubgraph_graphql_request_cost_sum\{operation="Objectives"\} \d+/);
    expect(text).toMatch(/^hubgraph_pool_connections \d+$/m);
    expect(text).toMatch(/^hubgraph_database_up 1$/m);
    expect(text).toMatch(/^hubgraph_process_cpu_seconds_total /m);
  });

  it('counts APQ lookups as cache hits and misses', async () => {
    const query = '{ guidingPrinciples { code } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const apq = (body: Record<string, unknown>) => post({ ...body, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    const count = async (result: string) => {
      const text = await (await fetch(url.replace(/graphql$/, 'metrics'))).text();
      return Number(new RegExp(`hubgraph_cache_requests_total\\{cache="apq",result="${result}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    };
    const [hits, misses] = [await count('hit'), await count('miss')];
    expect((await (await apq({})).json() as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await (await apq({ query })).json() as any).data.guidingPrinciples).toHaveLength(10);
    expect((await (await apq({})).json() as any).data.guidingPrinciples).toHaveLength(10);
    expect(await count('miss')).toBe(misses + 1);
    expect(await count('hit')).toBe(hits + 1);
  });

  it('keeps operation labels bounded: unnamed, odd and the 101st distinct names share a label', async () => {
    await (await post({ query: '{ objectives { number } }' })).text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await (await fetch(url.replace(/graphql$/, 'metrics'))).text()).toMatch(/operation="anonymous"/);
    const metrics = new Metrics(poolOf(db.dataSource), () => true);
    expect(metrics.operationLabel('Drop table; --')).toBe('other');
    expect(metrics.operationLabel(null)).toBe('anonymous');
    for (let i = 0; i < 100; i++) expect(metrics.operationLabel(`Op${i}`)).toBe(`Op${i}`);
    expect(metrics.operationLabel('Op100')).toBe('other');
    expect(metrics.operationLabel('Op7')).toBe('Op7');
  });
});
