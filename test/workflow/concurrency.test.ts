/**
 * Simultaneous writes on one item: each `execute` has its own context, session and pool
 * connection, so `Promise.all` runs the two transactions against PostgreSQL at the same time.
 * Exactly one transition may win; the other gets a domain refusal, never a crash.
 */
import type { Principal } from '../../src/auth/principal';
import type { Result } from '../support/graphql';
import {
  accept, assign, completePracticeInput, createPracticeDraft, editor, M, member, ok, payloadOf, readyPractice, readyResource, refs, reviewer,
  startWorld, submitPractice, type Refs, type World,
} from './workflow-fixtures';

let world: World;
let r: Refs;
let alice: Principal;
let ed1: Principal;
let ed2: Principal;

beforeAll(async () => {
  world = await startWorld(47);
  r = await refs(world);
  [alice, ed1, ed2] = await Promise.all([member('member-alice'), editor('editor-1'), editor('editor-2')]);
});

afterAll(async () => {
  await world?.stop();
});

/** Splits two simultaneous results into the one that succeeded and the one refused; fails on anything else. */
function oneWins(results: Result<any>[]): { winner: number; loser: any } {
  const payloads = results.map(payloadOf); // throws on a GraphQL error (a deadlock, a timeout …)
  const winners = payloads.map((p, i) => (p.errors.length === 0 ? i : -1)).filter((i) => i >= 0);
  expect(winners).toHaveLength(1);
  return { winner: winners[0], loser: payloads[1 - winners[0]] };
}

async function stepCount(kind: 'practice' | 'resource', id: string, to: string): Promise<number> {
  const [row] = await world.sql(`SELECT count(*)::int AS n FROM workflow_step WHERE ${kind}_id = $1 AND to_status = $2`, [id, to]);
  return row.n;
}

describe('two editors decide on one ready item at the same moment', () => {
  const pairs: [string, string][] = [
    ['PUBLISH', 'PUBLISH'], ['PUBLISH', 'REJECT'], ['REJECT', 'PUBLISH'], ['REJECT', 'REJECT'], ['PUBLISH', 'REQUEST_CHANGES'],
    ['REQUEST_CHANGES', 'REJECT'], ['PUBLISH', 'PUBLISH'], ['REJECT', 'PUBLISH'], ['REQUEST_CHANGES', 'REQUEST_CHANGES'], ['PUBLISH', 'REJECT'],
  ];
  const TARGET: Record<string, string> = { PUBLISH: 'PUBLISHED', REJECT: 'REJECTED', REQUEST_CHANGES: 'CHANGES_REQUESTED' };

  it.each(pairs.map((pair, i) => [i + 1, ...pair] as const))('round %i: %s against %s on a practice: exactly one transition', async (_i, first, second) => {
    const id = await readyPractice(world, alice, ed1, r);
    const results = await Promise.all([
      world.run(M.decide, { id, decision: first }, ed1),
      world.run(M.decide, { id, decision: second }, ed2),
    ]);
    const { winner, loser } = oneWins(results);
    expect(loser.errors.map((e: { code: string }) => e.code)).toEqual(['INVALID_TRANSITION']);
    expect(loser.practice).toBeNull();
    const won = [first, second][winner];
    const [row] = await world.sql('SELECT status, published_at IS NOT NULL AS published FROM practice WHERE id = $1', [id]);
    expect(row).toEqual({ status: TARGET[won], published: won === 'PUBLISH' });
    const steps = await world.sql<{ to: string; n: number }>(`SELECT to_status AS to, count(*)::int AS n FROM workflow_step WHERE practice_id = $1 GROUP BY to_status ORDER BY to_status`, [id]);
    expect(steps).toEqual([{ to: 'DRAFT', n: 1 }, { to: 'SUBMITTED', n: 1 }, { to: 'UNDER_REVIEW', n: 1 }, { to: TARGET[won], n: 1 }].sort((a, b) => a.to.localeCompare(b.to)));
  });

  it('the same on resources', async () => {
    for (const [first, second] of [['PUBLISH', 'PUBLISH'], ['PUBLISH', 'REJECT'], ['REJECT', 'REQUEST_CHANGES']]) {
      const id = await readyResource(world, alice, ed1, r);
      const results = await Promise.all([
        world.run(M.decideResource, { id, decision: first }, ed1),
        world.run(M.decideResource, { id, decision: second }, ed2),
      ]);
      const { winner, loser } = oneWins(results);
      expect(loser.errors.map((e: { code: string }) => e.code)).toEqual(['INVALID_TRANSITION']);
      expect(await stepCount('resource', id, TARGET[[first, second][winner]])).toBe(1);
      expect(await world.sql('SELECT count(*)::int AS n FROM workflow_step WHERE resource_id = $1', [id])).toEqual([{ n: 4 }]);
    }
  });
});

