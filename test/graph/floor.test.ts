import { readFileSync } from 'node:fs';
import path from 'node:path';
import { floorQuery } from '../../bench/floor-sql';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, startTestServer } from '../support/graphql';
import type { HubServer } from '../../src/server';

/**
 * The benchmark's floor (bench/floor-sql.ts: one statement per page in which PostgreSQL builds
 * the whole response) answers exactly what the graph answers, for an anonymous caller in
 * English: same values, list orders, nulls, date formats and cursors, and the same key order.
 * Otherwise graph ÷ floor would compare the graph with a different page.
 */

const OPERATIONS = { HomePage: 'home.graphql', ObjectivePage: 'objective.graphql', PracticePage: 'practice.graphql' } as const;
type Operation = keyof typeof OPERATIONS;

const BENCH_PRACTICE = 'global-guidance-on-child-sensitive-anti-trafficking-responses';
/** Three reviews (two without comment), two resources, an event, a call, two countries, three partners, no takeaway, no end date. */
const RICH_PRACTICE = 'improving-cheaper-and-safer-remittances-in-brunei-darussalam-and-latvi-s';
/** Three reviews, two resources, two events, no call. */
const NO_CALL_PRACTICE = 'community-partnerships-on-community-based-alternatives-to-detention-in-r9';

/** The variables bench/run.ts sends (`first` left to the operations' defaults, as floorQuery's). */
const BENCH: [Operation, Record<string, unknown>][] = [
  ['HomePage', {}],
  ['ObjectivePage', { number: 10 }],
  ['PracticePage', { slug: BENCH_PRACTICE }],
];

describe('bench floor: one statement answering what the graph answers', () => {
  let db: TestDatabase;
  let server: HubServer;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 42, scale: 'default' } });
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  /** The graph's and the floor's `data` for one page, after checking both answered without errors. */
  async function both(operation: Operation, variables: Record<string, unknown>): Promise<{ graph: any; floor: any }> {
    const query = readFileSync(path.join('schema', 'operations', OPERATIONS[operation]), 'utf8');
    const result = await execute(server, db.dataSource, query, variables);
    expect(result.errors).toBeUndefined();
    const floor = floorQuery(operation, variables)!;
    const rows: { body: string }[] = await db.dataSource.query(floor.text, floor.values);
    expect(rows).toHaveLength(1);
    const body = JSON.parse(rows[0].body);
    expect(Object.keys(body)).toEqual(['data']);
    // What the HTTP handler sends (JSON.stringify): DateTime values are Dates until then.
    return { graph: JSON.parse(JSON.stringify(result.data)), floor: body.data };
  }

  async function expectSame(operation: Operation, variables: Record<string, unknown>): Promise<any> {
    const { graph, floor } = await both(operation, variables);
    expect(floor).toEqual(graph);
    // The same keys in the same order too (toEqual ignores the order of keys).
    expect(JSON.stringify(floor)).toBe(JSON.stringify(graph));
    return graph;
  }

  it.each(BENCH)('%s with the bench variables %j', async (operation, variables) => {
    const data = await expectSame(operation, variables);
    // Not a comparison of empty pages.
    if (operation === 'HomePage') {
      for (const list of ['practices', 'resources', 'events', 'communityGroups']) expect(data.curatedView[list]).toHaveLength(6);
      expect(data.objectives).toHaveLength(23);
    } else if (operation === 'ObjectivePage') {
      expect(data.objective.practices.edges).toHaveLength(10);
      expect(data.objective.practices.pageInfo.hasNextPage).toBe(true);
      expect(data.objective.resources.nodes.length).toBeGreaterThan(0);
      expect(data.objective.events.nodes.length).toBeGreaterThan(0);
      expect(data.objective.linkedObjectives.length).toBeGreaterThan(0);
    } else {
      expect(data.practice.slug).toBe(BENCH_PRACTICE);
      expect(data.practice.objectives.length).toBeGreaterThan(1);
      for (const objective of data.practice.objectives) expect(objective.practices.nodes).toHaveLength(5);
    }
  });

  it('PracticePage of practices with several reviews, resources, events, partners and countries', async () => {
    const rich = (await expectSame('PracticePage', { slug: RICH_PRACTICE })).practice;
    expect(rich.reviews).toHaveLength(3);
    expect(rich.reviews.filter((r: { comment: string | null }) => r.comment === null).length).toBeGreaterThan(0);
    expect(rich.resources).toHaveLength(2);
    expect(rich.events).toHaveLength(1);
    expect(rich.call).not.toBeNull();
    expect(rich.countries).toHaveLength(2);
    expect(rich.partners).toHaveLength(3);
    expect(rich.takeaway).toBeNull();
    expect(rich.endDate).toBeNull();
    const noCall = (await expectSame('PracticePage', { slug: NO_CALL_PRACTICE })).practice;
    expect(noCall.call).toBeNull();
    expect(noCall.events).toHaveLength(2);
    expect(noCall.resources).toHaveLength(2);
  });

  it.each([
    ['HomePage', { first: 1 }],
    ['HomePage', { first: 25 }],
    ['ObjectivePage', { number: 10, first: 3 }],
    ['ObjectivePage', { number: 3, first: 50 }],
    ['ObjectivePage', { number: 23, first: 0 }],
    ['PracticePage', { slug: BENCH_PRACTICE, first: 1 }],
    ['PracticePage', { slug: RICH_PRACTICE, first: 50 }],
  ] as [Operation, Record<string, unknown>][])('%s with other arguments %j', async (operation, variables) => {
    await expectSame(operation, variables);
  });

  it('null where the graph finds nothing: an unknown objective, an unknown slug, an unpublished practice', async () => {
    expect(await expectSame('ObjectivePage', { number: 99 })).toEqual({ objective: null });
    expect(await expectSame('PracticePage', { slug: 'no-such-practice' })).toEqual({ practice: null });
    const [unpublished] = await db.dataSource.query(`SELECT slug FROM practice WHERE status <> 'PUBLISHED' ORDER BY slug LIMIT 1`);
    expect(await expectSame('PracticePage', { slug: unpublished.slug })).toEqual({ practice: null });
  });

  // Last: changes the seed. An open call (isOpen, the home page's open calls) and an unpublished
  // resource of a published practice (left out of its resources), which the seed has neither of.
  it('an open call and an unpublished linked resource', async () => {
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affected].
    const [[call]] = await db.dataSource.query(
      `UPDATE call_for_practices c SET opens_on = (now() AT TIME ZONE 'UTC')::date - 3, deadline = (now() AT TIME ZONE 'UTC')::date + 3
       FROM practice p WHERE p.slug = $1 AND c.id = p.call_id RETURNING c.id`, [RICH_PRACTICE]);
    expect(call).toBeDefined();
    const [[resource]] = await db.dataSource.query(
      `UPDATE resource r SET status = 'UNDER_REVIEW' WHERE r.id = (
         SELECT l.resource_id FROM practice_resource l JOIN practice p ON p.id = l.practice_id WHERE p.slug = $1 ORDER BY l.resource_id LIMIT 1)
       RETURNING r.id`, [RICH_PRACTICE]);
    expect(resource).toBeDefined();
    const practice = (await expectSame('PracticePage', { slug: RICH_PRACTICE })).practice;
    expect(practice.call.isOpen).toBe(true);
    expect(practice.resources).toHaveLength(1);
    const home = await expectSame('HomePage', {});
    expect(home.callsForPractices.map((c: { id: string }) => c.id)).toContain(call.id);
  });
});
