import { SignJWT } from 'jose';
import { Role } from '../../src/auth/principal';
import { signToken } from '../../src/auth/sign-token';
import type { HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, TEST_JWT_SECRET } from '../support/graphql';

/**
 * Bearer tokens over real sockets: a token signed with the server's secret acts as its
 * principal; anything else that claims to be a token is a 401 UNAUTHENTICATED (with
 * `www-authenticate`, never echoing the token); no token at all is an anonymous reader.
 */
describe('bearer tokens over HTTP', () => {
  let db: TestDatabase;
  let server: HubServer;
  let url: string;
  let orgId: string;
  const OTHER_SECRET = 'not-the-server-secret-but-just-as-long-as-it';

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 41, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    url = await server.listen(0, '127.0.0.1');
    [{ id: orgId }] = await db.dataSource.query('SELECT id FROM organization LIMIT 1');
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const post = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const CREATE = `mutation($input: PracticeInput!) { createPractice(input: $input) { practice { id status title } errors { code message } } }`;
  const input = (title: string) => ({ input: { title, summary: 'Over HTTP.', scope: 'LOCAL', implementedBy: [orgId] } });
  const practiceCount = async () => Number((await db.dataSource.query('SELECT count(*)::int AS n FROM practice'))[0].n);

  /** Expects the 401 the handler answers for an unusable token, and returns its message. */
  async function expectUnauthenticated(res: Response, token: string): Promise<string> {
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    if (token.length > 3) expect(text).not.toContain(token);
    const body = JSON.parse(text);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(body.errors[0].message).toMatch(/Send no Authorization header to read published content anonymously\.$/);
    return body.errors[0].message;
  }

  it('a token signed with the server secret lets a member create a practice, owned by the token subject', async () => {
    const token = await signToken(TEST_JWT_SECRET, { sub: 'http-member', roles: [Role.MEMBER] });
    const res = await post(CREATE, input('Made over HTTP'), bearer(token));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.createPractice).toEqual({ practice: { id: expect.any(String), status: 'DRAFT', title: 'Made over HTTP' }, errors: [] });
    const [row] = await db.dataSource.query('SELECT created_by, status FROM practice WHERE id = $1', [body.data.createPractice.practice.id]);
    expect(row).toEqual({ created_by: 'http-member', status: 'DRAFT' });
    const mine = (await (await post('{ viewer { id roles practices { totalCount nodes { id } } } }', {}, bearer(token))).json()) as any;
    expect(mine.data.viewer).toEqual({ id: 'http-member', roles: ['MEMBER'], practices: { totalCount: 1, nodes: [{ id: body.data.createPractice.practice.id }] } });
  });

  it('a forged token (signed with another secret) is 401, and nothing is written', async () => {
    const forged = await signToken(OTHER_SECRET, { sub: 'http-member', roles: [Role.MEMBER, Role.EDITOR] });
    const before = await practiceCount();
    const message = await expectUnauthenticated(await post(CREATE, input('Forged'), bearer(forged)), forged);
    expect(message).toMatch(/signature is invalid/);
    expect(await practiceCount()).toBe(before);
  });

  it('an expired token is 401 and says so', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ roles: [Role.MEMBER] }).setProtectedHeader({ alg: 'HS256' }).setSubject('http-member')
      .setIssuedAt(now - 7200).setExpirationTime(now - 3600).sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const message = await expectUnauthenticated(await post('{ viewer { id } }', {}, bearer(expired)), expired);
    expect(message).toMatch(/has expired/);
  });

  it('a garbage bearer value is 401', async () => {
    expect(await expectUnauthenticated(await post('{ viewer { id } }', {}, { authorization: 'Bearer x' }), 'x')).toMatch(/not a well-formed JWT/);
    const junk = 'abc.def.ghi-this-is-not-base64-json';
    expect(await expectUnauthenticated(await post('{ viewer { id } }', {}, bearer(junk)), junk)).toMatch(/not a well-formed JWT/);
    expect(await expectUnauthenticated(await post('{ viewer { id } }', {}, { authorization: 'Basic dXNlcjpwYXNz' }), 'dXNlcjpwYXNz')).toMatch(/must be "Bearer <token>"/);
  });

  it('a token does not reach the body even when its claims are wrong', async () => {
    const badRoles = await signToken(TEST_JWT_SECRET, { sub: 'http-member', roles: ['ADMIN' as Role] });
    expect(await expectUnauthenticated(await post('{ viewer { id } }', {}, bearer(badRoles)), badRoles)).toMatch(/not a role/);
  });

  it('without an Authorization header the caller is anonymous: 200, published content, viewer null', async () => {
    const res = await post('{ viewer { id } practices(first: 1) { totalCount nodes { status } } }');
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.viewer).toBeNull();
    expect(body.data.practices.nodes).toEqual([{ status: 'PUBLISHED' }]);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM practice WHERE status = 'PUBLISHED'`);
    expect(body.data.practices.totalCount).toBe(n);
  });

  it('anonymous mutations are UNAUTHENTICATED errors in a 200 response', async () => {
    const before = await practiceCount();
    const res = await post(CREATE, input('Anonymous'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ path: ['createPractice'], extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    expect(await practiceCount()).toBe(before);
  });

  it('a member calling an editor mutation gets 200 with a FORBIDDEN error naming the role', async () => {
    const token = await signToken(TEST_JWT_SECRET, { sub: 'http-member', roles: [Role.MEMBER] });
    const res = await post(`mutation { createCallForPractices(input: { title: "T", theme: "T", objectives: [1], opensOn: "2030-01-01", deadline: "2030-02-01" }) { call { id } errors { code } } }`, {}, bearer(token));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({
      message: 'Only EDITOR may create calls for practices; your token has MEMBER.', path: ['createCallForPractices'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
    })]);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM call_for_practices WHERE title->>'en' = 'T'`);
    expect(n).toBe(0);
  });

  it('an editor token over HTTP sees unpublished practices', async () => {
    const token = await signToken(TEST_JWT_SECRET, { sub: 'http-editor', roles: [Role.EDITOR] });
    const body = (await (await post('{ practices(first: 1) { totalCount } }', {}, bearer(token))).json()) as any;
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM practice');
    expect(body.data.practices.totalCount).toBe(n);
  });

  it('exports authenticate the same way: 401 for a forged, expired or garbage token; 200 with a valid one or none', async () => {
    const exportUrl = url.replace(/graphql$/, 'export/practice-objectives.csv');
    const forged = await signToken(OTHER_SECRET, { sub: 'http-editor', roles: [Role.EDITOR] });
    await expectUnauthenticated(await fetch(exportUrl, { headers: bearer(forged) }), forged);
    await expectUnauthenticated(await fetch(exportUrl, { headers: { authorization: 'Bearer x' } }), 'x');
    const gexf = url.replace(/graphql$/, 'export/objective-network.gexf');
    await expectUnauthenticated(await fetch(gexf, { headers: bearer(forged) }), forged);
    const valid = await signToken(TEST_JWT_SECRET, { sub: 'http-editor', roles: [Role.EDITOR] });
    const ok = await fetch(exportUrl, { headers: bearer(valid) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const anonymous = await fetch(exportUrl);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).toBe(await ok.text());
  });
});
