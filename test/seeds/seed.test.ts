import { contentChecksum, seed } from '../../seeds/seed';
import { sqlOf } from '../../src/db/sql';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('seed', () => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  };
  afterAll(() => Promise.all(databases.map((db) => db.drop())));

  it('is deterministic: the same seed gives the same rows, another seed different ones', async () => {
    const [a, b, c] = await Promise.all([fresh(), fresh(), fresh()]);
    await Promise.all([
      seed(a.dataSource, { randomSeed: 7, scale: 'tiny' }),
      seed(b.dataSource, { randomSeed: 7, scale: 'tiny' }),
      seed(c.dataSource, { randomSeed: 8, scale: 'tiny' }),
    ]);
    const [sumA, sumB, sumC] = await Promise.all([a, b, c].map((db) => contentChecksum(sqlOf(db.dataSource))));
    expect(sumA).toBe(sumB);
    expect(sumC).not.toBe(sumA);
  });

  it('is idempotent: seeding twice changes nothing, even when the bookkeeping is lost', async () => {
    const db = await fresh();
    const first = await seed(db.dataSource, { randomSeed: 3, scale: 'tiny' });
    expect(first.applied).toBe(true);
    const before = await contentChecksum(sqlOf(db.dataSource));

    const second = await seed(db.dataSource, { randomSeed: 3, scale: 'tiny' });
    expect(second.applied).toBe(false);

    await db.dataSource.query('DELETE FROM seed_run');
    const third = await seed(db.dataSource, { randomSeed: 3, scale: 'tiny' });
    expect(third.applied).toBe(true);
    expect(Object.values(third.counts).every((n) => n === 0)).toBe(true);
    expect(await contentChecksum(sqlOf(db.dataSource))).toBe(before);
  });

  it('default scale: at least 1,000 published practices, 3,000 resources, 300 events, 40 groups, realistic shape', async () => {
    const db = await fresh();
    const report = await seed(db.dataSource, { randomSeed: 42, scale: 'default' });
    expect(report.applied).toBe(true);
    const one = async (sql: string) => (await db.dataSource.query(sql))[0];
    expect(Number((await one(`SELECT count(*) FROM practice WHERE status = 'PUBLISHED'`)).count)).toBeGreaterThanOrEqual(1000);
    expect(Number((await one('SELECT count(*) FROM resource')).count)).toBeGreaterThanOrEqual(3000);
    expect(Number((await one('SELECT count(*) FROM event')).count)).toBeGreaterThanOrEqual(300);
    expect(Number((await one('SELECT count(*) FROM community_group')).count)).toBeGreaterThanOrEqual(40);

    // Every status and every scope occurs; practices address 1 to 5 objectives.
    const statuses = (await db.dataSource.query('SELECT DISTINCT status FROM practice')).map((r: { status: string }) => r.status).sort();
    expect(statuses).toEqual(['CHANGES_REQUESTED', 'DRAFT', 'PUBLISHED', 'REJECTED', 'SUBMITTED', 'UNDER_REVIEW']);
    const scopes = (await db.dataSource.query(`SELECT DISTINCT scope FROM practice WHERE status = 'PUBLISHED'`)).length;
    expect(scopes).toBe(5);
    expect(await one('SELECT min(objective_count) AS min, max(objective_count) AS max FROM practice')).toEqual({ min: 1, max: 5 });

    // Objectives co-occur with structure: 9 (smuggling) goes with 10 (trafficking) far more than with 20 (remittances).
    const pair = async (x: number, y: number) =>
      Number((await one(`SELECT count(*) FROM practice_objective a JOIN practice_objective b USING (practice_id) WHERE a.objective_number = ${x} AND b.objective_number = ${y}`)).count);
    expect(await pair(9, 10)).toBeGreaterThan(3 * (await pair(9, 20)));

    // The roster's rule: every reviewed item has at least one UN and two non-UN reviewers.
    const violations = await db.dataSource.query(`
      SELECT coalesce(practice_id, resource_id) AS subject
      FROM review r JOIN expert e ON e.id = r.reviewer_id
      GROUP BY 1 HAVING count(*) FILTER (WHERE e.is_un) < 1 OR count(*) FILTER (WHERE NOT e.is_un) < 2`);
    expect(violations).toEqual([]);
    expect(Number((await one(`SELECT count(*) FROM practice WHERE status = 'PUBLISHED' AND review_count < 3`)).count)).toBe(0);

    // The workflow around the content: an author for each unpublished item, an assignment behind each of their
    // reviews, open invitations on items under review, some rounds whose reviews disagree, and histories.
    expect(Number((await one(`SELECT count(*) FROM practice WHERE status <> 'PUBLISHED' AND created_by IS NULL`)).count)).toBe(0);
    expect(Number((await one(`SELECT count(*) FROM review r JOIN practice p ON p.id = r.practice_id
      WHERE p.status <> 'PUBLISHED' AND r.assignment_id IS NULL`)).count)).toBe(0);
    expect(Number((await one(`SELECT count(*) FROM practice p WHERE p.status = 'UNDER_REVIEW'
      AND NOT EXISTS (SELECT 1 FROM review_assignment a WHERE a.practice_id = p.id AND a.status IN ('INVITED', 'ACCEPTED'))`)).count)).toBe(0);
    expect(Number((await one(`SELECT count(*) FROM (SELECT practice_id FROM review r JOIN practice p ON p.id = r.practice_id
      WHERE p.status = 'UNDER_REVIEW' GROUP BY 1 HAVING count(DISTINCT decision) > 1) d`)).count)).toBeGreaterThan(0);
    const histories = await db.dataSource.query(`SELECT p.status, count(s.id)::int AS steps FROM practice p JOIN workflow_step s ON s.practice_id = p.id
      WHERE p.status <> 'PUBLISHED' GROUP BY p.id, p.status`);
    const stepsFor: Record<string, number> = { DRAFT: 1, SUBMITTED: 2, UNDER_REVIEW: 3, CHANGES_REQUESTED: 4, REJECTED: 4 };
    expect(histories.length).toBeGreaterThan(0);
    for (const h of histories) expect(h.steps).toBe(stepsFor[h.status]);
    expect(Number((await one(`SELECT count(*) FROM roster_application WHERE status = 'PENDING'`)).count)).toBe(3);

    // The seed loads its own aggregates with the recount triggers paused: they must equal a recount.
    for (const subject of ['practice', 'resource']) {
      const stale = await db.dataSource.query(`
        SELECT s.id FROM ${subject} s
        LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM ${subject}_objective l WHERE l.${subject}_id = s.id) o ON true
        LEFT JOIN LATERAL (SELECT count(*)::int AS n, round(avg(score), 3) AS mean FROM review r WHERE r.${subject}_id = s.id) r ON true
        WHERE s.objective_count <> o.n OR s.review_count <> r.n OR s.review_score IS DISTINCT FROM r.mean
           OR s.rank_objectives <> -o.n OR s.rank_score <> coalesce(-r.mean, 0)`);
      expect(stale).toEqual([]);
    }
  });
});

describe('seed into a database that holds another seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 1, scale: 'tiny' } });
  });
  afterAll(() => db.drop());

  it('refuses with a message that says what to do, and writes nothing', async () => {
    const before = await contentChecksum(sqlOf(db.dataSource));
    await expect(seed(db.dataSource, { randomSeed: 2, scale: 'tiny' })).rejects.toThrow(
      'This database already holds seed 1 at scale tiny (seed version 2). Seeds do not mix: pass --reset to delete all content first, or use an empty database.',
    );
    expect(await contentChecksum(sqlOf(db.dataSource))).toBe(before);
  });

  it('replaces the content with --reset', async () => {
    const fresh = await createTestDatabase({ seed: { randomSeed: 2, scale: 'tiny' } });
    const expected = await contentChecksum(sqlOf(fresh.dataSource));
    await fresh.drop();
    const report = await seed(db.dataSource, { randomSeed: 2, scale: 'tiny', reset: true });
    expect(report.applied).toBe(true);
    expect(await contentChecksum(sqlOf(db.dataSource))).toBe(expected);
  });
});
