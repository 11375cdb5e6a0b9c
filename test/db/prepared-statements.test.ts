import { createTestDatabase, type TestDatabase } from '../support/database';
import { poolOf } from '../../src/db/sql';
import { CUSTOM_PLAN, DbSession, MAX_PREPARED_PER_CONNECTION, preparedName } from '../../src/db/session';
import { StatementCounter } from '../../src/db/statement-counter';

/** Named prepared statements: one per fixed text and connection, bounded, never for multi-statement texts. */
describe('DbSession: named prepared statements', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db.drop();
  });

  const session = (prepare?: boolean) => new DbSession(poolOf(db.dataSource), new StatementCounter(), { statementTimeoutMs: 5000, prepare });
  const PREPARED = `/* prepared */ SELECT name, statement, from_sql FROM pg_prepared_statements WHERE name = $1`;

  it('prepares a text once per connection and runs it again by name, with the same results', async () => {
    const text = `/* preparedTwice */ SELECT n, n * 2 AS twice FROM generate_series(1, $1::int) n ORDER BY n`;
    const { first, second, prepared } = await session().transaction(async (tx) => ({
      first: await tx.query<{ n: number; twice: number }>(text, [3]),
      second: await tx.query<{ n: number; twice: number }>(text, [3]),
      prepared: await tx.query<{ name: string; statement: string; from_sql: boolean }>(PREPARED, [preparedName(text)]),
    }));
    expect(first).toEqual([{ n: 1, twice: 2 }, { n: 2, twice: 4 }, { n: 3, twice: 6 }]);
    expect(second).toEqual(first);
    expect(prepared).toEqual([{ name: preparedName(text), statement: text, from_sql: false }]);
  });

  it('counts the same statements as before', async () => {
    const s = session();
    await s.transaction(async (tx) => {
      await tx.query('/* counted */ SELECT 1 AS one');
      await tx.query('/* counted */ SELECT 1 AS one');
    });
    expect(s.statements.count).toBe(4); // BEGIN, two selects, COMMIT
  });

  it('sends texts unnamed when the session may not prepare (per-caller literals)', async () => {
    const text = `/* unnamedText */ SELECT 'me' AS who`;
    const prepared = await session(false).transaction(async (tx) => {
      await tx.query(text);
      return tx.query(PREPARED, [preparedName(text)]);
    });
    expect(prepared).toEqual([]);
  });

  it('never names a multi-statement text', () => {
    expect(preparedName('BEGIN; SET LOCAL statement_timeout = 5000')).toBeNull();
    expect(preparedName('SELECT 1')).toMatch(/^hg_/);
  });

  describe('plans', () => {
    const MODE = `/* planMode */ SELECT current_setting('plan_cache_mode') AS mode`;
    const PLANS = `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name = $1`;
    // PostgreSQL's default would make custom plans for (at least) the first five executions and,
    // for a statement like this one, for every execution after them as well.
    const BY_IDS = `/* byIds */ SELECT n FROM generate_series(1, 1000) n WHERE n = ANY($1::int[]) ORDER BY n LIMIT $2`;

    it('runs a named statement with a generic plan from its first execution: planned once per connection, not once per call', async () => {
      const plans = await session().transaction(async (tx) => {
        for (let i = 1; i <= 7; i += 1) expect(await tx.query<{ n: number }>(BY_IDS, [[i, i + 1], 5])).toEqual([{ n: i }, { n: i + 1 }]);
        return tx.query<{ generic: number; custom: number }>(PLANS, [preparedName(BY_IDS)]);
      });
      expect(plans).toEqual([{ generic: 7, custom: 0 }]);
    });

    it('sends a CUSTOM_PLAN statement unnamed and plans it with its values', async () => {
      const custom = `${CUSTOM_PLAN}${BY_IDS}`;
      const { rows, mode, prepared } = await session().transaction(async (tx) => ({
        rows: await tx.query<{ n: number }>(custom, [[3], 5]),
        mode: await tx.query<{ mode: string }>(`${CUSTOM_PLAN}${MODE}`),
        prepared: await tx.query(PREPARED, [preparedName(custom)]),
      }));
      expect(rows).toEqual([{ n: 3 }]);
      expect(mode).toEqual([{ mode: 'auto' }]);
      expect(prepared).toEqual([]);
    });

    it('switches a connection back and forth between the two kinds of statement', async () => {
      const s = session();
      // The pool hands back its most recently used idle connection: these run on one connection.
      expect(await s.query(MODE)).toEqual([{ mode: 'force_generic_plan' }]);
      expect(await s.query(`${CUSTOM_PLAN}${MODE}`)).toEqual([{ mode: 'auto' }]);
      expect(await s.query(MODE)).toEqual([{ mode: 'force_generic_plan' }]);
      expect(s.statements.count).toBe(3); // the SETs are housekeeping, not the operation's statements
    });

    it('does not trust what it SET inside a transaction that rolled back (the ROLLBACK undid it)', async () => {
      const s = session();
      expect(await s.query(`${CUSTOM_PLAN}${MODE}`)).toEqual([{ mode: 'auto' }]);
      await expect(s.transaction(async (tx) => {
        expect(await tx.query(MODE)).toEqual([{ mode: 'force_generic_plan' }]);
        throw new Error('roll back');
      })).rejects.toThrow('roll back');
      // The ROLLBACK put the connection back to auto: the next named statement sets it again.
      expect(await s.query(MODE)).toEqual([{ mode: 'force_generic_plan' }]);
    });
  });

  // Last: it leaves its connection full of prepared statements (past the bound, texts go unnamed).
  it(`prepares at most ${MAX_PREPARED_PER_CONNECTION} different texts per connection`, async () => {
    const count = await session().transaction(async (tx) => {
      for (let i = 0; i < MAX_PREPARED_PER_CONNECTION + 20; i += 1) {
        const [row] = await tx.query<{ n: number }>(`/* bounded */ SELECT ${i}::int AS n`);
        expect(row.n).toBe(i);
      }
      const [row] = await tx.query<{ count: string }>(`SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '/* bounded */%'`);
      return Number(row.count);
    });
    expect(count).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
    expect(count).toBeGreaterThan(MAX_PREPARED_PER_CONNECTION - 10);
  });
});
