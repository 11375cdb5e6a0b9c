import { createHash } from 'node:crypto';
import http from 'node:http';
import type { HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { leakIn, listenProduction, postGraphQL, rawRequest, type RawResponse } from './support';

/**
 * Hostile requests over real HTTP against the production server: each is refused in under a
 * second with its own code, nothing in the answer tells how the server is built, and the
 * process goes on answering afterwards.
 */

/** `practices(first: N) { nodes { objectives { … } } }` nested `cycles` times. */
function nested(cycles: number, first = 1, leaf = 'number'): string {
  let inner = leaf;
  for (let i = 0; i < cycles; i++) inner = `practices(first: ${first}) { nodes { objectives { ${inner} } } }`;
  return `{ objective(number: 10) { ${inner} } }`;
}

const ENTITIES_BY_VARIABLE = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

describe('hostile requests (production server over HTTP)', () => {
  let db: TestDatabase;
  let server: HubServer;
  let port: number;
  const timings: [string, number, number, string][] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 61, scale: 'tiny' } });
    ({ server, port } = await listenProduction(db.dataSource));
  });
  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.log(`time to refuse each hostile request (ms):\n${timings.map(([name, ms, status, code]) => `  ${name.padEnd(48)} ${ms.toFixed(1).padStart(7)}  ${status} ${code}`).join('\n')}`);
    await server?.stop();
    await db?.drop();
  });

  const record = (response: RawResponse) => {
    bodies.push(response.text);
    const leak = leakIn(response.text);
    if (leak) throw new Error(`the response leaks internals: …${leak}…`);
  };

  /** The process still answers: /livez, then a normal query with its data. */
  async function stillAnswers(): Promise<void> {
    const livez = await rawRequest(port, { method: 'GET', path: '/livez' });
    record(livez);
    expect(livez.status).toBe(200);
    expect(JSON.parse(livez.text)).toEqual({ status: 'alive' });
    const normal = await postGraphQL(port, { query: '{ objectives { number } practices(first: 2) { nodes { id } } }' });
    record(normal);
    expect(normal.status).toBe(200);
    expect(normal.json.errors).toBeUndefined();
    expect(normal.json.data.objectives).toHaveLength(23);
    expect(normal.json.data.practices.nodes).toHaveLength(2);
  }

  /** Sends `body`, expects `status` and `code` (of the first error) within 1 s, then checks the process still answers. */
  async function refused(name: string, body: Parameters<typeof postGraphQL>[1], status: number, code: string) {
    const response = await postGraphQL(port, body);
    timings.push([name, response.ms, response.status, response.json?.errors?.[0]?.extensions?.code]);
    record(response);
    expect({ status: response.status, code: response.json?.errors?.[0]?.extensions?.code }).toEqual({ status, code });
    expect(response.ms).toBeLessThan(1000);
    expect(response.json.data).toBeUndefined(); // refused before execution: no data at all
    await stillAnswers();
    return response.json as { errors: { message: string; extensions: Record<string, any> }[]; extensions?: Record<string, any> };
  }

  it('the ~500-byte depth-30 query is refused with DEPTH_LIMIT_EXCEEDED', async () => {
    const query = nested(10);
    expect(query.length).toBeLessThan(600);
    const { errors } = await refused('depth 30 (10 cycles)', { query }, 400, 'DEPTH_LIMIT_EXCEEDED');
    expect(errors[0].message).toMatch(/depth limit of 6 exceeded, found 32/);
  });

  it('three nested practices(first: 100) are refused for their depth', async () => {
    const { errors } = await refused('3 nested practices(first: 100)', { query: nested(3, 100) }, 400, 'DEPTH_LIMIT_EXCEEDED');
    expect(errors).toHaveLength(1);
  });

  it('10 aliases of practices(100) × objectives × practices(100) are refused for their cost, which is stated', async () => {
    const part = (i: number) => `a${i}: practices(first: 100) { nodes { objectives { practices(first: 100) { nodes { id title summary } } } } }`;
    const { errors, extensions } = await refused('10 aliases of a 100x23x100 query', { query: `{ ${Array.from({ length: 10 }, (_, i) => part(i)).join(' ')} }` }, 400, 'COST_LIMIT_EXCEEDED');
    expect(errors[0].extensions.cost.limit).toBe(25_000);
    expect(errors[0].extensions.cost.requested).toBeGreaterThan(1_000_000);
    expect(extensions?.cost).toEqual({ requested: errors[0].extensions.cost.requested, limit: 25_000, actual: null });
  });

  it('1,000 aliases of objectiveNetwork are refused by the token limit before anything is validated', async () => {
    // 1,000 aliases need at least 6,000 tokens (`nI: objectiveNetwork { practiceCount }`): the
    // parser's 1,000-token limit refuses them before the alias limit (15) is even consulted.
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `n${i}: objectiveNetwork { practiceCount }`).join(' ')} }`;
    const { errors } = await refused('1,000 aliases of objectiveNetwork', { query }, 400, 'GRAPHQL_PARSE_FAILED');
    expect(errors[0].message).toMatch(/more that 1000 tokens/);
  });

  it('2,000 tokens are refused by the parser', async () => {
    const query = `{ ${Array.from({ length: 2000 }, () => '__typename').join(' ')} }`;
    const { errors } = await refused('2,000 tokens', { query }, 400, 'GRAPHQL_PARSE_FAILED');
    expect(errors[0].message).toMatch(/more that 1000 tokens/);
  });

  it('60 directives are refused with DIRECTIVE_LIMIT_EXCEEDED', async () => {
    const query = `{ ${Array.from({ length: 60 }, () => '__typename @include(if: true)').join(' ')} }`;
    const { errors } = await refused('60 directives', { query }, 400, 'DIRECTIVE_LIMIT_EXCEEDED');
    expect(errors[0].message).toMatch(/Directives limit of 50 exceeded, found 60/);
  });

  it('introspection is refused in production, while _service { sdl } (composition) still answers', async () => {
    const schema = await refused('introspection __schema', { query: '{ __schema { types { name } } }' }, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(schema.errors[0].extensions.validationErrorCode).toBe('INTROSPECTION_DISABLED');
    const type = await refused('introspection __type', { query: '{ __type(name: "Practice") { fields { name } } }' }, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(type.errors[0].extensions.validationErrorCode).toBe('INTROSPECTION_DISABLED');

    const sdl = await postGraphQL(port, { query: '{ _service { sdl } }' });
    record(sdl);
    expect(sdl.status).toBe(200);
    expect(sdl.json.errors).toBeUndefined();
    expect(sdl.json.data._service.sdl).toMatch(/type Practice\b[^{]*@key\(fields: "id"\)/);
  });

  it('a misspelled field, argument, enum value, input field or type gets no "Did you mean" in production', async () => {
    const typos: [string, Parameters<typeof postGraphQL>[1], string][] = [
      ['field', { query: '{ practises(first: 1) { nodes { id } } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['nested field', { query: '{ practices(first: 1) { nodes { tittle } } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['argument', { query: '{ practices(frist: 1) { nodes { id } } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['enum value', { query: '{ practices(first: 1, orderBy: RANKK) { nodes { id } } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['input field', { query: '{ practices(first: 1, filter: { textt: "x" }) { nodes { id } } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['type condition', { query: '{ practices(first: 1) { nodes { ... on Practise { id } } } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      // Variable values are coerced after validation: Apollo's suggestion hiding does not reach them.
      ['input field of a variable', { query: 'query($f: PracticeFilter) { practices(first: 1, filter: $f) { nodes { id } } }', variables: { f: { textt: 'x' } } }, 'BAD_USER_INPUT'],
      ['enum value of a variable', { query: 'query($o: PracticeOrder) { practices(first: 1, orderBy: $o) { nodes { id } } }', variables: { o: 'RANKK' } }, 'BAD_USER_INPUT'],
    ];
    for (const [name, body, code] of typos) {
      const { errors } = await refused(`misspelled ${name}`, body, 400, code);
      for (const error of errors) expect(error.message).not.toMatch(/Did you mean|"title"|"text"|"RANK"|"practices" or/);
    }
  });

  describe('malformed _entities representations are BAD_USER_INPUT naming their index', () => {
    const cases: [string, string, unknown][] = [
      ['a number', '1', 1],
      ['null', 'null', null],
      ['an empty object', '{}', {}],
      ['an unknown __typename', '{ __typename: "Nope", id: "x" }', { __typename: 'Nope', id: 'x' }],
    ];
    it.each(cases)('%s, inline and as a variable', async (name, literal, value) => {
      const inline = await refused(`_entities [${name}] inline`, { query: `{ _entities(representations: [${literal}]) { __typename } }` }, 400, 'BAD_USER_INPUT');
      const variable = await refused(`_entities [${name}] variable`, { query: ENTITIES_BY_VARIABLE, variables: { r: [value] } }, 400, 'BAD_USER_INPUT');
      for (const { errors } of [inline, variable]) {
        expect(errors).toHaveLength(1);
        expect(errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'representations', index: 0 });
        expect(errors[0].message).toMatch(/^representations\[0\] (must be an object|has no __typename|names "Nope")/);
      }
    });

    it('the index is the position of the bad one after good ones', async () => {
      const good = '{ __typename: "Objective", number: 1 }, { __typename: "Objective", number: 2 }';
      for (const bad of ['null', '7', '{}', '{ __typename: "Nope" }']) {
        const { errors } = await refused(`_entities [good, good, ${bad}] inline`, { query: `{ _entities(representations: [${good}, ${bad}]) { __typename } }` }, 400, 'BAD_USER_INPUT');
        expect(errors[0].extensions.index).toBe(2);
      }
      const { errors } = await refused('_entities [good, good, null] variable', {
        query: ENTITIES_BY_VARIABLE, variables: { r: [{ __typename: 'Objective', number: 1 }, { __typename: 'Objective', number: 2 }, null] },
      }, 400, 'BAD_USER_INPUT');
      expect(errors[0].extensions.index).toBe(2);
      // The same list without the bad one is answered.
      const ok = await postGraphQL(port, { query: ENTITIES_BY_VARIABLE, variables: { r: [{ __typename: 'Objective', number: 1 }, { __typename: 'Objective', number: 2 }] } });
      expect(ok.status).toBe(200);
      expect(ok.json.data._entities).toEqual([{ __typename: 'Objective' }, { __typename: 'Objective' }]);
    });
  });

  describe('automatic persisted queries', () => {
    const query = '{ objectives { number } }';
    const sha = createHash('sha256').update(query).digest('hex');

    it('a sha256Hash that is not the hash of the query sent is HTTP 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
      const { errors } = await refused('APQ wrong sha256Hash', { query, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }, 400, 'PERSISTED_QUERY_HASH_MISMATCH');
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(/not the SHA-256 of the query/);
    });

    it('a hash alone that the server never saw is PERSISTED_QUERY_NOT_FOUND (HTTP 200, as APQ clients expect); once registered it is answered', async () => {
      const body = { extensions: { persistedQuery: { version: 1, sha256Hash: sha } } };
      const unknown = await refused('APQ unknown hash only', body, 200, 'PERSISTED_QUERY_NOT_FOUND');
      expect(unknown.errors).toHaveLength(1);
      const register = await postGraphQL(port, { query, ...body });
      expect(register.status).toBe(200);
      const hit = await postGraphQL(port, body);
      record(hit);
      expect(hit.status).toBe(200);
      expect(hit.json.data.objectives).toHaveLength(23);
    });
  });

  describe('malformed requests the fuzzer found answered without a code (fixed)', () => {
    it('a subscription (the schema has none) is HTTP 400 GRAPHQL_VALIDATION_FAILED, not an internal error', async () => {
      const { errors } = await refused('subscription', { query: 'subscription { __typename }' }, 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(errors[0].message).toBe('This API has no subscription operations; send a query or a mutation.');
    });

    it('a persistedQuery of another version or shape is HTTP 400 BAD_REQUEST, not an internal error', async () => {
      for (const persistedQuery of [{ version: 2, sha256Hash: '0'.repeat(64) }, 'x', 1]) {
        const { errors } = await refused(`APQ persistedQuery ${JSON.stringify(persistedQuery)}`, { query: '{ __typename }', extensions: { persistedQuery } }, 400, 'BAD_REQUEST');
        expect(errors).toEqual([{ message: expect.stringMatching(/^extensions\.persistedQuery must be \{ "version": 1/), extensions: { code: 'BAD_REQUEST' } }]);
      }
    });

    it('more than 50 bad variable values: every error, the "too many errors" one included, is BAD_USER_INPUT', async () => {
      const query = 'query($f: PracticeFilter) { practices(filter: $f) { totalCount } }';
      const { errors } = await refused('60 bad values in one variable', { query, variables: { f: { objectives: Array.from({ length: 60 }, () => 'x') } } }, 400, 'BAD_USER_INPUT');
      expect(errors).toHaveLength(51);
      expect(errors.map((e) => e.extensions.code)).toEqual(Array.from({ length: 51 }, () => 'BAD_USER_INPUT'));
      expect(errors[50].message).toMatch(/^Too many errors processing variables/);
    });

    it('a body over 1 MB is HTTP 413 with connection: close, and the next request on a fresh connection is answered', async () => {
      const oneSocket = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const big = await rawRequest(port, { agent: oneSocket, body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } }), headers: { 'content-type': 'application/json' } });
        record(big);
        expect(big.status).toBe(413);
        expect(JSON.parse(big.text)).toEqual({ errors: [{ message: 'Request body is larger than 1048576 bytes.', extensions: { code: 'BAD_REQUEST' } }] });
        // The server drops the connection after a 413; it must say so, or a keep-alive client reuses a dead socket (ECONNRESET).
        expect(big.headers.connection).toBe('close');
        for (let i = 0; i < 3; i++) {
          const next = await rawRequest(port, { agent: oneSocket, body: JSON.stringify({ query: '{ objectives { number } }' }), headers: { 'content-type': 'application/json' } });
          expect(next.status).toBe(200);
        }
      } finally {
        oneSocket.destroy();
      }
      await stillAnswers();
    });
  });

  it('no response body of this file held a stack trace, a path, SQL or the database name', () => {
    expect(bodies.length).toBeGreaterThan(80);
    expect(bodies.map(leakIn).filter(Boolean)).toEqual([]);
    // The check itself notices a leak.
    expect(leakIn('{"errors":[{"message":"x","extensions":{"stacktrace":["at /app/node_modules/pg/lib/client.js:1"]}}]}')).not.toBeNull();
    expect(leakIn('relation "practice" does not exist in SELECT id FROM practice')).not.toBeNull();
    expect(leakIn('    at Object.<anonymous> (/app/src/server.ts:12:3)')).not.toBeNull();
    expect(leakIn('Error: x\n    at /app/dist/src/db/session.js:40:11')).not.toBeNull();
    expect(leakIn('password authentication failed for user "Postgres"')).not.toBeNull();
    expect(leakIn('No route for GET /x; GraphQL is served at /graphql.')).toBeNull();
  });
});
