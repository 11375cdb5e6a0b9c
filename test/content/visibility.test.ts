import { execute, startTestServer } from '../support/graphql';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { HubServer } from '../../src/server';
import { executeAsEditor, ids, insertCall, insertCuratedView, insertEvent, insertGroup, insertPractice, insertResource, insertReview } from './fixtures';

/**
 * Anonymous callers see PUBLISHED practices and resources only, wherever a list or a lookup
 * reaches them; editors see everything. Seeded practices and resources are deleted first.
 */
describe('content visibility', () => {
  let db: TestDatabase;
  let server: HubServer;
  let published: string;
  let other: string;
  let draft: { id: string; slug: string };
  let hidden: string[];
  let publishedResource: string;
  let draftResource: string;
  let groupSlug: string;
  let callSlug: string;
  let eventId: string;
  let viewSlug: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 11, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    const ds = db.dataSource;
    await ds.query('DELETE FROM practice');
    await ds.query('DELETE FROM resource');
    const group = await insertGroup(ds);
    const call = await insertCall(ds);
    groupSlug = group.slug;
    callSlug = call.slug;
    published = (await insertPractice(ds, { objectives: [10, 11], groupId: group.id, callId: call.id, scope: 'GLOBAL' })).id;
    other = (await insertPractice(ds, { objectives: [10, 12], scope: 'LOCAL' })).id;
    draft = await insertPractice(ds, { status: 'DRAFT', objectives: [10, 11, 12], groupId: group.id, callId: call.id, scope: 'GLOBAL' });
    hidden = [draft.id];
    for (const status of ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'REJECTED']) {
      hidden.push((await insertPractice(ds, { status, objectives: [10, 11], groupId: group.id, callId: call.id })).id);
    }
    publishedResource = (await insertResource(ds)).id;
    draftResource = (await insertResource(ds, { status: 'DRAFT' })).id;
    for (const practice of [published, draft.id]) {
      for (const resource of [publishedResource, draftResource]) {
        await ds.query('INSERT INTO practice_resource (practice_id, resource_id) VALUES ($1, $2)', [practice, resource]);
      }
    }
    eventId = (await insertEvent(ds, { startsAt: '2025-03-01T10:00:00Z', practices: [published, ...hidden] })).id;
    await ds.query('INSERT INTO event_resource (event_id, resource_id) VALUES ($1, $2), ($1, $3)', [eventId, publishedResource, draftResource]);
    viewSlug = await insertCuratedView(ds, 'Pinned', [draft.id, other]);
    await insertReview(ds, published, 'Dr. Visible Reviewer');
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const anonymous = async (query: string) => {
    const { data, errors } = await execute(server, db.dataSource, query);
    expect(errors).toBeUndefined();
    return data!;
  };
  const editor = async (query: string) => {
    const { data, errors } = await executeAsEditor(server, db.dataSource, query);
    expect(errors).toBeUndefined();
    return data!;
  };
  const sorted = (...list: string[]) => [...list].sort();

  describe('Query.practices', () => {
    it('lists and counts only published practices for anonymous callers, everything for editors', async () => {
      const query = '{ practices(first: 100) { totalCount nodes { id status } } }';
      const anon = (await anonymous(query)).practices;
      expect(anon.totalCount).toBe(2);
      expect(ids(anon.nodes)).toEqual(sorted(published, other));
      expect(anon.nodes.every((n: { status: string }) => n.status === 'PUBLISHED')).toBe(true);
      const edit = (await editor(query)).practices;
      expect(edit.totalCount).toBe(7);
      expect(ids(edit.nodes)).toEqual(sorted(published, other, ...hidden));
    });
  });

  describe('Query.practice', () => {
    it('is null for an unpublished practice, by id or by slug, unless the caller is an editor', async () => {
      const query = `{ byId: practice(id: "${draft.id}") { id status } bySlug: practice(slug: "${draft.slug}") { id } ok: practice(id: "${published}") { id } }`;
      expect(await anonymous(query)).toEqual({ byId: null, bySlug: null, ok: { id: published } });
      expect(await editor(query)).toEqual({ byId: { id: draft.id, status: 'DRAFT' }, bySlug: { id: draft.id }, ok: { id: published } });
      for (const id of hidden) expect((await anonymous(`{ practice(id: "${id}") { id } }`)).practice).toBeNull();
    });
  });

  describe('Objective.practices', () => {
    it('holds and counts only published practices', async () => {
      const data = await anonymous('{ objective(number: 11) { practices { totalCount nodes { id } } } ten: objective(number: 10) { practices { totalCount } } }');
      expect(data.objective.practices).toEqual({ totalCount: 1, nodes: [{ id: published }] });
      expect(data.ten.practices.totalCount).toBe(2);
      expect((await editor('{ objective(number: 11) { practices { totalCount } } }')).objective.practices.totalCount).toBe(6);
    });
  });

  describe('CommunityGroup.practices', () => {
    it('holds and counts only published practices', async () => {
      const query = `{ communityGroup(slug: "${groupSlug}") { practices { totalCount nodes { id } } } }`;
      expect((await anonymous(query)).communityGroup.practices).toEqual({ totalCount: 1, nodes: [{ id: published }] });
      expect((await editor(query)).communityGroup.practices.totalCount).toBe(6);
    });
  });

  describe('CallForPractices.practices', () => {
    it('holds and counts only published practices', async () => {
      const query = `{ callForPractices(slug: "${callSlug}") { practices { totalCount nodes { id } } } }`;
      expect((await anonymous(query)).callForPractices.practices).toEqual({ totalCount: 1, nodes: [{ id: published }] });
      expect((await editor(query)).callForPractices.practices.totalCount).toBe(6);
    });
  });

  describe('Event.practices / Event.resources', () => {
    it('hold only published items', async () => {
      const query = `{ event(id: "${eventId}") { practices { id } resources { id } } }`;
      expect((await anonymous(query)).event).toEqual({ practices: [{ id: published }], resources: [{ id: publishedResource }] });
      const edit = (await editor(query)).event;
      expect(ids(edit.practices)).toEqual(sorted(published, ...hidden));
      expect(ids(edit.resources)).toEqual(sorted(publishedResource, draftResource));
    });
  });

  describe('Resource.practices / Practice.resources / Query.resource(s)', () => {
    it('hold only published items', async () => {
      const data = await anonymous(`{
        resource(id: "${publishedResource}") { practices { id } }
        hidden: resource(id: "${draftResource}") { id }
        practice(id: "${published}") { resources { id } }
        resources(first: 100) { totalCount nodes { id } } }`);
      expect(data).toEqual({
        resource: { practices: [{ id: published }] },
        hidden: null,
        practice: { resources: [{ id: publishedResource }] },
        resources: { totalCount: 1, nodes: [{ id: publishedResource }] },
      });
      const edit = await editor(`{ resource(id: "${publishedResource}") { practices { id } } practice(id: "${published}") { resources { id } } }`);
      expect(ids(edit.resource.practices)).toEqual(sorted(published, draft.id));
      expect(ids(edit.practice.resources)).toEqual(sorted(publishedResource, draftResource));
    });
  });

  describe('CuratedView.practices', () => {
    it('skips a pinned draft for anonymous callers: pinned published items first, then the best-ranked', async () => {
      const query = `{ curatedView(slug: "${viewSlug}") { practices(first: 10) { id } } }`;
      expect((await anonymous(query)).curatedView.practices).toEqual([{ id: other }, { id: published }]);
      const edit = (await editor(query)).curatedView.practices.map((p: { id: string }) => p.id);
      expect(edit.slice(0, 2)).toEqual([draft.id, other]);
      expect(sorted(...edit)).toEqual(sorted(published, other, ...hidden));
    });
  });

  describe('Query.objectiveNetwork / Objective.linkedObjectives', () => {
    it('count published practices only', async () => {
      const data = await anonymous(`{
        objectiveNetwork { practiceCount nodes { objective { number } practiceCount } edges { source { number } target { number } sharedPractices jaccard } }
        objective(number: 11) { linkedObjectives { objective { number } sharedPractices jaccard } } }`);
      const network = data.objectiveNetwork;
      expect(network.practiceCount).toBe(2);
      const counts = Object.fromEntries(network.nodes.map((n: any) => [n.objective.number, n.practiceCount]));
      expect(counts).toMatchObject({ 10: 2, 11: 1, 12: 1, 1: 0 });
      expect(network.nodes).toHaveLength(23);
      expect(network.edges).toEqual([
        { source: { number: 10 }, target: { number: 11 }, sharedPractices: 1, jaccard: 0.5 },
        { source: { number: 10 }, target: { number: 12 }, sharedPractices: 1, jaccard: 0.5 },
      ]);
      // Only unpublished practices address 11 with 12.
      expect(data.objective.linkedObjectives).toEqual([{ objective: { number: 10 }, sharedPractices: 1, jaccard: 0.5 }]);
    });
  });

  describe('Review.reviewer', () => {
    it('is null for anonymous callers and the expert for editors', async () => {
      const query = `{ practice(id: "${published}") { reviews { score reviewer { name } } } }`;
      expect((await anonymous(query)).practice.reviews).toEqual([{ score: 4, reviewer: null }]);
      expect((await editor(query)).practice.reviews).toEqual([{ score: 4, reviewer: { name: 'Dr. Visible Reviewer' } }]);
    });
  });
});
