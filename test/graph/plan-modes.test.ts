import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, startTestServer } from '../support/graphql';
import { CUSTOM_PLAN } from '../../src/db/session';
import type { HubServer } from '../../src/server';

/**
 * Which statements are planned with their values: lists filtered by a date range a client
 * chose (how many rows `published_on >= $1` keeps depends on the date). Every other
 * statement is named and runs with its connection's generic plan (src/db/session.ts).
 */
describe('plans of filtered lists', () => {
  let db: TestDatabase;
  let server: HubServer;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 7, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const list = (sql: string[], name: string) => sql.filter((s) => s.includes(`/* ${name} */`));

  it.each([
    ['resources', '{ resources(filter: { publishedFrom: "2019-01-01" }) { totalCount nodes { id } } }', 'resourcesBy_root'],
    ['resources', '{ resources(filter: { publishedTo: "2030-01-01" }) { totalCount nodes { id } } }', 'resourcesBy_root'],
    ['practices', '{ practices(filter: { activeFrom: "2019-01-01" }) { totalCount nodes { id } } }', 'practicesBy_root'],
    ['events', '{ events(filter: { from: "2019-01-01T00:00:00Z" }) { totalCount edges { node { id } } } }', 'eventsBy_root'],
  ])('%s filtered by a date range: planned with its values (%s)', async (_, query, name) => {
    const result = await execute(server, db.dataSource, query);
    expect(result.errors).toBeUndefined();
    const statements = list(result.sql, name);
    expect(statements).toHaveLength(1);
    expect(statements[0].startsWith(CUSTOM_PLAN)).toBe(true);
  });

  it('the same lists without a date range, and the same list\'s answers either way, are the same', async () => {
    const ranged = await execute(server, db.dataSource, '{ resources(filter: { publishedFrom: "1900-01-01" }, first: 100) { totalCount nodes { id } } }');
    const plain = await execute(server, db.dataSource, '{ resources(first: 100) { totalCount nodes { id } } }');
    expect(list(plain.sql, 'resourcesBy_root')[0].startsWith(CUSTOM_PLAN)).toBe(false);
    expect(ranged.data!.resources.totalCount).toBeGreaterThan(0);
    expect(ranged.data).toEqual(plain.data); // every resource was published after 1900
  });
});
