import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { createServer, type HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, startTestServer } from '../support/graphql';

/** Bugs a code review found; each test fails on the code before its fix. */
describe('review findings', () => {
  let db: TestDatabase;
  let server: HubServer;
  let http: HubServer;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 13, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    http = await createServer({ dataSource: db.dataSource, production: true, debugSql: false });
    base = (await http.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await http.stop();
    await server.stop();
    await db.drop();
  });

  /** Sends raw bytes and resolves to the first line of the answer. */
  const raw = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const { port } = new URL(base);
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(request));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      socket.on('close', () => resolve(answer.split('\r\n')[0]));
      socket.on('error', reject);
    });

  it('a request target that is not a URL gets a 400, and the server keeps serving', async () => {
    expect(await raw('GET http://x:99999/graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw('GET http://[/graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1.1 400/);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('a NUL character is refused or not found, and does not fail the lookups batched with it', async () => {
    const { data, errors } = await execute(server, db.dataSource, '{ a: practice(slug: "x\\u0000") { id } b: practice(slug: "child-protection-hotlines-for-trafficking-survivors") { slug } v: curatedView(slug: "home\\u0000") { slug } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: { slug: 'child-protection-hotlines-for-trafficking-survivors' }, v: null });
    const text = await execute(server, db.dataSource, '{ practices(filter: { text: "child\\u0000" }) { totalCount } }');
    expect(text.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.text' });
  });

  it('an objective number beyond smallint is null, also through _entities and next to valid ones', async () => {
    const { data, errors } = await execute(server, db.dataSource, '{ objective(number: 40000) { number } objectiveNetwork { nodes { objective { number } } } }');
    expect(errors).toBeUndefined();
    expect(data!.objective).toBeNull();
    const entities = await execute(server, db.dataSource, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Objective { number } } }', {
      r: [{ __typename: 'Objective', number: 10 }, { __typename: 'Objective', number: 99999 }],
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toEqual([{ number: 10 }, null]);
  });

  it('dates PostgreSQL cannot hold are BAD_USER_INPUT (GraphQL) and 400 (exports)', async () => {
    const year0 = await execute(server, db.dataSource, '{ practices(filter: { activeFrom: "0000-01-01" }) { totalCount } }');
    expect(year0.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.activeFrom' });
    const resources = await execute(server, db.dataSource, '{ resources(filter: { publishedFrom: "0000-12-31" }) { totalCount } }');
    expect(resources.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.publishedFrom' });
    for (const path of ['objective-network.gexf', 'practice-objectives.csv']) {
      const res = await fetch(`${base}/export/${path}?activeFrom=2019-02-30`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ parameter: 'activeFrom' });
    }
  });

  it('export enum parameters do not accept Object.prototype names', async () => {
    for (const query of ['scopes=toString', 'implementerKinds=constructor']) {
      expect((await fetch(`${base}/export/objective-network.gexf?${query}`)).status).toBe(400);
    }
  });

  it('the _entities cap counts representations behind fragments and aliases too', async () => {
    const r = Array.from({ length: 600 }, () => ({ __typename: 'Objective', number: 1 }));
    const { errors, statements } = await execute(server, db.dataSource,
      'query($r: [_Any!]!) { ...F } fragment F on Query { a: _entities(representations: $r) { __typename } b: _entities(representations: $r) { __typename } }', { r });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'representations' });
    expect(errors![0].message).toBe('_entities takes at most 1000 representations per call; got 1200. Split the request.');
    expect(statements).toBe(0);
  });

  it('an event starting at a sub-millisecond instant pages without repeating itself', async () => {
    const ids = [randomUUID(), randomUUID()];
    await db.dataSource.query(
      `INSERT INTO event (id, slug, title, kind, starts_at, online) VALUES
       ($1, 'micro-a', '{"en":"Micro A"}', 'WEBINAR', '2031-01-01T10:00:00.123456Z', true),
       ($2, 'micro-b', '{"en":"Micro B"}', 'WEBINAR', '2031-01-01T10:00:00.123789Z', true)`,
      ids,
    );
    const page = (after: string | null) => execute(server, db.dataSource,
      'query($a: String) { events(first: 1, after: $a, filter: { from: "2031-01-01T00:00:00Z", to: "2031-01-02T00:00:00Z" }) { nodes { slug } pageInfo { hasNextPage endCursor } } }', { a: after });
    const one = await page(null);
    const two = await page(one.data!.events.pageInfo.endCursor);
    const three = await page(two.data!.events.pageInfo.endCursor);
    expect([one, two, three].map((p) => p.data!.events.nodes.map((n: any) => n.slug))).toEqual([['micro-a'], ['micro-b'], []]);
  });

  it('a cursor only works for the list it came from (field, parent and filter)', async () => {
    const filtered = await execute(server, db.dataSource, '{ practices(first: 1, filter: { scopes: [LOCAL] }) { pageInfo { endCursor } } }');
    const cursor = filtered.data!.practices.pageInfo.endCursor;
    const elsewhere = await execute(server, db.dataSource, 'query($a: String) { practices(first: 1, after: $a) { totalCount } }', { a: cursor });
    expect(elsewhere.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const nested = await execute(server, db.dataSource, '{ objective(number: 10) { practices(first: 1) { pageInfo { endCursor } } } }');
    const other = await execute(server, db.dataSource, 'query($a: String) { objective(number: 7) { practices(first: 1, after: $a) { totalCount } } }', {
      a: nested.data!.objective.practices.pageInfo.endCursor,
    });
    expect(other.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const same = await execute(server, db.dataSource, 'query($a: String) { objective(number: 10) { practices(first: 1, after: $a) { totalCount } } }', {
      a: nested.data!.objective.practices.pageInfo.endCursor,
    });
    expect(same.errors).toBeUndefined();
  });

  it('orderBy: TITLE is served by the locale title index', async () => {
    const runner = db.dataSource.createQueryRunner();
    try {
      await runner.query('SET enable_sort = off');
      const [{ 'QUERY PLAN': plan }] = await runner.query(
        `EXPLAIN (FORMAT JSON) SELECT id FROM practice t WHERE t.status = 'PUBLISHED' ORDER BY lower(coalesce(nullif(btrim(t.title->>'fr'), ''), t.title->>'en')), t.id LIMIT 21`,
      );
      expect(JSON.stringify(plan)).toContain('practice_title_fr_idx');
    } finally {
      await runner.query('RESET enable_sort');
      await runner.release();
    }
  });
});
