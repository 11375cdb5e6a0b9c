import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { AuthenticationError } from '../../src/auth/auth-error';
import { ANONYMOUS, Role } from '../../src/auth/principal';
import { signToken } from '../../src/auth/sign-token';
import { createTokenVerifier, type TokenVerifier } from '../../src/auth/tokens';

const SECRET = 'a-test-secret-that-is-at-least-32-characters';
const OTHER_SECRET = 'another-secret-that-is-at-least-32-characters';
const EXPERT = '3F2504E0-4F89-11D3-9A0C-0305E82C3301';

const hsOnly = () => createTokenVerifier({ secret: SECRET, jwksUrl: null, issuer: null, audience: null });
const now = () => Math.floor(Date.now() / 1000);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 token with exactly `payload` (plus nothing): for claims signToken would not write. */
function rawHs256(payload: JWTPayload, secret = SECRET, alg = 'HS256'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
}

/** The AuthenticationError `verify` rejects with; fails when it resolves, or when the message leaks the token. */
async function rejection(verifier: TokenVerifier, authorization: string): Promise<AuthenticationError> {
  let error: unknown;
  try {
    const principal = await verifier.verify(authorization);
    throw new Error(`verify resolved to ${JSON.stringify(principal)}`);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AuthenticationError);
  const token = authorization.replace(/^\s*\S+\s*/, '');
  if (token.length > 0) expect((error as Error).message).not.toContain(token);
  return error as AuthenticationError;
}

const messageOf = async (verifier: TokenVerifier, authorization: string) => (await rejection(verifier, authorization)).message;

describe('AuthenticationError', () => {
  it('carries the UNAUTHENTICATED code and the 401 status', () => {
    const error = new AuthenticationError('The bearer token has expired; get a new one.');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'AuthenticationError', code: 'UNAUTHENTICATED', httpStatus: 401, message: 'The bearer token has expired; get a new one.' });
  });
});

