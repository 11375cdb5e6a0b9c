import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createServer, type HubServer } from '../../src/server';
import { startBookmarksSubgraph } from './bookmarks-subgraph';

describe('composition through @apollo/gateway', () => {
  let db: TestDatabase;
  let hub: HubServer;
  let bookmarks: Awaited<ReturnType<typeof startBookmarksSubgraph>>;
  let gateway: ApolloServer;
  /** sqlStatements of every response our subgraph sent to the gateway. */
  const hubStatements: number[] = [];
  let practices: { id: string; slug: string }[];
  let draftId: string;
  const pinned: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 21, scale: 'tiny' } });
    practices = await db.dataSource.query(`SELECT id, slug FROM practice WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 3`);
    draftId = (await db.dataSource.query(`SELECT id FROM practice WHERE status = 'DRAFT' LIMIT 1`))[0].id;
    hub = await createServer({ dataSource: db.dataSource, production: false, debugSql: true });
    const hubUrl = await hub.listen(0, '127.0.0.1');
    bookmarks = await startBookmarksSubgraph({
      bookmarks: { [practices[0].id]: 7, [practices[1].id]: 2 },
      followers: { 10: 99 },
      pinned,
    });
    gateway = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({ subgraphs: [{ name: 'hub', url: hubUrl }, { name: 'bookmarks', url: bookmarks.url }] }),
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource({
            url,
            didReceiveResponse({ response }) {
              const count = (response.extensions as { sqlStatements?: number } | undefined)?.sqlStatements;
              if (url === hubUrl && typeof count === 'number') hubStatements.push(count);
              return response;
            },
          }),
      }),
    });
    await gateway.start();
  });
  afterAll(async () => {
    await gateway.stop();
    await bookmarks.stop();
    await hub.stop();
    await db.drop();
  });

  const run = async (query: string) => {
    hubStatements.length = 0;
    const res = await gateway.executeOperation({ query });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult;
  };

  it('hub → bookmarks: our practices and objectives carry the fields the other subgraph adds', async () => {
    const result = await run(`{ practices(first: 50, orderBy: TITLE) { nodes { id slug bookmarkCount } } objective(number: 10) { shortTitle followers } }`);
    expect(result.errors).toBeUndefined();
    const nodes = (result.data as any).practices.nodes as { id: string; bookmarkCount: number }[];
    expect(nodes.find((n) => n.id === practices[0].id)!.bookmarkCount).toBe(7);
    expect(nodes.find((n) => n.id === practices[1].id)!.bookmarkCount).toBe(2);
    expect(nodes.filter((n) => n.bookmarkCount === 0).length).toBe(nodes.length - 2);
    expect((result.data as any).objective).toEqual({ shortTitle: 'Eradicate trafficking', followers: 99 });
  });

  it('bookmarks → hub: the other subgraph\'s bookmarks get our practices, in one batch per type', async () => {
    pinned.splice(0, pinned.length, practices[0].id, practices[1].id, practices[2].id);
    const result = await run(`{ bookmarks { id note practice { id slug title objectives { number } } } }`);
    expect(result.errors).toBeUndefined();
    expect((result.data as any).bookmarks.map((b: any) => b.practice.slug)).toEqual(practices.map((p) => p.slug));
    expect((result.data as any).bookmarks[0].practice.objectives.length).toBeGreaterThan(0);
    // _entities for the three practices, then the objectives of all three.
    expect(hubStatements).toEqual([2]);
  });

  it('bookmarks → hub: a draft is invisible through _entities too', async () => {
    pinned.splice(0, pinned.length, practices[0].id, draftId);
    const result = await run(`{ bookmarks { id practice { slug } } }`);
    // Our subgraph resolves the draft to null; Bookmark.practice is non-null there, so the gateway nulls the list.
    expect(result.data).toBeNull();
    expect(JSON.stringify(result)).toContain('"path":["bookmarks",1,"practice","slug"]');
  });

  it('a query crossing both subgraphs both ways keeps our statement count bounded', async () => {
    const result = await run(`{ objectives { number followers practices(first: 5) { nodes { slug bookmarkCount objectives { number followers } } } } }`);
    expect(result.errors).toBeUndefined();
    const objectives = (result.data as any).objectives;
    expect(objectives).toHaveLength(23);
    expect(objectives[9].followers).toBe(99);
    // objectives, their practices (one batch), the practices' objectives (one batch)
    expect(hubStatements).toEqual([3]);
  });
});