describe('simultaneous submissions and assignments', () => {
  it('two submitPractice of one draft: one SUBMITTED step, one round', async () => {
    for (let i = 0; i < 5; i++) {
      const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
      const results = await Promise.all([world.run(M.submitPractice, { id }, alice), world.run(M.submitPractice, { id }, alice)]);
      const { loser } = oneWins(results);
      expect(loser.errors.map((e: { code: string }) => e.code)).toEqual(['INVALID_TRANSITION']);
      expect(await stepCount('practice', id, 'SUBMITTED')).toBe(1);
      expect(await world.sql('SELECT status, review_round FROM practice WHERE id = $1', [id])).toEqual([{ status: 'SUBMITTED', review_round: 1 }]);
    }
  });

  it('two assignReviewer of one expert: one assignment, one ALREADY_ASSIGNED, one UNDER_REVIEW step', async () => {
    for (let i = 0; i < 5; i++) {
      const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
      await submitPractice(world, alice, id);
      const expertId = r.nonUN[i % r.nonUN.length];
      const results = await Promise.all([
        world.run(M.assignReviewer, { subjectId: id, expertId }, ed1),
        world.run(M.assignReviewer, { subjectId: id, expertId }, ed2),
      ]);
      const { loser } = oneWins(results);
      expect(loser.errors).toEqual([{ code: 'ALREADY_ASSIGNED', field: ['expertId'], message: 'This expert is already assigned to this submission in this round.' }]);
      expect(await world.sql('SELECT count(*)::int AS n FROM review_assignment WHERE practice_id = $1', [id])).toEqual([{ n: 1 }]);
      expect(await stepCount('practice', id, 'UNDER_REVIEW')).toBe(1);
    }
  });

  it('two answers to one invitation: one wins', async () => {
    for (let i = 0; i < 3; i++) {
      const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
      await submitPractice(world, alice, id);
      const a = await assign(world, ed1, id, r.un[0]);
      const as = await reviewer(r.un[0]);
      const results = await Promise.all([
        world.run(M.respond, { id: a, accept: true, coi: { hasConflict: false } }, as),
        world.run(M.respond, { id: a, accept: false, coi: { hasConflict: false } }, as),
      ]);
      const { winner, loser } = oneWins(results);
      expect(loser.errors.map((e: { code: string }) => e.code)).toEqual(['INVALID_TRANSITION']);
      expect(await world.sql('SELECT status FROM review_assignment WHERE id = $1', [a])).toEqual([{ status: winner === 0 ? 'ACCEPTED' : 'DECLINED' }]);
    }
  });

  it('two reviews of one assignment: one review', async () => {
    for (let i = 0; i < 3; i++) {
      const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
      await submitPractice(world, alice, id);
      const a = await assign(world, ed1, id, r.un[0]);
      await accept(world, r.un[0], a);
      const as = await reviewer(r.un[0]);
      const results = await Promise.all([
        world.run(M.submitReview, { id: a, input: { decision: 'APPROVE', score: 5 } }, as),
        world.run(M.submitReview, { id: a, input: { decision: 'REJECT', score: 1 } }, as),
      ]);
      const { loser } = oneWins(results);
      expect(loser.errors.map((e: { code: string }) => e.code)).toEqual(['INVALID_TRANSITION']);
      expect(await world.sql('SELECT count(*)::int AS n FROM review WHERE assignment_id = $1', [a])).toEqual([{ n: 1 }]);
    }
  });
});

describe('a review and a decision at the same moment', () => {
  it('never deadlock: the decision goes through and the review is either in or refused', async () => {
    for (let i = 0; i < 10; i++) {
      const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
      await submitPractice(world, alice, id);
      const a = await assign(world, ed1, id, r.nonUN[0]);
      await accept(world, r.nonUN[0], a);
      const decision = i % 2 === 0 ? 'REJECT' : 'REQUEST_CHANGES';
      const [reviewed, decided] = await Promise.all([
        world.run(M.submitReview, { id: a, input: { decision: 'APPROVE', score: 4 } }, await reviewer(r.nonUN[0])),
        world.run(M.decide, { id, decision }, ed2),
      ]);
      expect(decided.errors).toBeUndefined();
      expect(reviewed.errors).toBeUndefined();
      ok(decided);
      const review = payloadOf(reviewed);
      const [row] = await world.sql('SELECT status FROM review_assignment WHERE id = $1', [a]);
      if (review.errors.length === 0) {
        expect(row.status).toBe('COMPLETED');
      } else {
        expect(review.errors.map((e: { code: string }) => e.code)).toEqual(['INVALID_TRANSITION']);
        expect(row.status).toBe('WITHDRAWN');
      }
    }
  });
});