describe('createTokenVerifier with an HS256 secret', () => {
  it('answers ANONYMOUS without a header, or with a blank one', async () => {
    const verifier = hsOnly();
    for (const header of [undefined, null, '', '   ']) expect(await verifier.verify(header)).toBe(ANONYMOUS);
  });

  it('turns a valid token into its principal, whatever the case of the scheme', async () => {
    const token = await signToken(SECRET, { sub: 'person-1', roles: [Role.REVIEWER, Role.EDITOR], expertId: EXPERT, name: 'Ada Lovelace' });
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      expect(await hsOnly().verify(`${scheme} ${token}`)).toEqual({
        id: 'person-1', roles: [Role.REVIEWER, Role.EDITOR], expertId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301', name: 'Ada Lovelace',
      });
    }
  });

  it('gives no roles for a token without roles, drops repeated roles, and lets a REVIEWER have no expertId', async () => {
    expect(await hsOnly().verify(`Bearer ${await signToken(SECRET, { sub: 'p' })}`)).toEqual({ id: 'p', roles: [], expertId: null, name: null });
    const reviewer = await signToken(SECRET, { sub: 'r', roles: [Role.REVIEWER, Role.MEMBER, Role.REVIEWER] });
    expect(await hsOnly().verify(`Bearer ${reviewer}`)).toEqual({ id: 'r', roles: [Role.REVIEWER, Role.MEMBER], expertId: null, name: null });
  });

  it('signs tokens valid for 12 hours by default', async () => {
    const token = await signToken(SECRET, { sub: 'p' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as JWTPayload;
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
    expect(Math.abs(payload.iat! - now())).toBeLessThanOrEqual(2);
  });

  it('refuses an expired token, with 30 seconds of clock tolerance', async () => {
    const verifier = hsOnly();
    expect((await verifier.verify(`Bearer ${await rawHs256({ sub: 'p', exp: now() - 10 })}`)).id).toBe('p');
    expect(await messageOf(verifier, `Bearer ${await rawHs256({ sub: 'p', exp: now() - 60 })}`)).toBe('The bearer token has expired; get a new one.');
  });

  it('refuses a token without expiry', async () => {
    expect(await messageOf(hsOnly(), `Bearer ${await rawHs256({ sub: 'p' })}`)).toBe('The bearer token has no expiry (exp claim); tokens must expire.');
  });

  it('refuses a token that is not valid yet', async () => {
    const token = await rawHs256({ sub: 'p', nbf: now() + 300, exp: now() + 600 });
    expect(await messageOf(hsOnly(), `Bearer ${token}`)).toBe('The bearer token is not valid yet (nbf claim); check the clock of the machine that issued it.');
  });

  it('refuses a token signed with another secret, or altered after signing', async () => {
    const signature = "The bearer token's signature is invalid: it was not signed with this server's key, or it was altered.";
    expect(await messageOf(hsOnly(), `Bearer ${await signToken(OTHER_SECRET, { sub: 'p', roles: [Role.MEMBER] })}`)).toBe(signature);

    const [header, , sig] = (await signToken(SECRET, { sub: 'p', roles: [Role.MEMBER] })).split('.');
    const forged = `${header}.${base64url({ sub: 'p', roles: ['EDITOR'], exp: now() + 600 })}.${sig}`;
    expect(await messageOf(hsOnly(), `Bearer ${forged}`)).toBe(signature);
  });

  it('refuses unsigned tokens (alg none), whatever the case of "none"', async () => {
    for (const alg of ['none', 'None', 'NONE']) {
      const unsigned = `${base64url({ alg, typ: 'JWT' })}.${base64url({ sub: 'p', roles: ['EDITOR'], exp: now() + 600 })}.`;
      expect(await messageOf(hsOnly(), `Bearer ${unsigned}`)).toBe(`The bearer token is unsigned (alg "none"); unsigned tokens are never accepted.`);
    }
  });

  it('refuses other HMAC algorithms, even with the right secret', async () => {
    expect(await messageOf(hsOnly(), `Bearer ${await rawHs256({ sub: 'p', exp: now() + 600 }, SECRET, 'HS512')}`)).toBe(
      'The bearer token is signed with "HS512", which this server does not accept; accepted: HS256, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA.',
    );
  });

  it('refuses a header that is not "Bearer <token>"', async () => {
    const message = 'The Authorization header must be "Bearer <token>".';
    const token = await signToken(SECRET, { sub: 'p' });
    for (const header of ['Bearer', 'Bearer ', `Basic ${token}`, token, `Bearer ${token} extra`]) {
      expect(await messageOf(hsOnly(), header)).toBe(message);
    }
  });

  it('refuses garbage that is not a JWT', async () => {
    const message = 'The bearer token is not a well-formed JWT (three base64url parts separated by dots); copy the whole token.';
    for (const garbage of ['abc', 'a.b', 'a.b.c.d', 'a+b.c/d.e', `${Buffer.from('not json').toString('base64url')}.${base64url({ sub: 'p' })}.c2ln`]) {
      expect(await messageOf(hsOnly(), `Bearer ${garbage}`)).toBe(message);
    }
    expect(await messageOf(hsOnly(), `Bearer ${base64url({ typ: 'JWT' })}.${base64url({ sub: 'p' })}.c2ln`)).toBe(
      'The bearer token has no signing algorithm (alg header); it is not a signed JWT.',
    );
  });

  it('refuses a token longer than 8192 characters', async () => {
    expect(await messageOf(hsOnly(), `Bearer ${'a'.repeat(8193)}`)).toBe('The bearer token is longer than 8192 characters; it is not a token this server issues or accepts.');
  });

  it('refuses a token whose claims are not a JSON object', async () => {
    // A JSON array as the payload, correctly signed with the secret: only the shape is wrong.
    const header = base64url({ alg: 'HS256' });
    const payload = Buffer.from('[1,2]').toString('base64url');
    const signature = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    expect(await messageOf(hsOnly(), `Bearer ${header}.${payload}.${signature}`)).toBe("The bearer token's claims are not a JSON object; it is not a valid JWT.");
  });

  describe('claims', () => {
    const exp = () => now() + 600;
    const cases: [string, () => JWTPayload, string][] = [
      ['missing sub', () => ({ exp: exp(), roles: ['EDITOR'] }), 'The bearer token has no subject (sub claim); the token must name the person it was issued to.'],
      ['empty sub', () => ({ sub: '', exp: exp() }), "The bearer token's subject (sub claim) must be a non-empty string of at most 200 characters."],
      ['numeric sub', () => ({ sub: 42 as unknown as string, exp: exp() }), "The bearer token's subject (sub claim) must be a non-empty string of at most 200 characters."],
      ['sub with NUL', () => ({ sub: 'a\0b', exp: exp() }), "The bearer token's subject (sub claim) must be a non-empty string of at most 200 characters."],
      ['201-character sub', () => ({ sub: 'x'.repeat(201), exp: exp() }), "The bearer token's subject (sub claim) must be a non-empty string of at most 200 characters."],
      ['unknown role', () => ({ sub: 'p', exp: exp(), roles: ['MEMBER', 'ADMIN'] }), `The bearer token's roles claim contains "ADMIN", which is not a role; roles are MEMBER, REVIEWER, EDITOR.`],
      ['lower-case role', () => ({ sub: 'p', exp: exp(), roles: ['editor'] }), `The bearer token's roles claim contains "editor", which is not a role; roles are MEMBER, REVIEWER, EDITOR.`],
      ['non-string role', () => ({ sub: 'p', exp: exp(), roles: [1] }), `The bearer token's roles claim contains 1, which is not a role; roles are MEMBER, REVIEWER, EDITOR.`],
      ['roles not an array', () => ({ sub: 'p', exp: exp(), roles: 'EDITOR' }), "The bearer token's roles claim must be an array of MEMBER, REVIEWER, EDITOR."],
      ['expertId not a UUID', () => ({ sub: 'p', exp: exp(), roles: ['REVIEWER'], expertId: 'expert-1' }), "The bearer token's expertId claim must be a UUID (the reviewer's roster expert id)."],
      ['numeric expertId', () => ({ sub: 'p', exp: exp(), expertId: 7 }), "The bearer token's expertId claim must be a UUID (the reviewer's roster expert id)."],
      ['201-character name', () => ({ sub: 'p', exp: exp(), name: 'n'.repeat(201) }), "The bearer token's name claim must be a string of at most 200 characters."],
      ['non-string exp', () => ({ sub: 'p', exp: 'tomorrow' as unknown as number }), "The bearer token's expiry (exp claim) must be a number of seconds."],
    ];
    it.each(cases)('refuses a token with %s', async (_, payload, message) => {
      expect(await messageOf(hsOnly(), `Bearer ${await rawHs256(payload())}`)).toBe(message);
    });

    it('accepts the longest sub and name, and null optional claims', async () => {
      const token = await rawHs256({ sub: 's'.repeat(200), name: 'n'.repeat(200), roles: null, expertId: null, exp: exp() });
      expect(await hsOnly().verify(`Bearer ${token}`)).toEqual({ id: 's'.repeat(200), roles: [], expertId: null, name: 'n'.repeat(200) });
    });
  });

  describe('with an issuer and an audience configured', () => {
    const verifier = () => createTokenVerifier({ secret: SECRET, jwksUrl: null, issuer: 'https://id.example.org/', audience: 'hub-graph' });

    it('accepts a token for that issuer and audience, also when the audience is one of several', async () => {
      const token = await signToken(SECRET, { sub: 'p' }, { issuer: 'https://id.example.org/', audience: 'hub-graph' });
      expect((await verifier().verify(`Bearer ${token}`)).id).toBe('p');
      const several = await rawHs256({ sub: 'q', iss: 'https://id.example.org/', aud: ['other', 'hub-graph'], exp: now() + 600 });
      expect((await verifier().verify(`Bearer ${several}`)).id).toBe('q');
    });

    it('refuses another or a missing issuer', async () => {
      const message = 'The bearer token was not issued by "https://id.example.org/" (iss claim); get a token from that issuer.';
      expect(await messageOf(verifier(), `Bearer ${await signToken(SECRET, { sub: 'p' }, { issuer: 'https://evil.example/', audience: 'hub-graph' })}`)).toBe(message);
      expect(await messageOf(verifier(), `Bearer ${await signToken(SECRET, { sub: 'p' }, { audience: 'hub-graph' })}`)).toBe(message);
    });

    it('refuses another or a missing audience', async () => {
      const message = 'The bearer token is not meant for "hub-graph" (aud claim); get a token for this audience.';
      expect(await messageOf(verifier(), `Bearer ${await signToken(SECRET, { sub: 'p' }, { issuer: 'https://id.example.org/', audience: 'other-api' })}`)).toBe(message);
      expect(await messageOf(verifier(), `Bearer ${await signToken(SECRET, { sub: 'p' }, { issuer: 'https://id.example.org/' })}`)).toBe(message);
    });

    it('does not check iss or aud when none is configured', async () => {
      const token = await signToken(SECRET, { sub: 'p' }, { issuer: 'https://anyone.example/', audience: 'anything' });
      expect((await hsOnly().verify(`Bearer ${token}`)).id).toBe('p');
    });
  });

  it('refuses asymmetric tokens when no JWKS is configured', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setSubject('p').setExpirationTime('1h').sign(privateKey);
    expect(await messageOf(hsOnly(), `Bearer ${token}`)).toBe('The bearer token is signed with RS256, but this server accepts only HS256 tokens signed with its secret (HUBGRAPH_JWT_SECRET).');
  });
});

