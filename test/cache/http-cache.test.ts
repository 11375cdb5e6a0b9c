import { createHash } from 'node:crypto';
import { Role } from '../../src/auth/principal';
import { signToken } from '../../src/auth/sign-token';
import { committedManifest } from '../../src/cache/committed-manifest';
import { createServer, type HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_JWT_SECRET } from '../support/graphql';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const REFERENCE = '{ objectives { number title } guidingPrinciples { code } regions(topLevelOnly: true) { code name } }';
const CONTENT = '{ objectives { number } practices(first: 2) { totalCount nodes { title } } }';

describe('HTTP caching: Cache-Control, Vary, GET, APQ', () => {
  let db: TestDatabase;
  let server: HubServer;
  let url: string;
  let memberToken: string;
  let groupId: string;
  /** Every response of the suite, to check Vary on all of them. */
  const seen: Response[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 9, scale: 'tiny' } });
    server = await createServer({
      dataSource: db.dataSource, production: true, debugSql: false,
      auth: { secret: TEST_JWT_SECRET, jwksUrl: null, issuer: null, audience: null },
    });
    url = await server.listen(0, '127.0.0.1');
    memberToken = await signToken(TEST_JWT_SECRET, { sub: 'cache-member', roles: [Role.MEMBER] });
    const [row] = await db.dataSource.query('SELECT id FROM community_group ORDER BY id LIMIT 1');
    groupId = row.id;
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const record = async (response: Promise<Response>) => {
    const res = await response;
    seen.push(res);
    return { res, status: res.status, cacheControl: res.headers.get('cache-control'), body: (await res.json()) as any };
  };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    record(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }));
  /** A plain GET, as a browser's fetch() or a CDN sends it: no content-type, no preflight header. */
  const get = (params: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    return record(fetch(`${url}?${search}`, { headers }));
  };
  const bearer = () => ({ authorization: `Bearer ${memberToken}` });

  describe('Cache-Control from the operation', () => {
    it('an anonymous read of reference data only is public for a day', async () => {
      const { status, cacheControl, body } = await post({ query: REFERENCE });
      expect(status).toBe(200);
      expect(body.data.objectives).toHaveLength(23);
      expect(cacheControl).toBe('public, max-age=86400');
    });

    it('an anonymous read touching content is public for 60 s', async () => {
      const { status, cacheControl, body } = await post({ query: CONTENT });
      expect(status).toBe(200);
      expect(body.data.practices.totalCount).toBeGreaterThan(0);
      expect(cacheControl).toBe('public, max-age=60');
    });

    it('every committed front-end operation is publicly cacheable for anonymous callers', async () => {
      const home = committedManifest().operations.find((o) => o.name === 'HomePage')!;
      const { status, cacheControl } = await post({ query: home.body });
      expect(status).toBe(200);
      expect(cacheControl).toBe('public, max-age=60');
    });

    it('a query touching `viewer` is private and not stored, even for an anonymous caller', async () => {
      const anonymous = await post({ query: '{ objectives { number } viewer { id } }' });
      expect(anonymous.body.data.viewer).toBeNull();
      expect(anonymous.cacheControl).toBe('private, no-store');
      const signedIn = await post({ query: '{ viewer { id roles } }' }, bearer());
      expect(signedIn.body.data.viewer).toEqual({ id: 'cache-member', roles: ['MEMBER'] });
      expect(signedIn.cacheControl).toBe('private, no-store');
    });

    it('an authenticated read is private and not stored, even of reference data', async () => {
      for (const query of [REFERENCE, CONTENT]) {
        const { status, cacheControl } = await post({ query }, bearer());
        expect(status).toBe(200);
        expect(cacheControl).toBe('private, no-store');
      }
    });

    it('a mutation is never stored', async () => {
      const { status, cacheControl, body } = await post({ query: 'mutation($id: ID!) { joinCommunityGroup(id: $id) { errors { code } group { id } } }', variables: { id: groupId } }, bearer());
      expect(status).toBe(200);
      expect(body.data.joinCommunityGroup).toEqual({ errors: [], group: { id: groupId } });
      expect(cacheControl).toBe('no-store');
      const anonymous = await post({ query: 'mutation($id: ID!) { joinCommunityGroup(id: $id) { errors { code } } }', variables: { id: groupId } });
      expect(anonymous.cacheControl).toBe('no-store');
    });

    it('an answer with errors is never stored: bad input, partial data, refusals, parse errors, bad bodies, bad tokens', async () => {
      const badInput = await post({ query: '{ objectives { number } practices(first: 500) { totalCount } }' });
      expect(badInput.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const parse = await post({ query: '{ objectives { number ' });
      expect(parse.status).toBe(400);
      const unknownField = await post({ query: '{ objectives { nope } }' });
      expect(unknownField.status).toBe(400);
      const notJson = await post('{ not json');
      expect(notJson.status).toBe(400);
      const badToken = await post({ query: REFERENCE }, { authorization: 'Bearer x.y.z' });
      expect(badToken.status).toBe(401);
      for (const answer of [badInput, parse, unknownField, notJson, badToken]) expect(answer.cacheControl).toBe('no-store');
    });
  });

  describe('GET', () => {
    it('a GET query needs no preflight header (browser fetch, CDN) and is cacheable', async () => {
      const { status, cacheControl, body } = await get({ query: 'query Refs($n: Int!) { objective(number: $n) { number shortTitle } }', variables: { n: 10 }, operationName: 'Refs' });
      expect(status).toBe(200);
      expect(body.data).toEqual({ objective: { number: 10, shortTitle: expect.any(String) } });
      expect(cacheControl).toBe('public, max-age=86400');
    });

    it('a GET query answers in the Accept-Language locale (hence Vary)', async () => {
      const es = await get({ query: '{ objective(number: 10) { title } }' }, { 'accept-language': 'es' });
      const en = await get({ query: '{ objective(number: 10) { title } }' });
      expect(es.body.data.objective.title).toMatch(/^Prevenir/);
      expect(en.body.data.objective.title).toMatch(/^Prevent/);
    });

    it('a mutation over GET is refused (405, Allow: POST) and not executed', async () => {
      const count = async () => (await post({ query: 'query($id: ID!) { communityGroup(id: $id) { memberCount } }', variables: { id: groupId } })).body.data.communityGroup.memberCount;
      const before = await count();
      const token = await signToken(TEST_JWT_SECRET, { sub: 'cache-get-member', roles: [Role.MEMBER] });
      const { status, res, cacheControl, body } = await get(
        { query: 'mutation($id: ID!) { joinCommunityGroup(id: $id) { errors { code } } }', variables: { id: groupId } },
        { authorization: `Bearer ${token}` },
      );
      expect(status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(body.errors[0].message).toMatch(/GET requests only support query operations/);
      expect(cacheControl).toBe('no-store');
      expect(await count()).toBe(before);
    });

    it('a cross-site "simple" POST (text/plain, no preflight) is refused before anything runs', async () => {
      const { status, body } = await record(fetch(url, {
        method: 'POST', headers: { 'content-type': 'text/plain', ...bearer() },
        body: JSON.stringify({ query: 'mutation($id: ID!) { leaveCommunityGroup(id: $id) { errors { code } } }', variables: { id: groupId } }),
      }));
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });
  });

  describe('automatic persisted queries', () => {
    const query = '{ objectives { number shortTitle } }';
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };

    it('over GET: an unknown hash is PERSISTED_QUERY_NOT_FOUND (not stored), then registered, then answered from the hash alone', async () => {
      const miss = await get({ extensions: { persistedQuery } });
      expect(miss.status).toBe(200);
      expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(miss.cacheControl).toBe('no-store');

      const register = await get({ query, extensions: { persistedQuery } });
      expect(register.status).toBe(200);
      expect(register.body.data.objectives).toHaveLength(23);

      const hit = await get({ extensions: { persistedQuery } });
      expect(hit.status).toBe(200);
      expect(hit.body).toEqual(register.body);
      expect(hit.cacheControl).toBe('public, max-age=86400');
    });

    it('over POST too', async () => {
      const other = '{ guidingPrinciples { code } }';
      const pq = { version: 1, sha256Hash: sha256(other) };
      expect((await post({ extensions: { persistedQuery: pq } })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect((await post({ query: other, extensions: { persistedQuery: pq } })).status).toBe(200);
      const hit = await post({ extensions: { persistedQuery: pq } });
      expect(hit.body.data.guidingPrinciples).toHaveLength(10);
    });

    it('the manifest operations are answered by hash alone, without a registration (short GET URLs for a CDN)', async () => {
      const home = committedManifest().operations.find((o) => o.name === 'HomePage')!;
      const { status, cacheControl, body } = await get({ operationName: 'HomePage', variables: { first: 2 }, extensions: { persistedQuery: { version: 1, sha256Hash: home.id } } });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data.curatedView.slug).toBe('home');
      expect(cacheControl).toBe('public, max-age=60');
    });
  });

  it('every /graphql response of this suite carries Vary: Accept-Language, Authorization', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const res of seen) expect([res.status, res.headers.get('vary')]).toEqual([res.status, 'Accept-Language, Authorization']);
  });
});
