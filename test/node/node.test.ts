import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/principal';
import { createContext } from '../../src/context';
import type { HubServer } from '../../src/server';
import { insertPractice } from '../content/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { EDITOR, execute, principal, startTestServer } from '../support/graphql';

/** One field per type that tells the types apart, so a wrong __typename cannot pass. */
const NODE_FIELDS = `
  __typename
  id
  ... on Practice { slug status }
  ... on Resource { slug status }
  ... on Review { score }
  ... on ReviewAssignment { round }
  ... on Event { slug }
  ... on CommunityGroup { slug }
  ... on CallForPractices { slug }
  ... on Organization { name }
  ... on Expert { name }
  ... on Objective { number }
  ... on Region { code }
  ... on Country { code }
  ... on GuidingPrinciple { code }
  ... on CuratedView { slug }
`;
const NODE = `query($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { ${NODE_FIELDS} } }`;

const UUID_TYPES = ['Practice', 'Resource', 'Review', 'ReviewAssignment', 'Event', 'CommunityGroup', 'CallForPractices', 'Organization', 'Expert'];
const PREFIXED: Record<string, { id: string; fields: Record<string, unknown> }> = {
  Objective: { id: 'objective-10', fields: { number: 10 } },
  Region: { id: 'region-002', fields: { code: '002' } },
  Country: { id: 'country-CHE', fields: { code: 'CHE' } },
  GuidingPrinciple: { id: 'guiding-principle-CHILD_SENSITIVE', fields: { code: 'CHILD_SENSITIVE' } },
  CuratedView: { id: 'curated-view-home', fields: { slug: 'home' } },
};
const ALL_TYPES = [...UUID_TYPES, ...Object.keys(PREFIXED)];

