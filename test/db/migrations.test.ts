import { createTestDatabase, type TestDatabase } from '../support/database';

const tables = async (db: TestDatabase): Promise<string[]> =>
  (
    await db.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
    )
  ).map((r: { table_name: string }) => r.table_name);

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it('apply on an empty database, revert cleanly, and apply again', async () => {
    expect(await tables(db)).toEqual([]);

    const applied = await db.dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(['Initial1763800000000', 'RegionClosure1763900000000', 'BlankTranslationsFallBack1764000000000', 'TitleOrderIndexes1764100000000', 'Workflow1764200000000', 'PersistedQueries1764300000000', 'LocalizedReferenceNames1764400000000', 'ObjectiveAggregates1764500000000', 'ObjectiveResourceCounts1764600000000']);
    const created = await tables(db);
    for (const table of ['objective', 'practice', 'resource', 'review', 'event', 'community_group', 'call_for_practices', 'curated_view', 'practice_objective', 'review_assignment', 'workflow_step', 'community_group_member', 'roster_application', 'objective_agg_pair', 'objective_agg_count', 'objective_agg_total', 'objective_resource_count']) {
      expect(created).toContain(table);
    }
    expect(await db.dataSource.showMigrations()).toBe(false);

    for (let i = 0; i < applied.length; i++) await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables(db)).toEqual([]);
    const functions = await db.dataSource.query(
      `SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE nspname = 'public'`,
    );
    expect(functions).toEqual([]);

    await db.dataSource.runMigrations({ transaction: 'each' });
    expect(await tables(db)).toEqual(created);
  });

  it('index every ranking key: ranked pages are one ordered index scan', async () => {
    const indexes: { indexname: string; indexdef: string }[] = await db.dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('practice', 'resource')`,
    );
    const rank = indexes.filter((i) => /_rank_idx$/.test(i.indexname)).map((i) => i.indexdef);
    expect(rank).toHaveLength(2);
    for (const def of rank) expect(def).toMatch(/\(rank_scope, rank_objectives, rank_score, rank_recency, id\) WHERE \(status = 'PUBLISHED'::text\)/);
  });
});
