import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** The PostgreSQL error a statement fails with (its SQLSTATE and constraint). */
async function failure(db: TestDatabase, sql: string, params: unknown[] = []): Promise<{ code: string; constraint?: string }> {
  try {
    await db.dataSource.query(sql, params);
  } catch (error) {
    expect(error).toBeInstanceOf(QueryFailedError);
    const driverError = (error as QueryFailedError & { driverError: { code: string; constraint?: string } }).driverError;
    return { code: driverError.code, constraint: driverError.constraint };
  }
  throw new Error(`expected the database to refuse: ${sql}`);
}

const CHECK_VIOLATION = '23514';
const FOREIGN_KEY_VIOLATION = '23503';

describe('database constraints', () => {
  let db: TestDatabase;
  const practiceId = randomUUID();
  const expertId = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 1, scale: 'tiny' } });
    await db.dataSource.query(
      `INSERT INTO practice (id, slug, title, summary, status, scope) VALUES ($1, $2, '{"en":"A practice"}', '{"en":"Summary"}', 'DRAFT', 'LOCAL')`,
      [practiceId, `constraint-test-${practiceId.slice(0, 8)}`],
    );
    await db.dataSource.query(`INSERT INTO expert (id, name, is_un) VALUES ($1, 'Test Expert', false)`, [expertId]);
  });
  afterAll(() => db.drop());

  it('refuses a review score of 6', async () => {
    const error = await failure(
      db,
      `INSERT INTO review (id, practice_id, reviewer_id, decision, score, conflict_of_interest_declared_at, submitted_at)
       VALUES ($1, $2, $3, 'APPROVE', 6, now() - interval '1 day', now())`,
      [randomUUID(), practiceId, expertId],
    );
    expect(error).toEqual({ code: CHECK_VIOLATION, constraint: 'review_score_check' });
  });

  it('refuses objective 24, as an objective and as a tag', async () => {
    expect((await failure(db, `INSERT INTO objective (number, short_title, short_title_i18n, title) VALUES (24, 'Nope', '{"en":"Nope"}', '{"en":"Nope"}')`)).code).toBe(CHECK_VIOLATION);
    expect(await failure(db, 'INSERT INTO practice_objective (practice_id, objective_number) VALUES ($1, 24)', [practiceId])).toEqual({
      code: FOREIGN_KEY_VIOLATION,
      constraint: 'practice_objective_objective_number_fkey',
    });
  });

  it('refuses an end date before the start date', async () => {
    expect(await failure(db, `UPDATE practice SET start_date = '2024-05-01', end_date = '2024-04-30' WHERE id = $1`, [practiceId])).toEqual({
      code: CHECK_VIOLATION,
      constraint: 'practice_period_ordered',
    });
    expect(
      await failure(
        db,
        `INSERT INTO event (id, slug, title, kind, starts_at, ends_at, online) VALUES ($1, 'bad-event', '{"en":"Bad"}', 'WEBINAR', '2024-07-15T13:00Z', '2024-07-15T12:00Z', true)`,
        [randomUUID()],
      ),
    ).toEqual({ code: CHECK_VIOLATION, constraint: 'event_ends_after_start' });
    expect(
      await failure(db, `INSERT INTO call_for_practices (id, slug, title, theme, opens_on, deadline) VALUES ($1, 'bad-call', '{"en":"Bad"}', 'Bad', '2024-06-24', '2024-06-01')`, [randomUUID()]),
    ).toEqual({ code: CHECK_VIOLATION, constraint: 'call_deadline_after_opening' });
  });

  it('refuses text without English, a review of two subjects, a review submitted before its conflict declaration', async () => {
    expect(
      (await failure(db, `INSERT INTO practice (id, slug, title, summary, scope) VALUES ($1, 'no-english', '{"fr":"Seulement"}', '{"en":"x"}', 'LOCAL')`, [randomUUID()]))
        .constraint,
    ).toBe('title_has_english');
    const [resource] = await db.dataSource.query(`SELECT id FROM resource LIMIT 1`);
    expect(
      (await failure(
        db,
        `INSERT INTO review (id, practice_id, resource_id, reviewer_id, decision, score, conflict_of_interest_declared_at, submitted_at)
         VALUES ($1, $2, $3, $4, 'APPROVE', 4, now() - interval '1 day', now())`,
        [randomUUID(), practiceId, resource.id, expertId],
      )).constraint,
    ).toBe('review_one_subject');
    expect(
      (await failure(
        db,
        `INSERT INTO review (id, practice_id, reviewer_id, decision, score, conflict_of_interest_declared_at, submitted_at)
         VALUES ($1, $2, $3, 'APPROVE', 4, now(), now() - interval '1 day')`,
        [randomUUID(), practiceId, expertId],
      )).constraint,
    ).toBe('review_declared_before_submitting');
  });

  it('refuses a malformed slug, scope, URL and country code', async () => {
    expect((await failure(db, `UPDATE practice SET slug = 'Not A Slug' WHERE id = $1`, [practiceId])).code).toBe(CHECK_VIOLATION);
    expect((await failure(db, `UPDATE practice SET scope = 'PLANETARY' WHERE id = $1`, [practiceId])).code).toBe(CHECK_VIOLATION);
    expect((await failure(db, `UPDATE resource SET url = 'javascript:alert(1)' WHERE id = (SELECT id FROM resource LIMIT 1)`)).code).toBe(CHECK_VIOLATION);
    expect((await failure(db, `INSERT INTO country (code, name, name_i18n, region_code, subregion_code) VALUES ('ch', 'x', '{"en":"x"}', '150', '155')`)).code).toBe(CHECK_VIOLATION);
  });

  it('keeps objective_count and the review score current, so ranking keys never go stale', async () => {
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO practice (id, slug, title, summary, status, scope, published_at) VALUES ($1, $2, '{"en":"Ranked"}', '{"en":"s"}', 'PUBLISHED', 'REGIONAL', '2024-01-01T00:00Z')`,
      [id, `ranked-${id.slice(0, 8)}`],
    );
    await db.dataSource.query('INSERT INTO practice_objective VALUES ($1, 1), ($1, 2), ($1, 3)', [id]);
    const experts = await db.dataSource.query('SELECT id FROM expert ORDER BY id LIMIT 2');
    await db.dataSource.query(
      `INSERT INTO review (id, practice_id, reviewer_id, decision, score, conflict_of_interest_declared_at, submitted_at)
       VALUES ($1, $3, $4, 'APPROVE', 5, now() - interval '2 days', now()), ($2, $3, $5, 'REVISE', 2, now() - interval '2 days', now())`,
      [randomUUID(), randomUUID(), id, experts[0].id, experts[1].id],
    );
    const read = async () =>
      (await db.dataSource.query('SELECT objective_count, review_count, review_score::float AS score, rank_scope, rank_objectives, rank_score::float AS rank_score, rank_recency FROM practice WHERE id = $1', [id]))[0];
    expect(await read()).toEqual({
      objective_count: 3, review_count: 2, score: 3.5, rank_scope: 2, rank_objectives: -3, rank_score: -3.5,
      rank_recency: String(-Date.parse('2024-01-01T00:00Z')),
    });
    await db.dataSource.query('DELETE FROM practice_objective WHERE practice_id = $1 AND objective_number = 3', [id]);
    await db.dataSource.query('DELETE FROM review WHERE practice_id = $1 AND score = 2', [id]);
    expect(await read()).toMatchObject({ objective_count: 2, review_count: 1, score: 5, rank_objectives: -2, rank_score: -5 });
  });
});

describe('localized text constraints', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it.each([
    ['no English key', '{"fr":"Seulement"}'],
    ['blank English', '{"en":"   "}'],
    ['English not a string', '{"en":42}'],
    ['a translation not a string', '{"en":"ok","es":["x"]}'],
    ['not an object', '"just a string"'],
  ])('refuses a title with %s', async (_label, title) => {
    const error = await failure(db, `INSERT INTO call_for_practices (id, slug, title, theme, opens_on, deadline) VALUES ($1, 'c', $2::jsonb, 't', '2024-01-01', '2024-02-01')`, [randomUUID(), title]);
    expect(error).toEqual({ code: CHECK_VIOLATION, constraint: 'title_has_english' });
  });

  it('accepts English alone, and no lessons at all where they are optional', async () => {
    const id = randomUUID();
    await db.dataSource.query(`INSERT INTO practice (id, slug, title, summary, scope, lessons_learned) VALUES ($1, 'ok', '{"en":"Fine"}', '{"en":"Fine","fr":"Bien"}', 'LOCAL', NULL)`, [id]);
    expect(await failure(db, `UPDATE practice SET lessons_learned = '{"fr":"x"}' WHERE id = $1`, [id])).toEqual({ code: CHECK_VIOLATION, constraint: 'lessons_learned_has_english' });
  });
});