describe('Query.node', () => {
  let db: TestDatabase;
  let server: HubServer;
  /** Two visible ids of each UUID type (published content, for anonymous callers). */
  const ids: Record<string, string[]> = {};
  let expertId: string;
  let draft: { id: string; slug: string };

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 47, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    const two = async (sql: string) => (await db.dataSource.query(`${sql} ORDER BY 1 LIMIT 2`)).map((r: { id: string }) => r.id);
    ids.Practice = await two(`SELECT id FROM practice WHERE status = 'PUBLISHED'`);
    ids.Resource = await two(`SELECT id FROM resource WHERE status = 'PUBLISHED'`);
    ids.Review = await two(`SELECT r.id FROM review r JOIN practice p ON p.id = r.practice_id WHERE p.status = 'PUBLISHED'`);
    ids.ReviewAssignment = await two('SELECT id FROM review_assignment');
    ids.Event = await two('SELECT id FROM event');
    ids.CommunityGroup = await two('SELECT id FROM community_group');
    ids.CallForPractices = await two('SELECT id FROM call_for_practices');
    ids.Organization = await two('SELECT id FROM organization');
    ids.Expert = await two('SELECT id FROM expert');
    for (const [type, list] of Object.entries(ids)) expect([type, list.length]).toEqual([type, 2]);
    expertId = ids.Expert[0];
    draft = await insertPractice(db.dataSource, { status: 'DRAFT' });
    await db.dataSource.query('UPDATE practice SET created_by = $1 WHERE id = $2', ['node-author', draft.id]);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const node = (id: string, options: Parameters<typeof execute>[4] = {}) => execute(server, db.dataSource, NODE, { id }, options);
  const nodes = (list: string[], options: Parameters<typeof execute>[4] = {}) => execute(server, db.dataSource, NODES, { ids: list }, options);

  it.each(UUID_TYPES)('%s: found by its UUID (any case), through its loader', async (type) => {
    const id = ids[type][0];
    const { data, errors, statements } = await node(id, { principal: EDITOR });
    expect(errors).toBeUndefined();
    expect(data!.node).toMatchObject({ __typename: type, id });
    // A UUID is asked of each UUID type's loader: one statement each, whatever the type.
    expect(statements).toBe(UUID_TYPES.length);
    expect((await node(id.toUpperCase(), { principal: EDITOR })).data!.node).toMatchObject({ __typename: type, id });
  });

  it.each(Object.entries(PREFIXED))('%s: found by its prefixed id, one statement', async (type, { id, fields }) => {
    const { data, errors, statements } = await node(id);
    expect(errors).toBeUndefined();
    expect(data!.node).toEqual({ __typename: type, id, ...fields });
    expect(statements).toBe(1);
  });

  it('the id of every type is the id node(id:) takes back', async () => {
    const { data, errors } = await execute(server, db.dataSource, `{
      objectives { id } regions { id } countries { id } guidingPrinciples { id } curatedView(slug: "objective-10") { id }
      practices(first: 1) { nodes { id regions { id } countries { id } guidingPrinciples { id } } }
    }`);
    expect(errors).toBeUndefined();
    const all = [
      ...data!.objectives, ...data!.regions, ...data!.countries, ...data!.guidingPrinciples, data!.curatedView,
    ].map((n: { id: string }) => n.id);
    expect(all).toHaveLength(23 + data!.regions.length + data!.countries.length + 10 + 1);
    expect(new Set(all).size).toBe(all.length);
    expect(data!.objectives[9].id).toBe('objective-10');
    expect(data!.curatedView.id).toBe('curated-view-objective-10');
    for (let i = 0; i < all.length; i += 100) {
      const page = all.slice(i, i + 100);
      const back = await nodes(page);
      expect(back.errors).toBeUndefined();
      expect(back.data!.nodes.map((n: { id: string } | null) => n?.id)).toEqual(page);
    }
  });

  describe('visibility (the loaders\' policy)', () => {
    it('a draft is null for anonymous callers and other members, visible to its author and editors', async () => {
      expect((await node(draft.id)).data!.node).toBeNull();
      expect((await node(draft.id, { principal: principal('someone-else', [Role.MEMBER]) })).data!.node).toBeNull();
      const own = await node(draft.id, { principal: principal('node-author', [Role.MEMBER]) });
      expect(own.data!.node).toEqual({ __typename: 'Practice', id: draft.id, slug: draft.slug, status: 'DRAFT' });
      expect((await node(draft.id, { principal: EDITOR })).data!.node).toMatchObject({ __typename: 'Practice', id: draft.id });
      // The same through nodes, next to a published practice.
      const both = await nodes([draft.id, ids.Practice[0]]);
      expect(both.data!.nodes).toEqual([null, expect.objectContaining({ id: ids.Practice[0] })]);
    });

    it('an expert is seen by editors and by the expert themself only', async () => {
      expect((await node(expertId)).data!.node).toBeNull();
      expect((await node(expertId, { principal: principal('member', [Role.MEMBER]) })).data!.node).toBeNull();
      expect((await node(expertId, { principal: principal('other-reviewer', [Role.REVIEWER], ids.Expert[1]) })).data!.node).toBeNull();
      expect((await node(expertId, { principal: principal('reviewer', [Role.REVIEWER], expertId) })).data!.node).toMatchObject({ __typename: 'Expert', id: expertId });
      expect((await node(expertId, { principal: EDITOR })).data!.node).toMatchObject({ __typename: 'Expert', id: expertId });
    });

    it('a review assignment is null for anonymous callers', async () => {
      expect((await node(ids.ReviewAssignment[0])).data!.node).toBeNull();
      expect((await node(ids.ReviewAssignment[0], { principal: EDITOR })).data!.node).toMatchObject({ __typename: 'ReviewAssignment' });
    });
  });

  it('malformed and unknown ids resolve to null, without an error; malformed ones cost no statement', async () => {
    const malformed = [
      '', 'nope', 'objective-0', 'objective-010', 'objective-10 ', 'Objective:10', 'region-2', 'region-0020', 'country-che',
      'guiding-principle-', 'guiding-principle-child', 'curated-view-Home', 'curated-view-', `${randomUUID()}x`, 'x'.repeat(10_000), 'objective-1\u0000',
    ];
    const result = await nodes(malformed);
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes).toEqual(malformed.map(() => null));
    expect(result.statements).toBe(0);
    for (const id of malformed.slice(0, 3)) expect((await node(id)).data!.node).toBeNull();
    const unknown = ['objective-24', 'region-999', 'country-XXX', 'guiding-principle-NOPE', 'curated-view-nope', randomUUID()];
    const missing = await nodes(unknown, { principal: EDITOR });
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.nodes).toEqual(unknown.map(() => null));
  });

  describe('Query.nodes', () => {
    it('answers in order, with null in place, repeats included', async () => {
      const list = [PREFIXED.Region.id, ids.Event[0], 'nope', ids.Event[0], PREFIXED.Objective.id];
      const { data, errors } = await nodes(list);
      expect(errors).toBeUndefined();
      expect(data!.nodes.map((n: { __typename: string } | null) => n && n.__typename)).toEqual(['Region', 'Event', null, 'Event', 'Objective']);
    });

    it('refuses more than 100 ids with BAD_USER_INPUT before any statement; 100 are fine', async () => {
      const many = Array.from({ length: 101 }, (_, i) => `objective-${(i % 23) + 1}`);
      const refused = await nodes(many);
      expect(refused.data).toBeNull();
      expect(refused.statements).toBe(0);
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors![0].message).toBe('nodes takes at most 100 ids; got 101. Split the request.');
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'ids' });
      const fine = await nodes(many.slice(0, 100));
      expect(fine.errors).toBeUndefined();
      expect(fine.data!.nodes).toHaveLength(100);
      expect(fine.statements).toBe(1);
    });

    it('30 mixed ids of every type cost at most one statement per type, as do 14', async () => {
      const mixed = [
        ...UUID_TYPES.flatMap((type) => ids[type]),
        ...Object.values(PREFIXED).map((p) => p.id),
        'objective-11', 'region-150', 'country-FRA', 'guiding-principle-PEOPLE_CENTRED', 'curated-view-objective-3',
        'nope', randomUUID(),
      ].slice(0, 30);
      expect(mixed).toHaveLength(30);
      const { data, errors, statements, sql } = await nodes(mixed, { principal: EDITOR });
      expect(errors).toBeUndefined();
      expect(new Set(data!.nodes.filter(Boolean).map((n: { __typename: string }) => n.__typename))).toEqual(new Set(ALL_TYPES));
      expect(statements).toBeLessThanOrEqual(ALL_TYPES.length);
      expect(new Set(sql).size).toBe(sql.length); // one statement per type, none twice
      const fewer = await nodes(ALL_TYPES.map((type) => (PREFIXED[type] ? PREFIXED[type].id : ids[type][0])), { principal: EDITOR });
      expect(fewer.statements).toBe(statements);
      // Aliased node fields batch the same way.
      const aliased = await execute(server, db.dataSource, `{ ${mixed.map((id, i) => `n${i}: node(id: "${id}") { id }`).slice(0, 15).join(' ')} }`, {}, { principal: EDITOR });
      expect(aliased.errors).toBeUndefined();
      expect(aliased.statements).toBeLessThanOrEqual(ALL_TYPES.length);
    });

    it('costs one object per id (the cost of _entities)', async () => {
      const run = async (list: string[]) => {
        const response = await server.apollo.executeOperation(
          { query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Objective { practices(first: 2) { nodes { id } } } } }', variables: { ids: list } },
          { contextValue: createContext({ dataSource: db.dataSource }) },
        );
        if (response.body.kind !== 'single') throw new Error('single');
        return (response.body.singleResult.extensions?.cost as { requested: number }).requested;
      };
      // Each id: 1 for the node, plus the largest of its fragments (1 + 2 × 1).
      expect(await run(['objective-1'])).toBe(1 * (1 + 3));
      expect(await run(Array.from({ length: 30 }, (_, i) => `objective-${(i % 23) + 1}`))).toBe(30 * (1 + 3));
    });
  });
});
