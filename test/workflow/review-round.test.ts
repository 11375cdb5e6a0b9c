/**
 * The review round through GraphQL: editors assign and withdraw, reviewers answer (declaring
 * conflicts of interest) and review, and the roster rule decides when an editor may publish.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/auth/principal';
import {
  accept, assign, completePracticeInput, createPracticeDraft, editor, graphqlCodes, M, member, ok, payloadOf, readyPractice, refs, review,
  reviewBy, reviewer, reviewerOnly, rowCounts, startWorld, stepsOf, submitPractice, todayUtc, type Refs, type World,
} from './workflow-fixtures';

let world: World;
let r: Refs;
let alice: Principal;
let ed: Principal;

beforeAll(async () => {
  world = await startWorld(23);
  r = await refs(world);
  [alice, ed] = await Promise.all([member('member-alice'), editor('editor-1')]);
});

afterAll(async () => {
  await world?.stop();
});

async function writesNothing<T>(op: () => Promise<T>): Promise<T> {
  const before = await rowCounts(world);
  const result = await op();
  expect(await rowCounts(world)).toEqual(before);
  return result;
}

const codesAndFields = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => ({ code: e.code, field: e.field }));

async function submitted(): Promise<string> {
  const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
  await submitPractice(world, alice, id);
  return id;
}

async function assignmentRow(id: string) {
  const [row] = await world.sql('SELECT status, round, conflict_declared, conflict_details, responded_at IS NOT NULL AS responded, due_on::text AS due FROM review_assignment WHERE id = $1', [id]);
  return row;
}

const PROGRESS = `query($id: ID!) { practice(id: $id) { status reviewProgress { round completedUN completedNonUN readyForDecision needsAdditionalReviewer recommendation } } }`;
const progressOf = async (id: string) => (await world.run(PROGRESS, { id }, ed)).data!.practice.reviewProgress;

describe('assignReviewer', () => {
  it('is for editors only', async () => {
    const id = await submitted();
    const anonymous = await writesNothing(async () => world.run(M.assignReviewer, { subjectId: id, expertId: r.un[0] }));
    expect(graphqlCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    for (const principal of [alice, await reviewerOnly(), await reviewer(r.un[0])]) {
      const result = await writesNothing(async () => world.run(M.assignReviewer, { subjectId: id, expertId: r.un[0] }, principal));
      expect(graphqlCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors![0].message).toContain('Only EDITOR may assign reviewers');
    }
  });

  it('refuses a DRAFT subject, unknown experts and subjects, and a past dueOn', async () => {
    const draft = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    const onDraft = payloadOf(await writesNothing(async () => world.run(M.assignReviewer, { subjectId: draft, expertId: r.un[0] }, ed)));
    expect(codesAndFields(onDraft.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: ['subjectId'] }]);
    expect(onDraft.errors[0].message).toBe('Reviewers are assigned to SUBMITTED or UNDER_REVIEW items; this practice is DRAFT.');

    const id = await submitted();
    for (const expertId of [randomUUID(), 'expert-7']) {
      const unknown = payloadOf(await writesNothing(async () => world.run(M.assignReviewer, { subjectId: id, expertId }, ed)));
      expect(codesAndFields(unknown.errors)).toEqual([{ code: 'NOT_FOUND', field: ['expertId'] }]);
    }
    for (const subjectId of [randomUUID(), 'practice-7']) {
      const unknown = payloadOf(await writesNothing(async () => world.run(M.assignReviewer, { subjectId, expertId: r.un[0] }, ed)));
      expect(codesAndFields(unknown.errors)).toEqual([{ code: 'NOT_FOUND', field: ['subjectId'] }]);
    }
    const past = payloadOf(await writesNothing(async () => world.run(M.assignReviewer, { subjectId: id, expertId: r.un[0], dueOn: todayUtc(-1) }, ed)));
    expect(past.errors).toEqual([{ code: 'INVALID_INPUT', field: ['dueOn'], message: `dueOn (${todayUtc(-1)}) is in the past.` }]);
    expect((await world.run(PROGRESS, { id }, ed)).data!.practice.status).toBe('SUBMITTED');

    const today = ok(await world.run(M.assignReviewer, { subjectId: id, expertId: r.un[0], dueOn: todayUtc(0) }, ed));
    expect(today.assignment).toMatchObject({ status: 'INVITED', round: 1, dueOn: todayUtc(0) });
  });

  it('moves SUBMITTED to UNDER_REVIEW once, and never assigns one expert twice in a round', async () => {
    const id = await submitted();
    const first = ok(await world.run(M.assignReviewer, { subjectId: id, expertId: r.nonUN[0], dueOn: todayUtc(21) }, ed));
    expect(first.assignment).toEqual({ id: expect.any(String), status: 'INVITED', round: 1, dueOn: todayUtc(21) });
    expect((await world.run(PROGRESS, { id }, ed)).data!.practice.status).toBe('UNDER_REVIEW');
    const twice = payloadOf(await writesNothing(async () => world.run(M.assignReviewer, { subjectId: id, expertId: r.nonUN[0] }, ed)));
    expect(twice.errors).toEqual([{ code: 'ALREADY_ASSIGNED', field: ['expertId'], message: 'This expert is already assigned to this submission in this round.' }]);
    await assign(world, ed, id, r.nonUN[1]);
    expect((await stepsOf(world, 'practice', id)).map((s) => s.to)).toEqual(['DRAFT', 'SUBMITTED', 'UNDER_REVIEW']);

    // Withdrawn: the same expert may be invited again.
    const withdrawn = ok(await world.run(M.withdrawAssignment, { id: first.assignment.id }, ed));
    expect(withdrawn.assignment.status).toBe('WITHDRAWN');
    const again = payloadOf(await writesNothing(async () => world.run(M.withdrawAssignment, { id: first.assignment.id }, ed)));
    expect(codesAndFields(again.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: ['id'] }]);
    expect(again.errors[0].message).toBe('Cannot withdraw it: the assignment is WITHDRAWN; this needs INVITED or ACCEPTED.');
    const reinvited = ok(await world.run(M.assignReviewer, { subjectId: id, expertId: r.nonUN[0] }, ed));
    expect(reinvited.assignment).toMatchObject({ status: 'INVITED', round: 1 });
    expect(reinvited.assignment.id).not.toBe(first.assignment.id);
    const unknownWithdraw = payloadOf(await writesNothing(async () => world.run(M.withdrawAssignment, { id: randomUUID() }, ed)));
    expect(codesAndFields(unknownWithdraw.errors)).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
    const byMember = await writesNothing(async () => world.run(M.withdrawAssignment, { id: reinvited.assignment.id }, alice));
    expect(graphqlCodes(byMember)).toEqual(['FORBIDDEN']);
  });

  it('refuses the author as reviewer of their own submission (CONFLICT_OF_INTEREST)', async () => {
    const expertId = r.nonUN[4];
    await world.sql('UPDATE expert SET principal_id = $2 WHERE id = $1', [expertId, 'member-carol']);
    try {
      const carol = await member('member-carol');
      const id = await createPracticeDraft(world, carol, completePracticeInput(r.orgs[0]));
      await submitPractice(world, carol, id);
      const own = payloadOf(await writesNothing(async () => world.run(M.assignReviewer, { subjectId: id, expertId }, ed)));
      expect(codesAndFields(own.errors)).toEqual([{ code: 'CONFLICT_OF_INTEREST', field: ['expertId'] }]);
    } finally {
      await world.sql('UPDATE expert SET principal_id = NULL WHERE id = $1', [expertId]);
    }
  });
});

describe('respondToAssignment', () => {
  it('answers only the reviewer\'s own INVITED assignments', async () => {
    const id = await submitted();
    const a = await assign(world, ed, id, r.nonUN[0]);
    const other = await writesNothing(async () => world.run(M.respond, { id: a, accept: true, coi: { hasConflict: false } }, await reviewer(r.nonUN[1])));
    expect(payloadOf(other)).toEqual({ assignment: null, errors: [{ code: 'NOT_FOUND', field: ['id'], message: `You have no assignment with the id "${a}".` }] });
    const byMember = await writesNothing(async () => world.run(M.respond, { id: a, accept: true, coi: { hasConflict: false } }, alice));
    expect(graphqlCodes(byMember)).toEqual(['FORBIDDEN']);
    const withoutExpert = payloadOf(await writesNothing(async () => world.run(M.respond, { id: a, accept: true, coi: { hasConflict: false } }, await reviewerOnly())));
    expect(codesAndFields(withoutExpert.errors)).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);

    const accepted = ok(await world.run(M.respond, { id: a, accept: true, coi: { hasConflict: false } }, await reviewer(r.nonUN[0])));
    expect(accepted.assignment).toMatchObject({ id: a, status: 'ACCEPTED' });
    expect(await assignmentRow(a)).toMatchObject({ status: 'ACCEPTED', conflict_declared: false, conflict_details: null, responded: true });
    const twice = payloadOf(await writesNothing(async () => world.run(M.respond, { id: a, accept: false, coi: { hasConflict: false } }, await reviewer(r.nonUN[0]))));
    expect(codesAndFields(twice.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: ['id'] }]);
    expect(twice.errors[0].message).toBe('Cannot respond: the assignment is ACCEPTED; this needs INVITED.');
  });

  it('ends the assignment on a declared conflict, keeps the declaration, and says so', async () => {
    const id = await submitted();
    const a = await assign(world, ed, id, r.nonUN[1]);
    const as = await reviewer(r.nonUN[1]);
    const noDetails = payloadOf(await writesNothing(async () => world.run(M.respond, { id: a, accept: true, coi: { hasConflict: true } }, as)));
    expect(codesAndFields(noDetails.errors)).toEqual([{ code: 'INVALID_INPUT', field: ['conflictOfInterest', 'details'] }]);
    const blank = payloadOf(await writesNothing(async () => world.run(M.respond, { id: a, accept: true, coi: { hasConflict: true, details: '  ' } }, as)));
    expect(blank.errors).toEqual([{ code: 'INVALID_INPUT', field: ['conflictOfInterest', 'details'], message: 'Say what the conflict of interest is (details), so editors can weigh it.' }]);

    const conflict = payloadOf(await world.run(M.respond, { id: a, accept: true, coi: { hasConflict: true, details: 'I advised the implementing NGO in 2021.' } }, as));
    expect(conflict.assignment).toMatchObject({ id: a, status: 'DECLINED_CONFLICT' });
    expect(codesAndFields(conflict.errors)).toEqual([{ code: 'CONFLICT_OF_INTEREST', field: ['conflictOfInterest'] }]);
    expect(conflict.errors[0].message).toContain('DECLINED_CONFLICT');
    expect(await assignmentRow(a)).toMatchObject({ status: 'DECLINED_CONFLICT', conflict_declared: true, conflict_details: 'I advised the implementing NGO in 2021.', responded: true });
    const review = payloadOf(await writesNothing(async () => world.run(M.submitReview, { id: a, input: { decision: 'APPROVE', score: 5 } }, as)));
    expect(codesAndFields(review.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: ['assignmentId'] }]);
    // The conflicted expert is not invited again in this round.
    const reassign = payloadOf(await writesNothing(async () => world.run(M.assignReviewer, { subjectId: id, expertId: r.nonUN[1] }, ed)));
    expect(codesAndFields(reassign.errors)).toEqual([{ code: 'ALREADY_ASSIGNED', field: ['expertId'] }]);

    // Declining with a conflict is the same end, without an error.
    const b = await assign(world, ed, id, r.nonUN[2]);
    const declinedConflict = payloadOf(await world.run(M.respond, { id: b, accept: false, coi: { hasConflict: true, details: 'Former colleague.' } }, await reviewer(r.nonUN[2])));
    expect(declinedConflict).toEqual({ assignment: expect.objectContaining({ status: 'DECLINED_CONFLICT' }), errors: [] });
  });

  it('declines, and the reviewer can still read the assignment with its subject', async () => {
    const id = await submitted();
    const a = await assign(world, ed, id, r.nonUN[3]);
    const as = await reviewer(r.nonUN[3]);
    const declined = ok(await world.run(`mutation($id: ID!) { respondToAssignment(id: $id, accept: false, conflictOfInterest: { hasConflict: false }) {
      assignment { status subject { ... on Practice { id } } } errors { code } } }`, { id: a }, as));
    expect(declined.assignment).toEqual({ status: 'DECLINED', subject: { id } });
    expect(await assignmentRow(a)).toMatchObject({ status: 'DECLINED', conflict_declared: false, responded: true });
  });
});

describe('submitReview', () => {
  it('needs an accepted assignment, a score of 1..5 and only one review', async () => {
    const id = await submitted();
    const a = await assign(world, ed, id, r.un[0]);
    const as = await reviewer(r.un[0]);
    const early = payloadOf(await writesNothing(async () => world.run(M.submitReview, { id: a, input: { decision: 'APPROVE', score: 4 } }, as)));
    expect(early.errors).toEqual([{ code: 'INVALID_TRANSITION', field: ['assignmentId'], message: 'Cannot submit a review: the assignment is INVITED; this needs ACCEPTED.' }]);
    await accept(world, r.un[0], a);
    for (const score of [0, 6, -1]) {
      const bad = payloadOf(await writesNothing(async () => world.run(M.submitReview, { id: a, input: { decision: 'APPROVE', score } }, as)));
      expect(bad.errors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'score'], message: `score must be a whole number from 1 to 5; got ${score}.` }]);
    }
    const nul = payloadOf(await writesNothing(async () => world.run(M.submitReview, { id: a, input: { decision: 'APPROVE', score: 3, comment: 'a\u0000b' } }, as)));
    expect(codesAndFields(nul.errors)).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'comment'] }]);
    const notMine = payloadOf(await writesNothing(async () => world.run(M.submitReview, { id: a, input: { decision: 'APPROVE', score: 3 } }, await reviewer(r.un[1]))));
    expect(codesAndFields(notMine.errors)).toEqual([{ code: 'NOT_FOUND', field: ['assignmentId'] }]);

    const done = ok(await world.run(M.submitReview, { id: a, input: { decision: 'REVISE', score: 3, comment: '  Needs numbers.  ' } }, as));
    expect(done.review).toEqual({ id: expect.any(String), decision: 'REVISE', score: 3, comment: 'Needs numbers.', round: 1 });
    expect(await assignmentRow(a)).toMatchObject({ status: 'COMPLETED' });
    const [stored] = await world.sql('SELECT assignment_id, round, reviewer_id FROM review WHERE id = $1', [done.review.id]);
    expect(stored).toEqual({ assignment_id: a, round: 1, reviewer_id: r.un[0] });
    const second = payloadOf(await writesNothing(async () => world.run(M.submitReview, { id: a, input: { decision: 'APPROVE', score: 5 } }, as)));
    expect(second.errors).toEqual([{ code: 'INVALID_TRANSITION', field: ['assignmentId'], message: 'You have already submitted the review of this assignment.' }]);
  });

  it('refuses a review once the subject was decided, and the decision withdraws the open assignments of the round', async () => {
    const id = await readyPractice(world, alice, ed, r);
    const invited = await assign(world, ed, id, r.nonUN[2]);
    const acceptedId = await assign(world, ed, id, r.nonUN[3]);
    await accept(world, r.nonUN[3], acceptedId);
    const declined = await assign(world, ed, id, r.un[1]);
    ok(await world.run(M.respond, { id: declined, accept: false, coi: { hasConflict: false } }, await reviewer(r.un[1])));

    ok(await world.run(M.decide, { id, decision: 'PUBLISH' }, ed));
    const statuses = await world.sql<{ expert_id: string; status: string }>('SELECT expert_id, status FROM review_assignment WHERE practice_id = $1', [id]);
    expect(Object.fromEntries(statuses.map((s) => [s.expert_id, s.status]))).toEqual({
      [r.un[0]]: 'COMPLETED', [r.nonUN[0]]: 'COMPLETED', [r.nonUN[1]]: 'COMPLETED', [r.nonUN[2]]: 'WITHDRAWN', [r.nonUN[3]]: 'WITHDRAWN', [r.un[1]]: 'DECLINED',
    });
    const late = payloadOf(await writesNothing(async () => world.run(M.submitReview, { id: acceptedId, input: { decision: 'APPROVE', score: 5 } }, await reviewer(r.nonUN[3]))));
    expect(codesAndFields(late.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: ['assignmentId'] }]);
    const lateAnswer = payloadOf(await writesNothing(async () => world.run(M.respond, { id: invited, accept: true, coi: { hasConflict: false } }, await reviewer(r.nonUN[2]))));
    expect(codesAndFields(lateAnswer.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: ['id'] }]);

    // A REJECT (no roster rule) withdraws an accepted assignment the same way.
    const other = await submitted();
    const open = await assign(world, ed, other, r.un[0]);
    await accept(world, r.un[0], open);
    ok(await world.run(M.decide, { id: other, decision: 'REJECT' }, ed));
    expect(await assignmentRow(open)).toMatchObject({ status: 'WITHDRAWN' });
    const afterReject = payloadOf(await writesNothing(async () => world.run(M.submitReview, { id: open, input: { decision: 'APPROVE', score: 5 } }, await reviewer(r.un[0]))));
    expect(codesAndFields(afterReject.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: ['assignmentId'] }]);
  });

  it('closes a round on REQUEST_CHANGES: its accepted assignment can no longer be reviewed in round 2', async () => {
    const id = await submitted();
    const a = await assign(world, ed, id, r.un[0]);
    await accept(world, r.un[0], a);
    ok(await world.run(M.decide, { id, decision: 'REQUEST_CHANGES' }, ed));
    await submitPractice(world, alice, id);
    const b = await assign(world, ed, id, r.nonUN[0]);
    expect(await assignmentRow(b)).toMatchObject({ round: 2, status: 'INVITED' });
    const stale = payloadOf(await writesNothing(async () => world.run(M.submitReview, { id: a, input: { decision: 'APPROVE', score: 5 } }, await reviewer(r.un[0]))));
    expect(codesAndFields(stale.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: ['assignmentId'] }]);
  });
});

describe('the roster rule', () => {
  const publish = (id: string) => world.run(M.decide, { id, decision: 'PUBLISH' }, ed);

  it('two non-UN approvals are not enough', async () => {
    const id = await submitted();
    await reviewBy(world, ed, id, [{ expertId: r.nonUN[0], decision: 'APPROVE' }, { expertId: r.nonUN[1], decision: 'APPROVE' }]);
    expect(await progressOf(id)).toEqual({ round: 1, completedUN: 0, completedNonUN: 2, readyForDecision: false, needsAdditionalReviewer: false, recommendation: null });
    const refused = payloadOf(await writesNothing(async () => publish(id)));
    expect(refused.errors).toEqual([{ code: 'ROSTER_RULE_NOT_MET', field: null,
      message: 'Round 1 has 0 UN and 2 non-UN completed reviews; publishing needs at least 1 UN and 2 non-UN reviews that agree.' }]);
    // UN reviews do not replace the non-UN ones either.
    const unOnly = await submitted();
    await reviewBy(world, ed, unOnly, [{ expertId: r.un[0], decision: 'APPROVE' }, { expertId: r.un[1], decision: 'APPROVE' }]);
    expect(await progressOf(unOnly)).toMatchObject({ completedUN: 2, completedNonUN: 0, readyForDecision: false });
  });

  it('1 UN and 2 non-UN approvals: ready, and PUBLISH works', async () => {
    const id = await submitted();
    await reviewBy(world, ed, id, [{ expertId: r.un[0], decision: 'APPROVE' }, { expertId: r.nonUN[0], decision: 'APPROVE' }]);
    expect(await progressOf(id)).toMatchObject({ completedUN: 1, completedNonUN: 1, readyForDecision: false });
    expect(codesAndFields(payloadOf(await writesNothing(async () => publish(id))).errors)).toEqual([{ code: 'ROSTER_RULE_NOT_MET', field: null }]);
    await reviewBy(world, ed, id, [{ expertId: r.nonUN[1], decision: 'APPROVE' }]);
    expect(await progressOf(id)).toEqual({ round: 1, completedUN: 1, completedNonUN: 2, readyForDecision: true, needsAdditionalReviewer: false, recommendation: 'APPROVE' });
    expect(ok(await publish(id)).practice.status).toBe('PUBLISHED');
  });

  it('a disagreement asks for a further reviewer; a fourth agreeing review makes it ready', async () => {
    const id = await submitted();
    await reviewBy(world, ed, id, [
      { expertId: r.un[0], decision: 'APPROVE' }, { expertId: r.nonUN[0], decision: 'APPROVE' }, { expertId: r.nonUN[1], decision: 'REJECT', score: 1 },
    ]);
    expect(await progressOf(id)).toEqual({ round: 1, completedUN: 1, completedNonUN: 2, readyForDecision: false, needsAdditionalReviewer: true, recommendation: null });
    const refused = payloadOf(await writesNothing(async () => publish(id)));
    expect(refused.errors).toEqual([{ code: 'ROSTER_RULE_NOT_MET', field: null,
      message: 'Round 1 has 1 UN and 2 non-UN completed reviews that disagree: assign a further reviewer; publishing needs at least 1 UN and 2 non-UN reviews that agree.' }]);
    await reviewBy(world, ed, id, [{ expertId: r.nonUN[2], decision: 'APPROVE' }]);
    expect(await progressOf(id)).toEqual({ round: 1, completedUN: 1, completedNonUN: 3, readyForDecision: true, needsAdditionalReviewer: false, recommendation: 'APPROVE' });
    expect(ok(await publish(id)).practice.status).toBe('PUBLISHED');
  });

  it('a fourth review that keeps the split (2 against 2) is still not ready', async () => {
    const id = await submitted();
    await reviewBy(world, ed, id, [
      { expertId: r.un[0], decision: 'APPROVE' }, { expertId: r.nonUN[0], decision: 'REJECT' }, { expertId: r.nonUN[1], decision: 'APPROVE' }, { expertId: r.nonUN[2], decision: 'REJECT' },
    ]);
    expect(await progressOf(id)).toMatchObject({ readyForDecision: false, needsAdditionalReviewer: true, recommendation: null });
    expect(codesAndFields(payloadOf(await writesNothing(async () => publish(id))).errors)).toEqual([{ code: 'ROSTER_RULE_NOT_MET', field: null }]);
  });

  it('all REJECT: ready with recommendation REJECT; PUBLISH is refused and REJECT works', async () => {
    const id = await submitted();
    await reviewBy(world, ed, id, [
      { expertId: r.un[0], decision: 'REJECT', score: 1 }, { expertId: r.nonUN[0], decision: 'REJECT', score: 2 }, { expertId: r.nonUN[1], decision: 'REJECT', score: 1 },
    ]);
    expect(await progressOf(id)).toEqual({ round: 1, completedUN: 1, completedNonUN: 2, readyForDecision: true, needsAdditionalReviewer: false, recommendation: 'REJECT' });
    const refused = payloadOf(await writesNothing(async () => publish(id)));
    expect(refused.errors).toEqual([{ code: 'ROSTER_RULE_NOT_MET', field: null,
      message: 'The reviewers of round 1 recommend REJECT, not APPROVE: request changes or reject instead.' }]);
    const rejected = ok(await world.run(M.decide, { id, decision: 'REJECT', note: 'As the reviewers advise.' }, ed));
    expect(rejected.practice.status).toBe('REJECTED');
    expect((await stepsOf(world, 'practice', id)).at(-1)).toEqual({ from: 'UNDER_REVIEW', to: 'REJECTED', actor: 'editor-1' });
  });

  it('counts each round on its own: reviews do not carry over after REQUEST_CHANGES', async () => {
    const id = await submitted();
    await reviewBy(world, ed, id, [
      { expertId: r.un[0], decision: 'APPROVE' }, { expertId: r.nonUN[0], decision: 'APPROVE' }, { expertId: r.nonUN[1], decision: 'APPROVE' },
    ]);
    ok(await world.run(M.decide, { id, decision: 'REQUEST_CHANGES', note: 'One more table.' }, ed));
    await submitPractice(world, alice, id);
    await assign(world, ed, id, r.un[1]);
    expect(await progressOf(id)).toEqual({ round: 2, completedUN: 0, completedNonUN: 0, readyForDecision: false, needsAdditionalReviewer: false, recommendation: null });
    expect(codesAndFields(payloadOf(await writesNothing(async () => publish(id))).errors)).toEqual([{ code: 'ROSTER_RULE_NOT_MET', field: null }]);
    // An expert of round 1 may review round 2.
    const [a] = await reviewBy(world, ed, id, [{ expertId: r.nonUN[0], decision: 'APPROVE' }]);
    expect(await assignmentRow(a)).toMatchObject({ round: 2, status: 'COMPLETED' });
    expect(await progressOf(id)).toMatchObject({ round: 2, completedUN: 0, completedNonUN: 1 });
  });

  it('lets a reviewer see the subject while assigned, but not its review state or history', async () => {
    const id = await submitted();
    const a = await assign(world, ed, id, r.un[0]);
    const as = await reviewer(r.un[0]);
    const read = `query($id: ID!) { practice(id: $id) { id status reviewProgress { round } history { to } } }`;
    expect((await world.run(read, { id }, as)).data!.practice).toEqual({ id, status: 'UNDER_REVIEW', reviewProgress: null, history: null });
    expect((await world.run(read, { id }, await reviewer(r.un[1]))).data!.practice).toBeNull();
    await accept(world, r.un[0], a);
    await review(world, r.un[0], a, 'APPROVE', 5, 'Clear.');
    const own = (await world.run(`query($id: ID!) { practice(id: $id) { reviews { comment reviewer { id } } } }`, { id }, as)).data!.practice;
    expect(own.reviews).toEqual([{ comment: 'Clear.', reviewer: { id: r.un[0] } }]);
  });
});
