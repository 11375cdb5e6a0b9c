import { Role } from '../../src/auth/principal';
import { signToken } from '../../src/auth/sign-token';
import { cacheableBody, ResponseCache } from '../../src/cache/response-cache';
import { createServer, type HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_JWT_SECRET } from '../support/graphql';

const auth = { secret: TEST_JWT_SECRET, jwksUrl: null, issuer: null, audience: null };
const GROUP = 'query Group($id: ID!) { communityGroup(id: $id) { id name memberCount } }';
const JOIN = 'mutation Join($id: ID!) { joinCommunityGroup(id: $id) { group { id memberCount } errors { code message } } }';

async function bearer(sub: string, roles: Role[]): Promise<string> {
  return `Bearer ${await signToken(TEST_JWT_SECRET, { sub, roles })}`;
}

function poster(url: string) {
  return async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    return { res, text, body: JSON.parse(text) as any };
  };
}

async function metric(url: string, result: 'hit' | 'miss'): Promise<number> {
  const text = await (await fetch(url.replace(/graphql$/, 'metrics'))).text();
  const line = text.split('\n').find((l) => l.startsWith('hubgraph_cache_requests_total{') && l.includes('cache="response"') && l.includes(`result="${result}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('response cache (HTTP)', () => {
  let db: TestDatabase;
  let a: HubServer;
  let b: HubServer;
  let off: HubServer;
  let urlA: string;
  let urlB: string;
  let urlOff: string;
  let groupId: string;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 5, scale: 'tiny' } });
    // Two instances on one database, as behind a load balancer; a third with the cache off.
    a = await createServer({ dataSource: db.dataSource, production: true, debugSql: true, auth, responseCache: true });
    b = await createServer({ dataSource: db.dataSource, production: true, debugSql: true, auth, responseCache: true });
    off = await createServer({ dataSource: db.dataSource, production: true, debugSql: true, auth, responseCache: false });
    urlA = await a.listen(0, '127.0.0.1');
    urlB = await b.listen(0, '127.0.0.1');
    urlOff = await off.listen(0, '127.0.0.1');
    groupId = (await db.dataSource.query('SELECT id FROM community_group ORDER BY slug LIMIT 1'))[0].id;
  });
  afterAll(async () => {
    await Promise.all([a.stop(), b.stop(), off.stop()]);
    await db.drop();
  });

  it('serves a repeated anonymous query from the cache: same bytes, 0 statements, counted', async () => {
    const post = poster(urlA);
    const query = '{ objectives { number shortTitle } }';
    const hitsBefore = await metric(urlA, 'hit');
    const first = await post(query, {}, { 'accept-language': 'fr', 'x-request-id': 'first-1' });
    expect(first.res.headers.get('x-hubgraph-cache')).toBe('miss');
    expect(first.body.extensions.sqlStatements).toBeGreaterThan(0);
    const second = await post(query, {}, { 'accept-language': 'fr', 'x-request-id': 'second-2' });
    expect(second.res.headers.get('x-hubgraph-cache')).toBe('hit');
    expect(second.body.extensions.sqlStatements).toBe(0);
    expect(second.text).toBe(first.text.replace(/"sqlStatements":\d+/, '"sqlStatements":0'));
    expect(second.res.headers.get('x-request-id')).toBe('second-2');
    expect(second.res.headers.get('cache-control')).toBe(first.res.headers.get('cache-control'));
    expect(second.res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(second.res.headers.get('vary')).toBe('Accept-Language, Authorization');
    expect(second.res.headers.get('content-type')).toBe(first.res.headers.get('content-type'));
    expect(await metric(urlA, 'hit')).toBe(hitsBefore + 1);
    // The locale is part of the key: another language is computed.
    const spanish = await post(query, {}, { 'accept-language': 'es' });
    expect(spanish.res.headers.get('x-hubgraph-cache')).toBe('miss');
    expect(spanish.body.data).not.toEqual(first.body.data);
    // ... and so are the variables.
    const g1 = await post(GROUP, { id: groupId });
    const g2 = await post(GROUP, { id: groupId.toUpperCase() });
    expect(g1.res.headers.get('x-hubgraph-cache')).toBe('miss');
    expect(g2.res.headers.get('x-hubgraph-cache')).toBe('miss');
  });

  it('a committed write is visible to anonymous readers at once here, and within a second on another instance', async () => {
    const readA = poster(urlA);
    const readB = poster(urlB);
    await readA(GROUP, { id: groupId });
    await readB(GROUP, { id: groupId });
    const beforeA = await readA(GROUP, { id: groupId });
    const beforeB = await readB(GROUP, { id: groupId });
    expect(beforeA.res.headers.get('x-hubgraph-cache')).toBe('hit');
    expect(beforeB.res.headers.get('x-hubgraph-cache')).toBe('hit');
    const count = beforeA.body.data.communityGroup.memberCount;

    const joined = await readA(JOIN, { id: groupId }, { authorization: await bearer('joiner-1', [Role.MEMBER]) });
    expect(joined.body.data.joinCommunityGroup.errors).toEqual([]);
    expect(joined.body.data.joinCommunityGroup.group.memberCount).toBe(count + 1);

    const afterA = await readA(GROUP, { id: groupId });
    expect(afterA.res.headers.get('x-hubgraph-cache')).toBe('miss');
    expect(afterA.body.data.communityGroup.memberCount).toBe(count + 1);

    const deadline = Date.now() + 1000;
    let seen: number = beforeB.body.data.communityGroup.memberCount;
    while (seen !== count + 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = (await readB(GROUP, { id: groupId })).body.data.communityGroup.memberCount;
    }
    expect(seen).toBe(count + 1);
  });

  it('a publish (decide PUBLISH) is visible to anonymous readers at once here, and within a second on another instance', async () => {
    const word = `zqpub${Date.now().toString(36)}`;
    const search = `{ practices(filter: { text: "${word}" }) { totalCount nodes { id status } } }`;
    const [postA, postB] = [poster(urlA), poster(urlB)];
    // Both instances have the empty answer cached.
    for (const post of [postA, postB]) {
      expect((await post(search)).body.data.practices.totalCount).toBe(0);
      const again = await post(search);
      expect(again.res.headers.get('x-hubgraph-cache')).toBe('hit');
    }
    // A practice under review whose round already meets the roster rule (1 UN + 2 non-UN approvals).
    const [{ id }] = await db.dataSource.query(
      `INSERT INTO practice (id, slug, title, summary, status, scope, created_by, review_round)
       VALUES (gen_random_uuid(), $1, $2, '{"en": "Published through the workflow."}', 'UNDER_REVIEW', 'NATIONAL', 'member-9', 1) RETURNING id`,
      [`${word}-practice`, JSON.stringify({ en: `Shelters ${word}` })],
    );
    await db.dataSource.query('INSERT INTO practice_objective (practice_id, objective_number) VALUES ($1, 10)', [id]);
    const experts = await db.dataSource.query('(SELECT id FROM expert WHERE is_un LIMIT 1) UNION ALL (SELECT id FROM expert WHERE NOT is_un LIMIT 2)');
    for (const expert of experts) {
      await db.dataSource.query(
        `INSERT INTO review (id, practice_id, reviewer_id, decision, score, conflict_of_interest_declared_at, submitted_at, round)
         VALUES (gen_random_uuid(), $1, $2, 'APPROVE', 4, now() - interval '1 day', now(), 1)`, [id, expert.id]);
    }
    const decided = await postA('mutation($id: ID!) { decide(subjectId: $id, decision: PUBLISH) { practice { status } errors { code message } } }', { id },
      { authorization: await bearer('editor-9', [Role.EDITOR]) });
    expect(decided.body.data.decide).toEqual({ practice: { status: 'PUBLISHED' }, errors: [] });
    const published = Date.now();
    // Here: at once.
    const here = await postA(search);
    expect(here.res.headers.get('x-hubgraph-cache')).toBe('miss');
    expect(here.body.data.practices).toEqual({ totalCount: 1, nodes: [{ id, status: 'PUBLISHED' }] });
    // There: within a second (LISTEN/NOTIFY at commit).
    let there = await postB(search);
    while (there.body.data.practices.totalCount === 0 && Date.now() - published < 1000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      there = await postB(search);
    }
    expect(there.body.data.practices.totalCount).toBe(1);
    expect(Date.now() - published).toBeLessThan(1000);
  });

  it('a refused write (rolled back) does not clear the cache', async () => {
    const read = poster(urlA);
    await read(GROUP, { id: groupId });
    expect((await read(GROUP, { id: groupId })).res.headers.get('x-hubgraph-cache')).toBe('hit');
    const refused = await read(JOIN, { id: '00000000-0000-4000-8000-000000000000' }, { authorization: await bearer('joiner-2', [Role.MEMBER]) });
    expect(refused.body.data.joinCommunityGroup.errors[0].code).toBe('NOT_FOUND');
    expect((await read(GROUP, { id: groupId })).res.headers.get('x-hubgraph-cache')).toBe('hit');
  });

  it('nothing an editor sees enters the anonymous cache', async () => {
    const post = poster(urlA);
    const draft = (await db.dataSource.query("SELECT id FROM practice WHERE status <> 'PUBLISHED' LIMIT 1"))[0].id;
    const query = `{ practice(id: "${draft}") { id title status } }`;
    const editorAuth = { authorization: await bearer('editor-9', [Role.EDITOR]) };
    const asEditor = await post(query, {}, editorAuth);
    expect(asEditor.body.data.practice.id).toBe(draft);
    expect(asEditor.res.headers.get('x-hubgraph-cache')).toBeNull();
    expect(asEditor.res.headers.get('cache-control')).toBe('private, no-store');
    expect((await post(query, {}, editorAuth)).body.extensions.sqlStatements).toBeGreaterThan(0);
    const anonymous = await post(query);
    expect(anonymous.res.headers.get('x-hubgraph-cache')).toBe('miss');
    expect(anonymous.body.extensions.sqlStatements).toBeGreaterThan(0);
    expect(anonymous.body.data.practice).toBeNull();
    // The anonymous answer is cached, and never served to the editor.
    expect((await post(query)).res.headers.get('x-hubgraph-cache')).toBe('hit');
    const editorAgain = await post(query, {}, editorAuth);
    expect(editorAgain.res.headers.get('x-hubgraph-cache')).toBeNull();
    expect(editorAgain.body.data.practice.id).toBe(draft);
  });

  it('does not cache an answer with errors', async () => {
    const post = poster(urlA);
    const query = `{ objectives { number } practice(id: "not-an-id") { id } }`;
    const first = await post(query);
    expect(first.body.errors?.length).toBeGreaterThan(0);
    const second = await post(query);
    expect(second.res.headers.get('x-hubgraph-cache')).toBe('miss');
    expect(second.body.extensions.sqlStatements).toBeGreaterThan(0);
  });

  it('does not cache viewer-specific reads', async () => {
    const post = poster(urlA);
    const query = '{ viewer { id } }';
    await post(query);
    const second = await post(query);
    expect(second.res.headers.get('x-hubgraph-cache')).toBe('miss');
  });

  it('is off with responseCache: false (HUBGRAPH_RESPONSE_CACHE=off)', async () => {
    const post = poster(urlOff);
    const query = '{ objectives { number } }';
    await post(query);
    const second = await post(query);
    expect(second.res.headers.get('x-hubgraph-cache')).toBeNull();
    expect(second.body.extensions.sqlStatements).toBeGreaterThan(0);
  });
});

describe('ResponseCache (unit)', () => {
  const answer = (body: string, cacheControl = 'public, max-age=60') => ({ status: 200, headers: [['cache-control', cacheControl]] as [string, string][], body });

  it('keeps only public answers, for max-age seconds', () => {
    const cache = new ResponseCache({ maxEntries: 10, maxBytes: 1e6 });
    expect(cache.set('a', 0, answer('{}', 'private, no-store'))).toBe(false);
    expect(cache.set('a', 0, answer('{}', 'no-store'))).toBe(false);
    expect(cache.set('a', 0, answer('{}'), 1000)).toBe(true);
    expect(cache.get('a', 1000 + 59_999)?.body).toBe('{}');
    expect(cache.get('a', 1000 + 60_000)).toBeUndefined();
  });

  it('drops the least recently used beyond its entries or bytes', () => {
    const cache = new ResponseCache({ maxEntries: 2, maxBytes: 1000 });
    cache.set('a', 0, answer('1'));
    cache.set('b', 0, answer('2'));
    cache.get('a');
    cache.set('c', 0, answer('3'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    const small = new ResponseCache({ maxEntries: 100, maxBytes: 1000 });
    for (let i = 0; i < 10; i += 1) small.set(`k${i}`, 0, answer('x'.repeat(200)));
    expect(small.size).toBeLessThanOrEqual(4);
    expect(small.get('k9')).toBeDefined();
  });

  it('refuses an answer computed before a clear', () => {
    const cache = new ResponseCache();
    const generation = cache.generation;
    cache.clear();
    expect(cache.set('a', generation, answer('{}'))).toBe(false);
  });

  it('removes per-request extensions, keeping the order and the bytes of the rest', () => {
    expect(cacheableBody('{"data":{"x":1},"extensions":{"sqlStatements":4,"cost":{"requested":1,"limit":2,"actual":1},"rateLimit":{"remaining":3}}}\n'))
      .toBe('{"data":{"x":1},"extensions":{"sqlStatements":0,"cost":{"requested":1,"limit":2,"actual":1}}}\n');
    expect(cacheableBody('{"data":{"x":1},"extensions":{"rateLimit":{"remaining":3}}}\n')).toBe('{"data":{"x":1}}\n');
  });
});