describe('createTokenVerifier with a JWKS', () => {
  let server: http.Server;
  let jwksUrl: string;
  let requests = 0;
  let status = 200;
  let privateKey: KeyLike;
  let publicKey: KeyLike;
  let strangerKey: KeyLike;
  let esPrivateKey: KeyLike;

  beforeAll(async () => {
    ({ privateKey, publicKey } = await generateKeyPair('RS256'));
    ({ privateKey: strangerKey } = await generateKeyPair('RS256'));
    const es = await generateKeyPair('ES256');
    esPrivateKey = es.privateKey;
    const keys = [
      { ...(await exportJWK(publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(es.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    server = http.createServer((req, res) => {
      requests += 1;
      if (req.url !== '/.well-known/jwks.json' || status !== 200) {
        res.writeHead(status === 200 ? 404 : status).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    requests = 0;
    status = 200;
  });

  const jwksOnly = () => createTokenVerifier({ secret: null, jwksUrl, issuer: null, audience: null });
  const rs256 = (kid: string, key: KeyLike = privateKey, sub = 'idp-person') =>
    new SignJWT({ roles: ['EDITOR'] }).setProtectedHeader({ alg: 'RS256', kid }).setSubject(sub).setIssuedAt().setExpirationTime('1h').sign(key);

  it('accepts an RS256 token signed by a key of the set, fetching the set once for many verifications', async () => {
    const verifier = jwksOnly();
    expect(requests).toBe(0); // fetched lazily
    expect(await verifier.verify(`Bearer ${await rs256('rsa-1')}`)).toEqual({ id: 'idp-person', roles: [Role.EDITOR], expertId: null, name: null });
    for (const sub of ['a', 'b', 'c']) expect((await verifier.verify(`Bearer ${await rs256('rsa-1', privateKey, sub)}`)).id).toBe(sub);
    expect(requests).toBe(1);
  });

  it('shares one fetch between concurrent first verifications', async () => {
    const verifier = jwksOnly();
    const tokens = await Promise.all(['a', 'b', 'c', 'd'].map((sub) => rs256('rsa-1', privateKey, sub)));
    const principals = await Promise.all(tokens.map((token) => verifier.verify(`Bearer ${token}`)));
    expect(principals.map((principal) => principal.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(requests).toBe(1);
  });

  it('accepts an ES256 token signed by a key of the set', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'ec-1' }).setSubject('ec-person').setExpirationTime('1h').sign(esPrivateKey);
    expect((await jwksOnly().verify(`Bearer ${token}`)).id).toBe('ec-person');
  });

  it('refuses a token signed by another key under a known kid', async () => {
    expect(await messageOf(jwksOnly(), `Bearer ${await rs256('rsa-1', strangerKey)}`)).toBe(
      "The bearer token's signature is invalid: it was not signed with this server's key, or it was altered.",
    );
  });

  it('refuses a token whose kid is not in the set, without refetching it for every such token', async () => {
    const verifier = jwksOnly();
    const message = "The bearer token's signing key is not in the identity provider's key set (HUBGRAPH_JWKS_URL); get a new token from it.";
    expect(await messageOf(verifier, `Bearer ${await rs256('rsa-2', strangerKey)}`)).toBe(message);
    expect(await messageOf(verifier, `Bearer ${await rs256('rsa-3', strangerKey)}`)).toBe(message);
    expect(requests).toBe(1);
  });

  it('refuses HS256 tokens when no secret is configured', async () => {
    expect(await messageOf(jwksOnly(), `Bearer ${await signToken(SECRET, { sub: 'p' })}`)).toBe(
      'The bearer token is signed with HS256, but this server accepts only tokens signed by its identity provider (HUBGRAPH_JWKS_URL).',
    );
    expect(requests).toBe(0);
  });

  it('with a secret too, accepts both kinds, and refuses an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const verifier = createTokenVerifier({ secret: SECRET, jwksUrl, issuer: null, audience: null });
    expect((await verifier.verify(`Bearer ${await signToken(SECRET, { sub: 'local' })}`)).id).toBe('local');
    expect((await verifier.verify(`Bearer ${await rs256('rsa-1')}`)).id).toBe('idp-person');
    const pem = await exportSPKI(publicKey);
    const confused = await new SignJWT({ roles: ['EDITOR'] }).setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode(pem));
    expect(await messageOf(verifier, `Bearer ${confused}`)).toBe("The bearer token's signature is invalid: it was not signed with this server's key, or it was altered.");
  });

  it('refuses tokens when the key set answers with an error', async () => {
    status = 503;
    expect(await messageOf(jwksOnly(), `Bearer ${await rs256('rsa-1')}`)).toBe(
      "The identity provider's key set (HUBGRAPH_JWKS_URL) could not be fetched or read, so the bearer token cannot be checked; try again later.",
    );
    expect(requests).toBe(1);
  });

  it('refuses tokens when the key set is unreachable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const verifier = createTokenVerifier({ secret: null, jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer: null, audience: null });
    const error = await rejection(verifier, `Bearer ${await rs256('rsa-1')}`);
    expect(error.message).toBe("The identity provider's key set (HUBGRAPH_JWKS_URL) could not be fetched or read, so the bearer token cannot be checked; try again later.");
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });
});
