import { randomUUID } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { createContext } from '../../src/context';
import { countStatements, StatementCounter } from '../../src/db/statement-counter';
import type { HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { EDITOR, execute, startTestServer } from '../support/graphql';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Objective { number shortTitle }
    ... on Practice { id slug }
    ... on Resource { id slug }
    ... on Review { id score }
    ... on Expert { id name }
    ... on Event { id slug }
    ... on CommunityGroup { id slug }
    ... on CallForPractices { id slug }
    ... on Organization { id name }
  }
}`;

describe('Query._entities', () => {
  let db: TestDatabase;
  let server: HubServer;
  const ids: Record<string, string> = {};
  let draftPractice: string;
  let draftResource: string;
  let reviewOfDraft: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 31, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    const one = async (sql: string) => (await db.dataSource.query(sql))[0].id as string;
    ids.Practice = await one(`SELECT id FROM practice WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
    ids.Resource = await one(`SELECT id FROM resource WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
    ids.Review = await one(`SELECT r.id FROM review r JOIN practice p ON p.id = r.practice_id WHERE p.status = 'PUBLISHED' ORDER BY r.id LIMIT 1`);
    ids.Expert = await one('SELECT id FROM expert ORDER BY id LIMIT 1');
    ids.Event = await one('SELECT id FROM event ORDER BY id LIMIT 1');
    ids.CommunityGroup = await one('SELECT id FROM community_group ORDER BY id LIMIT 1');
    ids.CallForPractices = await one('SELECT id FROM call_for_practices ORDER BY id LIMIT 1');
    ids.Organization = await one('SELECT id FROM organization ORDER BY id LIMIT 1');
    draftPractice = await one(`SELECT id FROM practice WHERE status = 'DRAFT' LIMIT 1`);
    draftResource = await one(`SELECT id FROM resource WHERE status <> 'PUBLISHED' LIMIT 1`);
    reviewOfDraft = await one(`SELECT r.id FROM review r JOIN practice p ON p.id = r.practice_id WHERE p.status <> 'PUBLISHED' LIMIT 1`);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const entities = (representations: unknown[]) => execute(server, db.dataSource, ENTITIES, { representations });

  it.each(['Practice', 'Resource', 'Review', 'Event', 'CommunityGroup', 'CallForPractices', 'Organization'])(
    '%s: found by id, null when unknown or malformed',
    async (typename) => {
      const { data, errors } = await entities([
        { __typename: typename, id: ids[typename] },
        { __typename: typename, id: randomUUID() },
        { __typename: typename, id: 'not-a-uuid' },
        { __typename: typename, id: 42 },
      ]);
      expect(errors).toBeUndefined();
      expect(data!._entities[0]).toMatchObject({ __typename: typename, id: ids[typename] });
      expect(data!._entities.slice(1)).toEqual([null, null, null]);
    },
  );

  it('Objective: found by number, null for 24, 0 or a string', async () => {
    const { data, errors } = await entities([
      { __typename: 'Objective', number: 10 }, { __typename: 'Objective', number: 24 },
      { __typename: 'Objective', number: 0 }, { __typename: 'Objective', number: 'ten' },
    ]);
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([{ __typename: 'Objective', number: 10, shortTitle: 'Eradicate trafficking' }, null, null, null]);
  });

  it('keeps unpublished items and reviewer identities invisible to anonymous callers', async () => {
    const { data } = await entities([
      { __typename: 'Practice', id: draftPractice },
      { __typename: 'Resource', id: draftResource },
      { __typename: 'Review', id: reviewOfDraft },
      { __typename: 'Expert', id: ids.Expert },
    ]);
    expect(data!._entities).toEqual([null, null, null, null]);
  });

  it('an editor sees them', async () => {
    const statements = new StatementCounter();
    const response = await countStatements(statements, () =>
      server.apollo.executeOperation(
        { query: ENTITIES, variables: { representations: [{ __typename: 'Practice', id: draftPractice }, { __typename: 'Expert', id: ids.Expert }] } },
        { contextValue: createContext({ dataSource: db.dataSource, statements, principal: EDITOR }) },
      ),
    );
    const data = (response.body as any).singleResult.data;
    expect(data._entities.map((e: any) => e?.id)).toEqual([draftPractice, ids.Expert]);
  });

  it('100 mixed representations cost one statement per entity type, in order', async () => {
    const types = ['Practice', 'Resource', 'Event', 'CommunityGroup', 'Organization'];
    const pool: Record<string, string[]> = {
      Practice: (await db.dataSource.query(`SELECT id FROM practice WHERE status = 'PUBLISHED' LIMIT 20`)).map((r: any) => r.id),
      Resource: (await db.dataSource.query(`SELECT id FROM resource WHERE status = 'PUBLISHED' LIMIT 20`)).map((r: any) => r.id),
      Event: (await db.dataSource.query('SELECT id FROM event LIMIT 20')).map((r: any) => r.id),
      CommunityGroup: (await db.dataSource.query('SELECT id FROM community_group LIMIT 20')).map((r: any) => r.id),
      Organization: (await db.dataSource.query('SELECT id FROM organization LIMIT 20')).map((r: any) => r.id),
    };
    const representations = Array.from({ length: 100 }, (_, i) => {
      const type = types[(i * 7) % types.length];
      const list = pool[type];
      return { __typename: type, id: list[i % list.length] };
    });
    const { data, errors, statements, sql } = await entities(representations);
    expect(errors).toBeUndefined();
    expect(data!._entities.map((e: any) => `${e.__typename}:${e.id}`)).toEqual(representations.map((r) => `${r.__typename}:${r.id}`));
    expect(statements).toBe(types.length);
    expect(sql.filter((s) => s.includes('practicesById'))).toHaveLength(1);
  });

  it('refuses more than 1,000 representations with BAD_USER_INPUT before touching the database', async () => {
    const representations = Array.from({ length: 1001 }, () => ({ __typename: 'Objective', number: 1 }));
    const { errors, statements } = await entities(representations);
    expect(errors).toEqual([
      expect.objectContaining({
        message: '_entities takes at most 1000 representations per call; got 1001. Split the request.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    expect(statements).toBe(0);
    const ok = await entities(representations.slice(0, 1000));
    expect(ok.errors).toBeUndefined();
    expect(ok.statements).toBe(1);
    // The same document again (its `_entities` fields are found once per document): each call's own variables are checked.
    const bad = await entities([{ __typename: 'Objective', number: 1 }, { __typename: 'Nope', id: 'x' }]);
    expect(bad.errors?.[0]).toEqual(expect.objectContaining({ message: expect.stringMatching(/^representations\[1\] names "Nope"/), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(bad.statements).toBe(0);
  });
});

describe('Query._service', () => {
  it('returns SDL that composes into a supergraph', async () => {
    const db = await createTestDatabase();
    const server = await startTestServer(db.dataSource);
    try {
      const { data } = await execute(server, db.dataSource, '{ _service { sdl } }');
      const result = composeServices([{ name: 'hub', url: 'http://hub/graphql', typeDefs: parse(data!._service.sdl) }]);
      expect(result.errors).toBeUndefined();
      expect(result.supergraphSdl).toMatch(/join__type\(graph: HUB, key: "number"\)/);
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
