import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createContext } from '../../src/context';
import type { HubServer } from '../../src/server';
import { createServer } from '../../src/server';
import { MemoryRateLimitStore } from '../../src/limits/rate-limit';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { EDITOR, execute, startTestServer } from '../support/graphql';

/** `practices(first: N) { nodes { objectives { … } } }` nested `cycles` times. */
function nested(cycles: number, first = 1, leaf = 'number'): string {
  let inner = leaf;
  for (let i = 0; i < cycles; i++) inner = `practices(first: ${first}) { nodes { objectives { ${inner} } } }`;
  return `{ objective(number: 10) { ${inner} } }`;
}

describe('limits: cost, depth, aliases, directives, tokens', () => {
  let db: TestDatabase;
  let server: HubServer;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 42, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const refused = async (query: string, code: string, options: Parameters<typeof execute>[4] = {}) => {
    const began = Date.now();
    const result = await execute(server, db.dataSource, query, {}, options);
    expect(Date.now() - began).toBeLessThan(1000);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.statements).toBe(0);
    return result;
  };

  it('every operation of schema/operations fits every limit, and reports its cost', async () => {
    const dir = path.join('schema', 'operations');
    const variables: Record<string, Record<string, unknown>> = {
      'objective.graphql': { number: 10 }, 'practice.graphql': { slug: 'x' }, 'call.graphql': { slug: 'x' }, 'group.graphql': { slug: 'x' },
      'coverage.graphql': { by: 'REGION' }, 'explore.graphql': { number: 10 },
    };
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
      for (const first of [undefined, 100]) {
        const result = await server.apollo.executeOperation({ query: readFileSync(path.join(dir, file), 'utf8'), variables: { ...variables[file], first } }, { contextValue: createContext({ dataSource: db.dataSource }) });
        if (result.body.kind !== 'single') throw new Error('single');
        expect(result.body.singleResult.errors).toBeUndefined();
        const cost = result.body.singleResult.extensions?.cost as { requested: number; limit: number; actual: number };
        expect(cost.requested).toBeGreaterThan(0);
        expect(cost.requested).toBeLessThanOrEqual(cost.limit);
        expect(cost.actual).toBeLessThanOrEqual(cost.requested);
      }
    }
  });

  it('the ~500-byte depth-30 query that killed the process is refused before any SQL', async () => {
    const query = nested(10);
    expect(query.length).toBeLessThan(600);
    const { errors } = await refused(query, 'DEPTH_LIMIT_EXCEEDED');
    expect(errors![0].message).toMatch(/depth/i);
  });

  it('three nested practices(first: 100) are refused for their cost, which the message states with the limit', async () => {
    const { errors } = await refused(nested(3, 100), 'DEPTH_LIMIT_EXCEEDED');
    expect(errors).toHaveLength(1);
    // Within the depth limit, the cost alone refuses it.
    const shallow = '{ practices(first: 100) { nodes { objectives { practices(first: 100) { nodes { id title summary } } } } } }';
    const cost = await refused(shallow, 'COST_LIMIT_EXCEEDED');
    expect(cost.errors![0].message).toMatch(/may cost up to \d+, over the limit of 25000/);
  });

  it('10 aliases of a 100 x 23 x 100 query are refused for cost; 16 aliases for the alias limit', async () => {
    const part = (i: number) => `a${i}: practices(first: 100) { nodes { objectives { practices(first: 100) { nodes { id title summary } } } } }`;
    await refused(`{ ${Array.from({ length: 10 }, (_, i) => part(i)).join(' ')} }`, 'COST_LIMIT_EXCEEDED');
    await refused(`{ ${Array.from({ length: 16 }, (_, i) => `n${i}: objectiveNetwork { practiceCount }`).join(' ')} }`, 'ALIAS_LIMIT_EXCEEDED');
  });

  it('more than 1,000 tokens or 50 directives are refused', async () => {
    const many = `{ ${Array.from({ length: 1100 }, () => '__typename').join(' ')} }`;
    await refused(many, 'GRAPHQL_PARSE_FAILED');
    await refused(`{ ${Array.from({ length: 51 }, () => '__typename @include(if: true)').join(' ')} }`, 'DIRECTIVE_LIMIT_EXCEEDED');
  });

  it('one document costs what its variables and operation name ask each time (kept per document, never mixed up)', async () => {
    const query = `query Few($first: Int) { practices(first: $first) { nodes { id objectives { number } } } }
      query Many($first: Int) { practices(first: $first) { nodes { id objectives { practices(first: 100) { nodes { id } } } } } }`;
    const costOf = async (operationName: string, first: number) => {
      const r = await server.apollo.executeOperation({ query, operationName, variables: { first } }, { contextValue: createContext({ dataSource: db.dataSource }) });
      if (r.body.kind !== 'single') throw new Error('single');
      return { requested: (r.body.singleResult.extensions?.cost as { requested: number } | undefined)?.requested, code: r.body.singleResult.errors?.[0]?.extensions?.code };
    };
    const few5 = await costOf('Few', 5);
    const few50 = await costOf('Few', 50);
    expect(few50.requested).toBeGreaterThan(few5.requested!);
    expect(await costOf('Few', 5)).toEqual(few5);
    expect((await costOf('Many', 1)).code).toBeUndefined();
    expect((await costOf('Many', 100)).code).toBe('COST_LIMIT_EXCEEDED');
    expect((await costOf('Many', 100)).code).toBe('COST_LIMIT_EXCEEDED');
    expect((await costOf('Few', 50)).requested).toBe(few50.requested);
    // The depth verdict, kept per document too, refuses the same text every time.
    await refused(nested(10), 'DEPTH_LIMIT_EXCEEDED');
    await refused(nested(10), 'DEPTH_LIMIT_EXCEEDED');
  });

  it('editors get a higher limit', async () => {
    const query = '{ practices(first: 100) { nodes { objectives { practices(first: 20) { nodes { id } } } } } }';
    await refused(query, 'COST_LIMIT_EXCEEDED');
    const editor = await execute(server, db.dataSource, query, {}, { principal: EDITOR });
    expect(editor.errors).toBeUndefined();
  });

  it('a rate limit on cost per window answers 429 RATE_LIMITED with Retry-After, and says what is left', async () => {
    const limited = await createServer({
      dataSource: db.dataSource, production: false, debugSql: false,
      limits: { rateLimit: { budget: 100, windowMs: 60_000, store: new MemoryRateLimitStore() } },
    });
    await limited.start();
    try {
      const query = '{ objectives { number } }'; // costs 23
      const run = () => limited.apollo.executeOperation({ query }, { contextValue: createContext({ dataSource: db.dataSource }) });
      const rates: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await run();
        if (r.body.kind !== 'single') throw new Error('single');
        expect(r.body.singleResult.errors).toBeUndefined();
        rates.push((r.body.singleResult.extensions?.rateLimit as { remaining: number }).remaining);
      }
      expect(rates).toEqual([77, 54, 31, 8]);
      const over = await run();
      if (over.body.kind !== 'single') throw new Error('single');
      expect(over.body.singleResult.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect(over.http.status).toBe(429);
      expect(Number(over.http.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });
});
