import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, startTestServer } from '../support/graphql';
import type { HubServer } from '../../src/server';

const DIR = path.join('schema', 'operations');

/** Each front-end operation with the variables of a real page on the default seed. */
const PAGES: Record<string, { variables: Record<string, unknown>; bound: number; nonEmpty: (data: any) => unknown[] }> = {
  'home.graphql': { variables: {}, bound: 3, nonEmpty: (d) => d.curatedView.practices },
  'objective.graphql': { variables: { number: 10 }, bound: 11, nonEmpty: (d) => d.objective.practices.edges },
  'practice.graphql': { variables: { slug: 'global-guidance-on-child-sensitive-anti-trafficking-responses' }, bound: 3, nonEmpty: (d) => d.practice.objectives[0].practices.nodes },
  'call.graphql': { variables: { slug: 'leave-no-child-behind-2024' }, bound: 6, nonEmpty: (d) => d.callForPractices.practices.nodes },
  'group.graphql': { variables: { slug: 'counter-trafficking' }, bound: 8, nonEmpty: (d) => d.communityGroup.events.nodes },
  // From the day of the sample webinar, so the first page already has events with a group:
  // a relation that is empty on a whole page costs no statement, which would make 5 cheaper than 50.
  'events.graphql': { variables: { filter: { from: '2024-07-15T00:00:00Z' } }, bound: 4, nonEmpty: (d) => d.events.edges },
  // A search for trafficking among practices on objectives 9 and 10 in Africa, at every scope but LOCAL.
  'browse.graphql': {
    variables: { filter: { text: 'trafficking', objectives: [9, 10], regions: ['002'], scopes: ['GLOBAL', 'REGIONAL', 'SUBREGIONAL', 'NATIONAL'] }, orderBy: 'RANK' },
    bound: 8, nonEmpty: (d) => d.practices.nodes,
  },
  // Reports, policy briefs and toolkits on objective 10 published since 2019, newest first.
  'resources.graphql': {
    variables: { filter: { types: ['REPORT', 'POLICY_BRIEF', 'TOOLKIT'], objectives: [10], publishedFrom: '2019-01-01' }, orderBy: 'RECENT' },
    bound: 6, nonEmpty: (d) => d.resources.nodes,
  },
  // The network of the regional and national practices in Africa (no pagination: `first` changes nothing).
  'network.graphql': { variables: { filter: { regions: ['002'], scopes: ['REGIONAL', 'NATIONAL'] }, minShared: 2 }, bound: 2, nonEmpty: (d) => d.objectiveNetwork.edges },
  // Objectives × regions over the practices active since 2019.
  'coverage.graphql': { variables: { by: 'REGION', filter: { activeFrom: '2019-01-01' } }, bound: 2, nonEmpty: (d) => d.objectiveCoverage },
  // The explorer's edge drill-down: practices on objectives 10 and 11 (GET /explore).
  'explore.graphql': { variables: { number: 10, filter: { objectives: [11] } }, bound: 2, nonEmpty: (d) => d.objective.practices.nodes },
};

describe('schema/operations: one round trip, a bounded number of statements', () => {
  let db: TestDatabase;
  let server: HubServer;
  const measured: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 42, scale: 'default' } });
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    console.log(`statements per operation (first 5 / first 50):\n${measured.join('\n')}`);
    await server.stop();
    await db.drop();
  });

  it('covers every operation file', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.graphql')).sort()).toEqual(Object.keys(PAGES).sort());
  });

  it.each(Object.keys(PAGES))('%s costs the same number of statements at first 5 and first 50, within its bound', async (file) => {
    const page = PAGES[file];
    const query = readFileSync(path.join(DIR, file), 'utf8');
    const small = await execute(server, db.dataSource, query, { ...page.variables, first: 5 });
    const large = await execute(server, db.dataSource, query, { ...page.variables, first: 50 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(page.nonEmpty(small.data).length).toBeGreaterThan(0);
    expect(page.nonEmpty(large.data).length).toBeGreaterThanOrEqual(page.nonEmpty(small.data).length);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(page.bound);
    measured.push(`  ${file}: ${small.statements} / ${large.statements}`);
  });

  it('the home page stays at 3 statements (the view brings its lists, and they their items\' objectives, implementers, publishers and groups)', async () => {
    const { statements, errors } = await execute(server, db.dataSource, readFileSync(path.join(DIR, 'home.graphql'), 'utf8'), { first: 100 });
    expect(errors).toBeUndefined();
    expect(statements).toBe(3);
  });

  // The loaders primed from a folded statement answer exactly what their own statements would:
  // without batching nothing is primed (no cache), every relation is loaded by its loader.
  it.each(['home.graphql', 'objective.graphql', 'practice.graphql', 'call.graphql', 'group.graphql'])('%s answers the same with and without folded relations', async (file) => {
    const query = readFileSync(path.join(DIR, file), 'utf8');
    const variables = { ...PAGES[file].variables, first: 5 };
    const folded = await execute(server, db.dataSource, query, variables);
    const unfolded = await execute(server, db.dataSource, query, variables, { batching: false });
    expect(folded.errors).toBeUndefined();
    expect(unfolded.errors).toBeUndefined();
    expect(JSON.stringify(folded.data)).toBe(JSON.stringify(unfolded.data));
  });

  it('without batching (HUBGRAPH_LOADERS=off, the naive comparator) the same page costs a statement per parent', async () => {
    const query = readFileSync(path.join(DIR, 'home.graphql'), 'utf8');
    const small = await execute(server, db.dataSource, query, { first: 5 }, { batching: false });
    const large = await execute(server, db.dataSource, query, { first: 50 }, { batching: false });
    const batched = await execute(server, db.dataSource, query, { first: 50 });
    expect(large.data).toEqual(batched.data);
    expect(large.statements).toBeGreaterThan(small.statements);
    expect(large.statements).toBeGreaterThan(5 * batched.statements);
  });

  it('every nested connection of a list is one statement for all parents', async () => {
    const { sql, errors } = await execute(server, db.dataSource, '{ objectives { practices(first: 3) { totalCount nodes { id } } resources(first: 2) { totalCount } } }');
    expect(errors).toBeUndefined();
    expect(sql.filter((s) => s.includes('practicesBy_objective'))).toHaveLength(1);
    expect(sql.filter((s) => s.includes('resourcesBy_objective'))).toHaveLength(1);
  });
});
