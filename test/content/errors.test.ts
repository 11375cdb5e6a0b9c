import { randomUUID } from 'node:crypto';
import { execute, startTestServer } from '../support/graphql';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { HubServer } from '../../src/server';
import { badInput } from './fixtures';
import { logger } from '../../src/log/logger';

const cursorOf = (payload: string) => Buffer.from(payload, 'utf8').toString('base64url');
const notACursor = (cursor: string) =>
  `"${cursor.length > 60 ? `${cursor.slice(0, 60)}…` : cursor}" is not a cursor of this list in this order: pass an endCursor or edges.cursor from the same field with the same orderBy and filter.`;

describe('content errors', () => {
  let db: TestDatabase;
  let server: HubServer;
  let production: HubServer;
  let publishedCount: number;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 11, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    production = await startTestServer(db.dataSource, { production: true });
    [{ n: publishedCount }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM practice WHERE status = 'PUBLISHED'`);
  });
  afterAll(async () => {
    await server.stop();
    await production.stop();
    await db.drop();
  });

  const run = (query: string, variables: Record<string, unknown> = {}, acceptLanguage?: string) =>
    execute(server, db.dataSource, query, variables, { acceptLanguage });

  describe('first', () => {
    const fields: [string, string][] = [
      ['Query.practices', 'query($n: Int) { practices(first: $n) { totalCount } }'],
      ['Query.resources', 'query($n: Int) { resources(first: $n) { totalCount } }'],
      ['Query.events', 'query($n: Int) { events(first: $n) { totalCount } }'],
      ['Objective.practices', 'query($n: Int) { objective(number: 10) { practices(first: $n) { totalCount } } }'],
      ['CuratedView.practices', 'query($n: Int) { curatedView(slug: "home") { practices(first: $n) { id } } }'],
    ];
    describe.each(fields)('%s(first:)', (_coordinate, query) => {
      it.each([-1, 101])('refuses first: %i with BAD_USER_INPUT on first', async (n) => {
        const { errors } = await run(query, { n });
        expect(errors).toEqual(badInput('first', `first must be between 0 and 100; got ${n}.`));
      });
    });

    it('first: 0 returns no nodes but the whole totalCount (Query.practices, Query.resources, Query.events)', async () => {
      const { data, errors } = await run(`{
        practices(first: 0) { totalCount nodes { id } edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor } }
        resources(first: 0) { totalCount nodes { id } }
        events(first: 0) { totalCount nodes { id } } }`);
      expect(errors).toBeUndefined();
      expect(data!.practices).toEqual({ totalCount: publishedCount, nodes: [], edges: [], pageInfo: { hasNextPage: true, hasPreviousPage: false, endCursor: null } });
      const [{ r, e }] = await db.dataSource.query(`SELECT (SELECT count(*)::int FROM resource WHERE status = 'PUBLISHED') AS r, (SELECT count(*)::int FROM event) AS e`);
      expect(data!.resources).toEqual({ totalCount: r, nodes: [] });
      expect(data!.events).toEqual({ totalCount: e, nodes: [] });
    });
  });

  describe('Query.practices(after:) / Query.events(after:)', () => {
    const PRACTICES = 'query($after: String, $orderBy: PracticeOrder) { practices(first: 2, after: $after, orderBy: $orderBy) { nodes { id } } }';
    let rankCursor: string;
    let eventCursor: string;
    let titleCursor: string;
    beforeAll(async () => {
      rankCursor = (await run('{ practices(first: 1) { pageInfo { endCursor } } }')).data!.practices.pageInfo.endCursor;
      eventCursor = (await run('{ events(first: 1) { pageInfo { endCursor } } }')).data!.events.pageInfo.endCursor;
      titleCursor = (await run('{ practices(first: 1, orderBy: TITLE) { pageInfo { endCursor } } }')).data!.practices.pageInfo.endCursor;
    });

    it('continues after a cursor of the same order', async () => {
      const { data, errors } = await run(PRACTICES, { after: rankCursor });
      expect(errors).toBeUndefined();
      expect(data!.practices.nodes).toHaveLength(2);
    });

    it.each([
      ['garbage', () => 'garbage!!', undefined],
      ['base64 of something else', () => cursorOf('hello world, this is not a cursor'), undefined],
      ['the right prefix without JSON', () => cursorOf('hg1:{not json'), undefined],
      ['a RANK cursor passed with orderBy RECENT', () => rankCursor, 'RECENT'],
      ['a cursor of Query.events', () => eventCursor, undefined],
      ['a TITLE cursor of another locale', () => titleCursor, 'TITLE:fr'],
      ['a cursor with a key of the wrong type', () => cursorOf(`hg1:["RANK",0,"x","0","0","${randomUUID()}"]`), undefined],
    ])('refuses %s with BAD_USER_INPUT on after', async (_what, cursor, order) => {
      const after = cursor();
      const { errors } = await run(PRACTICES, { after, orderBy: order?.split(':')[0] }, order === 'TITLE:fr' ? 'fr' : undefined);
      expect(errors).toEqual(badInput('after', notACursor(after)));
    });

    it.each([
      ['a smallint key above 32767', 'RANK', '["RANK",99999,0,"0","0","ID"]'],
      ['a bigint key above 2^63 - 1', 'RECENT', '["RECENT","9999999999999999999","ID"]'],
    ])('refuses a forged cursor with %s with BAD_USER_INPUT, not an internal error', async (_what, orderBy, keys) => {
      const after = cursorOf(`hg1:${keys.replace('ID', randomUUID())}`);
      expect((await run(PRACTICES, { after, orderBy })).errors).toEqual(badInput('after', notACursor(after)));
    });

    it('Query.events refuses a cursor of Query.practices', async () => {
      const { errors } = await run('query($after: String) { events(after: $after) { nodes { id } } }', { after: rankCursor });
      expect(errors).toEqual(badInput('after', notACursor(rankCursor)));
    });

    it('Query.events refuses a forged start instant that PostgreSQL cannot read with BAD_USER_INPUT, not an internal error', async () => {
      // "1" passes Date.parse (year 2001) but not PostgreSQL's timestamptz input.
      const forged = cursorOf(`hg1:["START","1","${randomUUID()}"]`);
      const { errors } = await run('query($after: String) { events(after: $after) { nodes { id } } }', { after: forged });
      expect(errors).toEqual(badInput('after', notACursor(forged)));
    });
  });

  describe('Query.practice(id:, slug:)', () => {
    it('refuses neither, both, and a malformed id with BAD_USER_INPUT', async () => {
      const message = 'Pass exactly one of id and slug to look up a practice.';
      expect((await run('{ practice { id } }')).errors).toEqual(badInput('id', message));
      expect((await run(`{ practice(id: "${randomUUID()}", slug: "x") { id } }`)).errors).toEqual(badInput('slug', message));
      expect((await run('{ practice(id: "42") { id } }')).errors).toEqual(
        badInput('id', 'id must be a UUID such as "0b6c3f7e-1d2a-4c5b-8e9f-000000000401"; got "42".'),
      );
    });

    it('is null, without an error, for an unknown slug or id', async () => {
      const { data, errors } = await run(`{ a: practice(slug: "no-such-practice") { id } b: practice(id: "${randomUUID()}") { id } }`);
      expect(errors).toBeUndefined();
      expect(data).toEqual({ a: null, b: null });
    });
  });

  describe('Query.practices(filter:)', () => {
    const PRACTICES = 'query($filter: PracticeFilter) { practices(filter: $filter) { totalCount } }';
    it.each([
      ['filter.objectives', { objectives: [24] }, 'filter.objectives must hold objective numbers from 1 to 23; got 24.'],
      ['filter.objectives', { objectives: [3, 0] }, 'filter.objectives must hold objective numbers from 1 to 23; got 0.'],
      ['filter.objectives', { objectives: Array(101).fill(1) }, 'filter.objectives takes at most 100 values; got 101.'],
      ['filter.regions', { regions: ['Africa'] }, 'filter.regions must hold three-digit UN M49 codes such as "002"; got "Africa".'],
      ['filter.countries', { countries: ['CHE', 'ch'] }, 'filter.countries must hold ISO 3166-1 alpha-3 codes such as "CHE"; got "ch".'],
      ['filter.call', { call: 'nope' }, 'filter.call must be the id of a call for practices; got "nope".'],
      ['filter.guidingPrinciples', { guidingPrinciples: ['child-sensitive'] }, 'filter.guidingPrinciples must hold principle codes such as "CHILD_SENSITIVE" (see Query.guidingPrinciples).'],
      ['filter.activeFrom', { activeFrom: '2024-06-01', activeTo: '2024-01-01' }, 'filter.activeFrom (2024-06-01) must not be after filter.activeTo (2024-01-01).'],
    ])('refuses a bad %s with BAD_USER_INPUT (case %#)', async (argumentName, filter, message) => {
      const { data, errors } = await run(PRACTICES, { filter });
      expect(data).toBeNull();
      expect(errors).toEqual(badInput(argumentName, message));
    });

    it('validates the filter of Query.resources, Query.events and Query.objectiveNetwork too', async () => {
      expect((await run('{ resources(filter: { publishedFrom: "2024-02-02", publishedTo: "2024-02-01" }) { totalCount } }')).errors).toEqual(
        badInput('filter.publishedFrom', 'filter.publishedFrom (2024-02-02) must not be after filter.publishedTo (2024-02-01).'),
      );
      expect((await run('{ events(filter: { from: "2024-06-01T00:00:00Z", to: "2024-01-01T00:00:00Z" }) { totalCount } }')).errors).toEqual(
        badInput('filter.from', 'filter.from (2024-06-01T00:00:00.000Z) must not be after filter.to (2024-01-01T00:00:00.000Z).'),
      );
      expect((await run('{ events(filter: { objectives: [24] }) { totalCount } }')).errors).toEqual(
        badInput('filter.objectives', 'filter.objectives must hold objective numbers from 1 to 23; got 24.'),
      );
      expect((await run('{ objectiveNetwork(filter: { regions: ["Africa"] }) { practiceCount } }')).errors).toEqual(
        badInput('filter.regions', 'filter.regions must hold three-digit UN M49 codes such as "002"; got "Africa".'),
      );
    });
  });

  describe('Query.objectiveNetwork(minShared:) / Objective.linkedObjectives(minShared:)', () => {
    it('refuses minShared below 1 with BAD_USER_INPUT', async () => {
      expect((await run('{ objectiveNetwork(minShared: 0) { practiceCount } }')).errors).toEqual(
        badInput('minShared', 'minShared must be a positive integer; got 0.'),
      );
      expect((await run('{ objective(number: 10) { linkedObjectives(minShared: -3) { sharedPractices } } }')).errors).toEqual(
        badInput('minShared', 'minShared must be a positive integer; got -3.'),
      );
    });
  });

  describe('production: true', () => {
    // Case-sensitive: our messages say "from the same field", SQL says FROM.
    const LEAK = /SELECT|FROM |WHERE |stacktrace|\.ts:\d|node_modules|QueryFailedError|out of range|invalid input syntax|smallint|bigint/;

    it('keeps expected errors (code, message, argumentName) and leaks no SQL or stack trace', async () => {
      const bad = [
        ['{ practices(first: 101) { totalCount } }', 'BAD_USER_INPUT'],
        ['{ practices(filter: { regions: ["Africa"] }) { totalCount } }', 'BAD_USER_INPUT'],
        ['{ practices(after: "garbage") { totalCount } }', 'BAD_USER_INPUT'],
        ['{ practice { id } }', 'BAD_USER_INPUT'],
        ['{ practices { nope } }', 'GRAPHQL_VALIDATION_FAILED'],
      ];
      for (const [query, code] of bad) {
        const { errors } = await execute(production, db.dataSource, query);
        expect(errors).toHaveLength(1);
        expect(errors![0].extensions!.code).toBe(code);
        expect(errors![0].extensions).not.toHaveProperty('stacktrace');
        expect(JSON.stringify(errors)).not.toMatch(LEAK);
      }
    });

    it('refuses a forged cursor whose values are out of range as BAD_USER_INPUT, before SQL', async () => {
      const forged = cursorOf(`hg1:["RANK",99999,0,"0","0","${randomUUID()}"]`);
      const { errors, statements } = await execute(production, db.dataSource, 'query($a: String) { practices(after: $a) { totalCount } }', { a: forged });
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
      expect(statements).toBe(0);
    });

    it('turns an unexpected failure (the database refusing a statement) into a bare INTERNAL_SERVER_ERROR', async () => {
      const log = jest.spyOn(logger, 'error');
      await db.dataSource.query('ALTER TABLE community_group RENAME COLUMN member_count TO member_count_gone');
      try {
        const { errors } = await execute(production, db.dataSource, '{ communityGroups(first: 2) { totalCount } }');
        expect(errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
        expect(JSON.stringify(errors)).not.toMatch(LEAK);
        expect(log).toHaveBeenCalledWith(expect.objectContaining({ err: expect.anything() }), 'unexpected error');
      } finally {
        await db.dataSource.query('ALTER TABLE community_group RENAME COLUMN member_count_gone TO member_count');
        log.mockRestore();
      }
    });
  });
});
