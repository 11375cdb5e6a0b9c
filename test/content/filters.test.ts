import { randomUUID } from 'node:crypto';
import { execute, startTestServer } from '../support/graphql';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { HubServer } from '../../src/server';
import { ids, insertCall, insertEvent, insertOrganization, insertPractice, insertResource } from './fixtures';

/**
 * Every filter field against a small hand-made set of rows: the seeded practices, resources
 * and events are deleted first, so the expected sets (and totalCount) are exact.
 */
describe('content filters', () => {
  let db: TestDatabase;
  let server: HubServer;
  const p: Record<string, string> = {};
  const r: Record<string, string> = {};
  const e: Record<string, string> = {};
  let callId: string;
  const day = 24 * 3600 * 1000;
  const now = Date.now();

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 11, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    const ds = db.dataSource;
    await ds.query('DELETE FROM practice');
    await ds.query('DELETE FROM resource');
    await ds.query('DELETE FROM event');
    callId = (await insertCall(ds)).id;
    const memberState = await insertOrganization(ds, 'MEMBER_STATE');
    const civilSociety = await insertOrganization(ds, 'CIVIL_SOCIETY');
    const academia = await insertOrganization(ds, 'ACADEMIA');
    p.A = (await insertPractice(ds, {
      objectives: [10], principles: ['CHILD_SENSITIVE'], regions: ['014'], scope: 'REGIONAL', callId,
      organizations: [{ id: memberState, role: 'IMPLEMENTER' }], startDate: '2020-01-01', endDate: '2020-12-31',
    })).id;
    p.B = (await insertPractice(ds, {
      objectives: [1, 2], principles: ['HUMAN_RIGHTS'], countries: ['KEN'], scope: 'NATIONAL',
      organizations: [{ id: civilSociety, role: 'IMPLEMENTER' }, { id: memberState, role: 'PARTNER' }], startDate: '2022-01-01', endDate: null,
    })).id;
    p.C = (await insertPractice(ds, {
      objectives: [10, 11], regions: ['155'], countries: ['CHE'], scope: 'LOCAL',
      organizations: [{ id: academia, role: 'IMPLEMENTER' }], startDate: null, endDate: '2019-06-30',
    })).id;
    p.D = (await insertPractice(ds, { objectives: [5], regions: ['002'], scope: 'GLOBAL', startDate: '2023-06-01', endDate: '2023-12-31' })).id;
    // A draft that matches nearly everything: never listed.
    await insertPractice(ds, {
      status: 'DRAFT', objectives: [1, 2, 5, 10, 11], principles: ['CHILD_SENSITIVE', 'HUMAN_RIGHTS'], regions: ['002', '014', '155'],
      countries: ['KEN', 'CHE'], scope: 'GLOBAL', callId, organizations: [{ id: memberState, role: 'IMPLEMENTER' }],
    });

    r.report = (await insertResource(ds, { type: 'REPORT', publishedOn: '2023-03-01', scope: 'GLOBAL' })).id;
    r.dataset = (await insertResource(ds, { type: 'DATASET', publishedOn: '2024-01-15', scope: 'NATIONAL' })).id;
    r.video = (await insertResource(ds, { type: 'VIDEO', publishedOn: null, scope: 'REGIONAL' })).id;
    await insertResource(ds, { type: 'REPORT', publishedOn: '2023-05-01', scope: 'GLOBAL', status: 'UNDER_REVIEW' });

    e.soon = (await insertEvent(ds, { kind: 'WEBINAR', startsAt: new Date(now + 10 * day), objectives: [10] })).id;
    e.past = (await insertEvent(ds, { kind: 'CONFERENCE', startsAt: new Date(now - 10 * day), objectives: [1] })).id;
    e.observance = (await insertEvent(ds, { kind: 'OBSERVANCE', startsAt: '2024-07-30T00:00:00Z', objectives: [10, 11] })).id;
    e.later = (await insertEvent(ds, { kind: 'WORKSHOP', startsAt: new Date(now + 40 * day) })).id;
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  async function list(field: 'practices' | 'resources' | 'events', type: string, filter: Record<string, unknown>): Promise<string[]> {
    const query = `query($filter: ${type}) { ${field}(filter: $filter, first: 100) { totalCount nodes { id } } }`;
    const { data, errors } = await execute(server, db.dataSource, query, { filter });
    expect(errors).toBeUndefined();
    expect(data![field].totalCount).toBe(data![field].nodes.length);
    return ids(data![field].nodes);
  }
  const practices = (filter: Record<string, unknown>) => list('practices', 'PracticeFilter', filter);
  const resources = (filter: Record<string, unknown>) => list('resources', 'ResourceFilter', filter);
  const events = (filter: Record<string, unknown>) => list('events', 'EventFilter', filter);
  const of = (rows: Record<string, string>, ...names: string[]) => names.map((n) => rows[n]).sort();

  describe('Query.practices(filter:)', () => {
    it('lists every published practice, and only those, without a filter', async () => {
      expect(await practices({})).toEqual(of(p, 'A', 'B', 'C', 'D'));
    });

    it('objectives: any of the numbers', async () => {
      expect(await practices({ objectives: [10] })).toEqual(of(p, 'A', 'C'));
      expect(await practices({ objectives: [2, 5] })).toEqual(of(p, 'B', 'D'));
      expect(await practices({ objectives: [23] })).toEqual([]);
    });

    it('guidingPrinciples: any of the codes', async () => {
      expect(await practices({ guidingPrinciples: ['CHILD_SENSITIVE'] })).toEqual(of(p, 'A'));
      expect(await practices({ guidingPrinciples: ['CHILD_SENSITIVE', 'HUMAN_RIGHTS'] })).toEqual(of(p, 'A', 'B'));
      expect(await practices({ guidingPrinciples: ['RULE_OF_LAW'] })).toEqual([]);
    });

    it('regions: the region itself, a sub-region inside it, or a country inside it', async () => {
      // A is tagged 014 (Eastern Africa < 202 < 002), B has KEN (in 014), D is tagged 002 itself.
      expect(await practices({ regions: ['002'] })).toEqual(of(p, 'A', 'B', 'D'));
      // A practice tagged with the enclosing region (D: 002) is not "in" the sub-region.
      expect(await practices({ regions: ['014'] })).toEqual(of(p, 'A', 'B'));
      expect(await practices({ regions: ['202'] })).toEqual(of(p, 'A', 'B'));
      expect(await practices({ regions: ['150'] })).toEqual(of(p, 'C'));
      expect(await practices({ regions: ['019'] })).toEqual([]);
      expect(await practices({ regions: ['015', '155'] })).toEqual(of(p, 'C'));
    });

    it('countries: any of the ISO codes, exactly', async () => {
      expect(await practices({ countries: ['KEN'] })).toEqual(of(p, 'B'));
      expect(await practices({ countries: ['CHE', 'KEN'] })).toEqual(of(p, 'B', 'C'));
      expect(await practices({ countries: ['FRA'] })).toEqual([]);
    });

    it('scopes: any of the scopes', async () => {
      expect(await practices({ scopes: ['GLOBAL', 'LOCAL'] })).toEqual(of(p, 'C', 'D'));
      expect(await practices({ scopes: ['SUBREGIONAL'] })).toEqual([]);
    });

    it('implementerKinds: the IMPLEMENTER role only, a PARTNER of that kind does not count', async () => {
      expect(await practices({ implementerKinds: ['MEMBER_STATE'] })).toEqual(of(p, 'A'));
      expect(await practices({ implementerKinds: ['CIVIL_SOCIETY', 'ACADEMIA'] })).toEqual(of(p, 'B', 'C'));
      expect(await practices({ implementerKinds: ['PRIVATE_SECTOR'] })).toEqual([]);
    });

    it('call: practices submitted to that call (upper-case id accepted)', async () => {
      expect(await practices({ call: callId })).toEqual(of(p, 'A'));
      expect(await practices({ call: callId.toUpperCase() })).toEqual(of(p, 'A'));
      expect(await practices({ call: randomUUID() })).toEqual([]);
    });

    it('activeFrom/activeTo: the period overlaps, an open end is ongoing, an open start is from the beginning', async () => {
      expect(await practices({ activeFrom: '2020-06-01', activeTo: '2020-06-30' })).toEqual(of(p, 'A'));
      // Bounds are inclusive on both sides.
      expect(await practices({ activeFrom: '2019-06-30', activeTo: '2019-06-30' })).toEqual(of(p, 'C'));
      expect(await practices({ activeFrom: '2023-12-31', activeTo: '2024-05-01' })).toEqual(of(p, 'B', 'D'));
      // Only a lower bound: whatever has not ended before it (B never ends).
      expect(await practices({ activeFrom: '2030-01-01' })).toEqual(of(p, 'B'));
      // Only an upper bound: whatever started by then (C has no start date).
      expect(await practices({ activeTo: '2019-01-01' })).toEqual(of(p, 'C'));
      expect(await practices({ activeFrom: '2021-01-01', activeTo: '2021-12-31' })).toEqual([]);
    });

    it('combines fields with AND', async () => {
      expect(await practices({ objectives: [10], regions: ['002'] })).toEqual(of(p, 'A'));
      expect(await practices({ objectives: [10], scopes: ['LOCAL'] })).toEqual(of(p, 'C'));
      expect(await practices({ objectives: [1, 10], implementerKinds: ['CIVIL_SOCIETY'], countries: ['KEN'] })).toEqual(of(p, 'B'));
      expect(await practices({ objectives: [10], implementerKinds: ['CIVIL_SOCIETY'] })).toEqual([]);
      expect(await practices({ regions: ['002'], activeFrom: '2023-01-01', scopes: ['GLOBAL', 'NATIONAL'] })).toEqual(of(p, 'B', 'D'));
    });

    it('applies the same filter to Objective.practices', async () => {
      const { data, errors } = await execute(server, db.dataSource, `{ objective(number: 10) {
        practices(filter: { regions: ["150"] }) { totalCount nodes { id } } } }`);
      expect(errors).toBeUndefined();
      expect(data!.objective.practices).toEqual({ totalCount: 1, nodes: [{ id: p.C }] });
    });
  });

  describe('Query.resources(filter:)', () => {
    it('types: any of the types', async () => {
      expect(await resources({})).toEqual(of(r, 'report', 'dataset', 'video'));
      expect(await resources({ types: ['REPORT'] })).toEqual(of(r, 'report'));
      expect(await resources({ types: ['DATASET', 'VIDEO'] })).toEqual(of(r, 'dataset', 'video'));
    });

    it('publishedFrom/publishedTo: inclusive days; undated resources never match a bound', async () => {
      expect(await resources({ publishedFrom: '2023-06-01' })).toEqual(of(r, 'dataset'));
      expect(await resources({ publishedTo: '2023-03-01' })).toEqual(of(r, 'report'));
      expect(await resources({ publishedFrom: '2023-03-01', publishedTo: '2024-01-15' })).toEqual(of(r, 'report', 'dataset'));
      expect(await resources({ publishedFrom: '2023-03-02', publishedTo: '2024-01-14' })).toEqual([]);
    });

    it('scopes, alone and with other fields', async () => {
      expect(await resources({ scopes: ['REGIONAL', 'NATIONAL'] })).toEqual(of(r, 'dataset', 'video'));
      expect(await resources({ scopes: ['GLOBAL'], types: ['REPORT', 'DATASET'] })).toEqual(of(r, 'report'));
      expect(await resources({ scopes: ['NATIONAL'], types: ['REPORT'] })).toEqual([]);
    });
  });

  describe('Query.events(filter:)', () => {
    it('lists every event in calendar order without a filter', async () => {
      const { data } = await execute(server, db.dataSource, '{ events(first: 100) { totalCount nodes { id } } }');
      expect(data!.events).toEqual({ totalCount: 4, nodes: [e.observance, e.past, e.soon, e.later].map((id) => ({ id })) });
    });

    it('upcoming: true starts now or later, false started before now', async () => {
      expect(await events({ upcoming: true })).toEqual(of(e, 'soon', 'later'));
      expect(await events({ upcoming: false })).toEqual(of(e, 'past', 'observance'));
    });

    it('from/to: inclusive instants', async () => {
      expect(await events({ from: '2024-07-01T00:00:00Z', to: '2024-07-31T00:00:00Z' })).toEqual(of(e, 'observance'));
      expect(await events({ to: '2024-07-30T00:00:00Z' })).toEqual(of(e, 'observance'));
      expect(await events({ from: '2024-07-30T00:00:01Z', to: new Date(now).toISOString() })).toEqual(of(e, 'past'));
      expect(await events({ from: new Date(now + 5 * day).toISOString() })).toEqual(of(e, 'soon', 'later'));
    });

    it('kinds and objectives: any of', async () => {
      expect(await events({ kinds: ['WEBINAR', 'OBSERVANCE'] })).toEqual(of(e, 'soon', 'observance'));
      expect(await events({ kinds: ['LISTENING_SESSION'] })).toEqual([]);
      expect(await events({ objectives: [10] })).toEqual(of(e, 'soon', 'observance'));
      expect(await events({ objectives: [1, 11] })).toEqual(of(e, 'past', 'observance'));
    });

    it('combines fields with AND', async () => {
      expect(await events({ upcoming: true, objectives: [10] })).toEqual(of(e, 'soon'));
      expect(await events({ upcoming: false, kinds: ['CONFERENCE', 'WEBINAR'] })).toEqual(of(e, 'past'));
      expect(await events({ upcoming: true, kinds: ['OBSERVANCE'] })).toEqual([]);
    });
  });
});
