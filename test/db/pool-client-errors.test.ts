import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { poolOf } from '../../src/db/sql';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every connection of the pool has an 'error' listener for its whole life. pg-pool listens only
 * to idle clients, and a checked-out client whose connection dies while it runs nothing emits
 * 'error': with nobody listening that throws out of the event loop and ends the process. The
 * outage test hit this now and then when PostgreSQL stopped (57P01, "terminating connection
 * due to administrator command") in a window our own listeners did not cover (TypeORM's
 * checkouts, a client between checkout and its first statement).
 */
describe('pool connections whose backend dies while checked out', () => {
  let db: TestDatabase;
  let admin: Client;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    admin = new Client({ connectionString: db.url });
    admin.on('error', () => undefined);
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await db.drop();
  });

  it('a bare pool checkout with no listener of its own survives its backend being terminated', async () => {
    const pool = poolOf(db.dataSource);
    const client = await pool.connect();
    const { rows: [{ pid }] } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await sleep(300); // the FATAL 57P01 and the end of the connection arrive while it is checked out and idle
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);
    // The pool goes on with a fresh connection.
    for (let i = 0; i < 5; i++) expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('a TypeORM query runner survives the same', async () => {
    const runner = db.dataSource.createQueryRunner();
    const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await sleep(300);
    await runner.release();
    expect(await db.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
