import { createTestDatabase, type TestDatabase } from '../support/database';
import { poolOf } from '../../src/db/sql';
import { DbSession, MAX_PREPARED_PER_CONNECTION, preparedName } from '../../src/db/session';
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
