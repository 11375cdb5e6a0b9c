/**
 * Practices through GraphQL as a client sends them: roles, input checks, locales, updates,
 * submission criteria and call rules, the full path with its history, publication into the
 * public lists, a second round after REQUEST_CHANGES, REJECT; and the statements each
 * mutation costs.
 */
import { randomUUID } from 'node:crypto';
import { Role, type Principal } from '../../src/auth/principal';
import { principalFromToken } from '../support/graphql';
import {
  accept, assign, completePracticeInput, completeResourceInput, createPracticeDraft, createResourceDraft, editor, ERRORS, graphqlCodes, M, member, ok,
  payloadOf, readyPractice, refs, review, reviewBy, reviewer, reviewerOnly, rowCounts, StatementTable, startWorld, stepsOf, submitPractice,
  todayUtc, uniqueWord, type Refs, type World,
} from './workflow-fixtures';

let world: World;
let r: Refs;
let alice: Principal; // the author
let bob: Principal; // another member
let ed: Principal;
let ed2: Principal;

beforeAll(async () => {
  world = await startWorld(11);
  r = await refs(world);
  [alice, bob, ed, ed2] = await Promise.all([member('member-alice'), member('member-bob'), editor('editor-1'), editor('editor-2')]);
});

afterAll(async () => {
  await world?.stop();
});

/** Runs `op` and checks that no row of the write tables changed. */
async function writesNothing<T>(op: () => Promise<T>): Promise<T> {
  const before = await rowCounts(world);
  const result = await op();
  expect(await rowCounts(world)).toEqual(before);
  return result;
}

const codesAndFields = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => ({ code: e.code, field: e.field }));

describe('roles', () => {
  it('refuses anonymous callers with UNAUTHENTICATED and writes nothing', async () => {
    const draft = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    const calls: [string, Record<string, unknown>][] = [
      [M.createPractice, { input: completePracticeInput(r.orgs[0]) }],
      [M.updatePractice, { id: draft, input: { title: 'Taken over' } }],
      [M.submitPractice, { id: draft }],
      [M.decide, { id: draft, decision: 'REJECT' }],
    ];
    for (const [query, variables] of calls) {
      const result = await writesNothing(() => world.run(query, variables));
      expect(result.data).toBeNull();
      expect(graphqlCodes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors![0].message).toMatch(/^Sign in to .*bearer token with the (MEMBER|EDITOR) role/);
    }
  });

  it('refuses createPractice to reviewer-only and editor-only tokens with FORBIDDEN', async () => {
    for (const principal of [await reviewerOnly(), ed]) {
      const result = await writesNothing(() => world.run(M.createPractice, { input: completePracticeInput(r.orgs[0]) }, principal));
      expect(result.data).toBeNull();
      expect(graphqlCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors![0].message).toContain('Only MEMBER may create practices');
    }
  });

  it('refuses submitPractice to an editor and decide to a member with FORBIDDEN', async () => {
    const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    const bySubmit = await writesNothing(() => world.run(M.submitPractice, { id }, ed));
    expect(graphqlCodes(bySubmit)).toEqual(['FORBIDDEN']);
    await submitPractice(world, alice, id);
    for (const decision of ['PUBLISH', 'REQUEST_CHANGES', 'REJECT']) {
      const byMember = await writesNothing(() => world.run(M.decide, { id, decision }, alice));
      expect(graphqlCodes(byMember)).toEqual(['FORBIDDEN']);
      expect(byMember.errors![0].message).toContain('Only EDITOR may decide on practices');
    }
    const [row] = await world.sql('SELECT status FROM practice WHERE id = $1', [id]);
    expect(row.status).toBe('SUBMITTED');
  });
});

describe('createPractice input checks', () => {
  const long = (n: number) => 'x'.repeat(n);
  const uuids = (n: number) => Array.from({ length: n }, () => randomUUID());
  const cases: [string, (org: string) => Record<string, unknown>, { code: string; field: string[] }[], RegExp?][] = [
    ['no title', (o) => completePracticeInput(o, { title: undefined }), [{ code: 'INVALID_INPUT', field: ['input', 'title'] }], /title is required/],
    ['no summary', (o) => completePracticeInput(o, { summary: null }), [{ code: 'INVALID_INPUT', field: ['input', 'summary'] }], /summary is required/],
    ['no scope', (o) => completePracticeInput(o, { scope: undefined }), [{ code: 'INVALID_INPUT', field: ['input', 'scope'] }], /scope is required/],
    ['none of the three', () => ({}), [
      { code: 'INVALID_INPUT', field: ['input', 'title'] }, { code: 'INVALID_INPUT', field: ['input', 'summary'] }, { code: 'INVALID_INPUT', field: ['input', 'scope'] }]],
    ['a blank title', (o) => completePracticeInput(o, { title: '   ' }), [{ code: 'INVALID_INPUT', field: ['input', 'title'] }], /must not be blank/],
    ['a 301-character title', (o) => completePracticeInput(o, { title: long(301) }), [{ code: 'INVALID_INPUT', field: ['input', 'title'] }], /at most 300 characters; got 301/],
    ['a 5001-character summary', (o) => completePracticeInput(o, { summary: long(5001) }), [{ code: 'INVALID_INPUT', field: ['input', 'summary'] }], /at most 5000 characters; got 5001/],
    ['a 5001-character takeaway', (o) => completePracticeInput(o, { takeaway: long(5001) }), [{ code: 'INVALID_INPUT', field: ['input', 'takeaway'] }]],
    ['101 regions', (o) => completePracticeInput(o, { regions: Array.from({ length: 101 }, (_, i) => String(i).padStart(3, '0')) }), [{ code: 'INVALID_INPUT', field: ['input', 'regions'] }], /at most 100 values; got 101/],
    ['101 countries', (o) => completePracticeInput(o, { countries: Array.from({ length: 101 }, () => 'CHE') }), [{ code: 'INVALID_INPUT', field: ['input', 'countries'] }]],
    ['101 implementers', (o) => completePracticeInput(o, { implementedBy: uuids(101) }), [{ code: 'INVALID_INPUT', field: ['input', 'implementedBy'] }]],
    ['101 partners', (o) => completePracticeInput(o, { partners: uuids(101) }), [{ code: 'INVALID_INPUT', field: ['input', 'partners'] }]],
    ['11 guiding principles', (o) => completePracticeInput(o, { guidingPrinciples: Array.from({ length: 11 }, () => 'CHILD_SENSITIVE') }), [{ code: 'INVALID_INPUT', field: ['input', 'guidingPrinciples'] }]],
    ['objective 0', (o) => completePracticeInput(o, { objectives: [0] }), [{ code: 'INVALID_INPUT', field: ['input', 'objectives'] }], /objective numbers from 1 to 23; got 0/],
    ['objective 24', (o) => completePracticeInput(o, { objectives: [3, 24] }), [{ code: 'INVALID_INPUT', field: ['input', 'objectives'] }], /got 24/],
    ['NUL in the title', (o) => completePracticeInput(o, { title: 'Safe\u0000shelters' }), [{ code: 'INVALID_INPUT', field: ['input', 'title'] }], /NUL/],
    ['NUL in the focal point name', (o) => completePracticeInput(o, { focalPoint: { name: 'A\u0000B', email: 'a@example.org', organization: 'Org' } }),
      [{ code: 'INVALID_INPUT', field: ['input', 'focalPoint', 'name'] }]],
    ['an invalid focal point email', (o) => completePracticeInput(o, { focalPoint: { name: 'A B', email: 'not-an-email', organization: 'Org' } }),
      [{ code: 'INVALID_INPUT', field: ['input', 'focalPoint', 'email'] }], /email address/],
    ['endDate before startDate', (o) => completePracticeInput(o, { startDate: '2021-05-02', endDate: '2021-05-01' }), [{ code: 'INVALID_INPUT', field: ['input', 'endDate'] }],
      /endDate \(2021-05-01\) must not be before startDate \(2021-05-02\)/],
    ['unknown region 999', (o) => completePracticeInput(o, { regions: ['002', '999'] }), [{ code: 'NOT_FOUND', field: ['input', 'regions'] }], /"999"/],
    ['unknown country', (o) => completePracticeInput(o, { countries: ['ZZZ'] }), [{ code: 'NOT_FOUND', field: ['input', 'countries'] }], /"ZZZ"/],
    ['unknown organization', (o) => completePracticeInput(o, { implementedBy: [o, '00000000-0000-4000-8000-000000000001'] }),
      [{ code: 'NOT_FOUND', field: ['input', 'implementedBy'] }], /00000000-0000-4000-8000-000000000001/],
    ['unknown partner', () => completePracticeInput(randomUUID(), { implementedBy: [], partners: ['00000000-0000-4000-8000-000000000002'] }),
      [{ code: 'NOT_FOUND', field: ['input', 'partners'] }]],
    ['unknown guiding principle', (o) => completePracticeInput(o, { guidingPrinciples: ['NOT_A_PRINCIPLE'] }), [{ code: 'NOT_FOUND', field: ['input', 'guidingPrinciples'] }], /NOT_A_PRINCIPLE/],
    ['unknown callId', (o) => completePracticeInput(o, { callId: '00000000-0000-4000-8000-000000000003' }), [{ code: 'NOT_FOUND', field: ['input', 'callId'] }]],
    ['malformed callId', (o) => completePracticeInput(o, { callId: 'call-42' }), [{ code: 'NOT_FOUND', field: ['input', 'callId'] }], /"call-42"/],
    ['several problems at once', (o) => completePracticeInput(o, { title: long(301), objectives: [24], regions: ['999'], callId: 'nope' }), [
      { code: 'INVALID_INPUT', field: ['input', 'title'] }, { code: 'INVALID_INPUT', field: ['input', 'objectives'] }, { code: 'NOT_FOUND', field: ['input', 'callId'] }]],
    ['reference problems together', (o) => completePracticeInput(o, { regions: ['999'], guidingPrinciples: ['NOPE_NOPE'], callId: randomUUID() }), [
      { code: 'NOT_FOUND', field: ['input', 'regions'] }, { code: 'NOT_FOUND', field: ['input', 'guidingPrinciples'] }, { code: 'NOT_FOUND', field: ['input', 'callId'] }]],
  ];

  // Every row has four entries: with fewer, jest would pass its `done` callback as `message`.
  const rows = cases.map(([name, input, expected, message]) => [name, input, expected, message ?? null] as const);

  it.each(rows)('refuses %s and writes nothing', async (_name, input, expected, message) => {
    const result = await writesNothing(() => world.run(M.createPractice, { input: input(r.orgs[0]) }, alice));
    const p = payloadOf(result);
    expect(p.practice).toBeNull();
    expect(codesAndFields(p.errors)).toEqual(expected);
    if (message) expect(p.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(message);
  });

  it('refuses an impossible date as a GraphQL input error and writes nothing', async () => {
    const result = await writesNothing(() => world.run(M.createPractice, { input: completePracticeInput(r.orgs[0], { startDate: '2021-02-30' }) }, alice));
    expect(graphqlCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.data).toBeUndefined();
  });

  it('counts characters, not UTF-16 units: 300 emoji are a valid title, 301 are not', async () => {
    const title = '\u{1F3E0}'.repeat(300);
    const created = ok(await world.run(M.createPractice, { input: completePracticeInput(r.orgs[0], { title }) }, alice));
    expect(created.practice.title).toBe(title);
    const [row] = await world.sql(`SELECT length(title->>'en') AS n FROM practice WHERE id = $1`, [created.practice.id]);
    expect(row.n).toBe(300);
    const tooLong = payloadOf(await writesNothing(() => world.run(M.createPractice, { input: completePracticeInput(r.orgs[0], { title: `${title}\u{1F3E0}` }) }, alice)));
    expect(tooLong.errors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'title'], message: 'title takes at most 300 characters; got 301.' }]);
  });

  it('takes the boundaries: a 300-character title, a 5000-character summary, objectives 1 and 23, 10 principles', async () => {
    const principles = (await world.sql<{ code: string }>('SELECT code FROM guiding_principle ORDER BY position')).map((x) => x.code);
    expect(principles).toHaveLength(10);
    const title = `${uniqueWord()} ${'t'.repeat(300)}`.slice(0, 300);
    const p = ok(await world.run(M.createPractice, { input: completePracticeInput(r.orgs[0], { title, summary: 's'.repeat(5000), objectives: [1, 23], guidingPrinciples: principles }) }, alice));
    expect(p.practice.title).toBe(title);
    expect(p.practice.status).toBe('DRAFT');
    expect(p.practice.objectives).toEqual([{ number: 1 }, { number: 23 }]);
    const [row] = await world.sql('SELECT objective_count, rank_objectives, created_by FROM practice WHERE id = $1', [p.practice.id]);
    expect(row).toEqual({ objective_count: 2, rank_objectives: -2, created_by: 'member-alice' });
    expect(await stepsOf(world, 'practice', p.practice.id)).toEqual([{ from: null, to: 'DRAFT', actor: 'member-alice' }]);
  });
});

describe('locales', () => {
  it('stores a FR text as FR and as English; an EN update changes English only', async () => {
    const created = ok(await world.run(M.createPractice, { input: completePracticeInput(r.orgs[0], { locale: 'FR', title: 'Abris sûrs pour enfants', summary: 'Des abris.' }) }, alice));
    const id = created.practice.id;
    const read = `query($id: ID!) { practice(id: $id) { en: title(locale: EN) fr: title(locale: FR) es: title(locale: ES) sEn: summary(locale: EN) sFr: summary(locale: FR) } }`;
    expect((await world.run(read, { id }, alice)).data!.practice).toEqual({ en: 'Abris sûrs pour enfants', fr: 'Abris sûrs pour enfants', es: 'Abris sûrs pour enfants', sEn: 'Des abris.', sFr: 'Des abris.' });
    const [stored] = await world.sql('SELECT title, summary FROM practice WHERE id = $1', [id]);
    expect(stored).toEqual({ title: { en: 'Abris sûrs pour enfants', fr: 'Abris sûrs pour enfants' }, summary: { en: 'Des abris.', fr: 'Des abris.' } });

    ok(await world.run(M.updatePractice, { id, input: { locale: 'EN', title: 'Safe shelters for children' } }, alice));
    expect((await world.run(read, { id }, alice)).data!.practice).toEqual({ en: 'Safe shelters for children', fr: 'Abris sûrs pour enfants', es: 'Safe shelters for children', sEn: 'Des abris.', sFr: 'Des abris.' });

    ok(await world.run(M.updatePractice, { id, input: { locale: 'ES', summary: 'Refugios.' } }, alice));
    const [after] = await world.sql('SELECT title, summary FROM practice WHERE id = $1', [id]);
    expect(after).toEqual({ title: { en: 'Safe shelters for children', fr: 'Abris sûrs pour enfants' }, summary: { en: 'Des abris.', fr: 'Des abris.', es: 'Refugios.' } });
  });
});

describe('updatePractice', () => {
  it('lets only the author change a practice: NOT_FOUND for a draft of someone else, NOT_OWNER for a published one', async () => {
    const draft = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    const other = await writesNothing(() => world.run(M.updatePractice, { id: draft, input: { title: 'Mine now' } }, bob));
    expect(payloadOf(other)).toEqual({ practice: null, errors: [{ code: 'NOT_FOUND', field: ['id'], message: `No practice you may see has the id "${draft}".` }] });
    const byEditor = await writesNothing(() => world.run(M.updatePractice, { id: draft, input: { title: 'Mine now' } }, ed));
    expect(graphqlCodes(byEditor)).toEqual(['FORBIDDEN']);

    const published = await readyPractice(world, alice, ed, r);
    ok(await world.run(M.decide, { id: published, decision: 'PUBLISH' }, ed));
    const notOwner = await writesNothing(() => world.run(M.updatePractice, { id: published, input: { title: 'Mine now' } }, bob));
    expect(codesAndFields(payloadOf(notOwner).errors)).toEqual([{ code: 'NOT_OWNER', field: ['id'] }]);
    expect(payloadOf(notOwner).errors[0].message).toContain('only its author may change or submit it');
    const submitOther = await writesNothing(() => world.run(M.submitPractice, { id: published }, bob));
    expect(codesAndFields(payloadOf(submitOther).errors)).toEqual([{ code: 'NOT_OWNER', field: ['id'] }]);

    const unknown = await writesNothing(() => world.run(M.updatePractice, { id: 'not-a-uuid', input: { title: 'x' } }, alice));
    expect(codesAndFields(payloadOf(unknown).errors)).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
  });

  it('two changes in one request: each payload shows the practice as its own change left it', async () => {
    const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0], { objectives: [1, 2] }));
    const result = await world.run(`mutation($id: ID!) {
      a: updatePractice(id: $id, input: { objectives: [4, 5], title: "First" }) { practice { title objectives { number } } ${ERRORS} }
      b: updatePractice(id: $id, input: { objectives: [6] }) { practice { title objectives { number } } ${ERRORS} }
    }`, { id }, alice);
    expect(result.errors).toBeUndefined();
    expect(result.data!.a).toEqual({ practice: { title: 'First', objectives: [{ number: 4 }, { number: 5 }] }, errors: [] });
    expect(result.data!.b).toEqual({ practice: { title: 'First', objectives: [{ number: 6 }] }, errors: [] });
  });

  it('edits only DRAFT and CHANGES_REQUESTED practices', async () => {
    const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    await submitPractice(world, alice, id);
    const submitted = await writesNothing(() => world.run(M.updatePractice, { id, input: { title: 'Late change' } }, alice));
    expect(codesAndFields(payloadOf(submitted).errors)).toEqual([{ code: 'INVALID_TRANSITION', field: null }]);
    expect(payloadOf(submitted).errors[0].message).toBe('Cannot edit the practice: the practice is SUBMITTED; this needs DRAFT or CHANGES_REQUESTED.');
    await assign(world, ed, id, r.un[0]);
    const underReview = await writesNothing(() => world.run(M.updatePractice, { id, input: { title: 'Late change' } }, alice));
    expect(codesAndFields(payloadOf(underReview).errors)).toEqual([{ code: 'INVALID_TRANSITION', field: null }]);
    ok(await world.run(M.decide, { id, decision: 'REQUEST_CHANGES', note: 'Add the evaluation.' }, ed));
    const changed = ok(await world.run(M.updatePractice, { id, input: { title: 'After the review' } }, alice));
    expect(changed.practice).toMatchObject({ status: 'CHANGES_REQUESTED', title: 'After the review' });
  });

  it('keeps absent fields, replaces given lists, and keeps objective_count and the ranking key current', async () => {
    const input = completePracticeInput(r.orgs[0], { objectives: [1, 2], partners: [r.orgs[2]], endDate: '2022-12-31', lessonsLearned: 'Start early.' });
    const id = await createPracticeDraft(world, alice, input);
    const read = `query($id: ID!) { practice(id: $id) { title summary scope startDate endDate completion lessonsLearned countries { code } objectives { number }
      guidingPrinciples { code } implementedBy { id } partners { id } } }`;
    const before = (await world.run(read, { id }, alice)).data!.practice;
    expect(before.objectives).toEqual([{ number: 1 }, { number: 2 }]);

    const updated = ok(await world.run(M.updatePractice, { id, input: { objectives: [2, 3] } }, alice));
    expect(updated.practice.objectives).toEqual([{ number: 2 }, { number: 3 }]);
    const after = (await world.run(read, { id }, alice)).data!.practice;
    expect(after).toEqual({ ...before, objectives: [{ number: 2 }, { number: 3 }] });
    expect(await world.sql('SELECT objective_count, rank_objectives FROM practice WHERE id = $1', [id])).toEqual([{ objective_count: 2, rank_objectives: -2 }]);

    ok(await world.run(M.updatePractice, { id, input: { objectives: [4, 5, 6, 7] } }, alice));
    expect(await world.sql('SELECT objective_count, rank_objectives FROM practice WHERE id = $1', [id])).toEqual([{ objective_count: 4, rank_objectives: -4 }]);
    ok(await world.run(M.updatePractice, { id, input: { objectives: [] } }, alice));
    expect(await world.sql('SELECT objective_count, rank_objectives FROM practice WHERE id = $1', [id])).toEqual([{ objective_count: 0, rank_objectives: 0 }]);

    // Implementers are replaced without touching partners; an organization can move from one role to the other in one update.
    const moved = ok(await world.run(`mutation($id: ID!, $input: PracticeInput!) { updatePractice(id: $id, input: $input) { practice { implementedBy { id } partners { id } } errors { code } } }`,
      { id, input: { implementedBy: [r.orgs[1]], partners: [r.orgs[0]] } }, alice));
    expect(moved.practice).toEqual({ implementedBy: [{ id: r.orgs[1] }], partners: [{ id: r.orgs[0] }] });
    ok(await world.run(M.updatePractice, { id, input: { implementedBy: [r.orgs[3]] } }, alice));
    const last = (await world.run(read, { id }, alice)).data!.practice;
    expect(last.implementedBy).toEqual([{ id: r.orgs[3] }]);
    expect(last.partners).toEqual([{ id: r.orgs[0] }]);
    expect(last.lessonsLearned).toBe('Start early.');
  });

  it('refuses an update that breaks a rule and leaves the practice as it was', async () => {
    const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0], { startDate: '2021-06-01' }));
    const unknownRegion = await writesNothing(() => world.run(M.updatePractice, { id, input: { title: 'Changed', objectives: [9], regions: ['999'] } }, alice));
    expect(codesAndFields(payloadOf(unknownRegion).errors)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'regions'] }]);
    const both = await writesNothing(() => world.run(M.updatePractice, { id, input: { startDate: '2021-06-01', endDate: '2021-01-01' } }, alice));
    expect(codesAndFields(payloadOf(both).errors)).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'endDate'] }]);
    // Only endDate given, before the stored startDate: named as the endDate's fault (was a field-less "database refused").
    const endOnly = await writesNothing(() => world.run(M.updatePractice, { id, input: { endDate: '2021-01-01' } }, alice));
    expect(payloadOf(endOnly).errors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'endDate'],
      message: "endDate (2021-01-01) must not be before the practice's startDate; change startDate too." }]);
    ok(await world.run(M.updatePractice, { id, input: { endDate: '2021-12-31' } }, alice));
    const startOnly = await writesNothing(() => world.run(M.updatePractice, { id, input: { startDate: '2022-01-01' } }, alice));
    expect(payloadOf(startOnly).errors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'startDate'],
      message: "startDate (2022-01-01) must not be after the practice's endDate; change endDate too." }]);
    const bothLater = ok(await world.run(M.updatePractice, { id, input: { startDate: '2022-01-01', endDate: '2022-06-30' } }, alice));
    expect(bothLater.practice).toMatchObject({ startDate: '2022-01-01', endDate: '2022-06-30' });
  });
});

describe('submitPractice criteria and call rules', () => {
  const criteriaCases: [string, Record<string, unknown>, string][] = [
    ['no objectives', { objectives: undefined }, 'objectives'],
    ['no guiding principle', { guidingPrinciples: undefined }, 'guidingPrinciples'],
    ['no implementer (a partner only)', { implementedBy: undefined, partners: ['__org__'] }, 'implementedBy'],
    ['an ONGOING practice', { completion: 'ONGOING' }, 'completion'],
    ['no completion', { completion: undefined }, 'completion'],
    ['no start date', { startDate: undefined }, 'startDate'],
    ['no focal point', { focalPoint: undefined }, 'focalPoint'],
  ];

  it.each(criteriaCases)('refuses %s with one CRITERIA_NOT_MET and keeps the DRAFT', async (_name, overrides, field) => {
    const input = completePracticeInput(r.orgs[0], overrides);
    if (Array.isArray(input.partners)) input.partners = [r.orgs[1]];
    const id = await createPracticeDraft(world, alice, input);
    const result = await writesNothing(() => world.run(M.submitPractice, { id }, alice));
    const p = payloadOf(result);
    expect(p.practice).toBeNull();
    expect(codesAndFields(p.errors)).toEqual([{ code: 'CRITERIA_NOT_MET', field: ['input', field] }]);
    expect(p.errors[0].message.length).toBeGreaterThan(20);
    expect(await world.sql('SELECT status, review_round FROM practice WHERE id = $1', [id])).toEqual([{ status: 'DRAFT', review_round: 0 }]);
  });

  it('names every unmet criterion at once', async () => {
    const id = await createPracticeDraft(world, alice, { title: 'Bare', summary: 'Bare.', scope: 'LOCAL' });
    const p = payloadOf(await writesNothing(() => world.run(M.submitPractice, { id }, alice)));
    expect(codesAndFields(p.errors)).toEqual(['objectives', 'guidingPrinciples', 'implementedBy', 'completion', 'startDate', 'focalPoint']
      .map((field) => ({ code: 'CRITERIA_NOT_MET', field: ['input', field] })));
    expect(p.errors.find((e: { field: string[] }) => e.field[1] === 'completion').message).toContain('fully or mostly completed; completion is not given');
  });

  it('takes FULLY_COMPLETED and MOSTLY_COMPLETED practices', async () => {
    for (const completion of ['FULLY_COMPLETED', 'MOSTLY_COMPLETED']) {
      const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0], { completion }));
      const practice = await submitPractice(world, alice, id);
      expect(practice).toMatchObject({ status: 'SUBMITTED', completion, reviewProgress: { round: 1, completedUN: 0, completedNonUN: 0, readyForDecision: false } });
    }
  });

  async function call(opensOn: string, deadline: string): Promise<string> {
    const created = ok(await world.run(M.createCall, { input: { title: `Call ${uniqueWord()}`, theme: 'Children', objectives: [10], opensOn, deadline } }, ed));
    return created.call.id;
  }

  it('applies the call dates: DEADLINE_PASSED after the deadline, CALL_CLOSED before opening, deadline day inclusive (UTC)', async () => {
    const past = await call('2020-01-01', todayUtc(-1));
    const future = await call(todayUtc(1), todayUtc(30));
    const today = await call('2020-01-01', todayUtc(0));
    const opensToday = await call(todayUtc(0), todayUtc(10));

    const late = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0], { callId: past }));
    const lateResult = payloadOf(await writesNothing(() => world.run(M.submitPractice, { id: late }, alice)));
    expect(codesAndFields(lateResult.errors)).toEqual([{ code: 'DEADLINE_PASSED', field: ['input', 'callId'] }]);
    expect(lateResult.errors[0].message).toContain(`closed on ${todayUtc(-1)} (UTC)`);

    const early = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0], { callId: future }));
    const earlyResult = payloadOf(await writesNothing(() => world.run(M.submitPractice, { id: early }, alice)));
    expect(codesAndFields(earlyResult.errors)).toEqual([{ code: 'CALL_CLOSED', field: ['input', 'callId'] }]);
    expect(earlyResult.errors[0].message).toContain(`opens on ${todayUtc(1)} (UTC)`);

    for (const callId of [today, opensToday]) {
      const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0], { callId }));
      expect(await submitPractice(world, alice, id)).toMatchObject({ status: 'SUBMITTED' });
    }

    // Criteria and the call are reported together.
    const both = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0], { callId: past, startDate: undefined }));
    const bothResult = payloadOf(await writesNothing(() => world.run(M.submitPractice, { id: both }, alice)));
    expect(codesAndFields(bothResult.errors)).toEqual([{ code: 'CRITERIA_NOT_MET', field: ['input', 'startDate'] }, { code: 'DEADLINE_PASSED', field: ['input', 'callId'] }]);
    expect(await world.sql('SELECT status FROM practice WHERE id = ANY($1::uuid[]) ORDER BY status', [[late, early, both]])).toEqual([{ status: 'DRAFT' }, { status: 'DRAFT' }, { status: 'DRAFT' }]);
  });
});

describe('the full path', () => {
  const VIEW = `query($id: ID!) { practice(id: $id) { id status history { from to actorId note } reviewProgress { round completedUN completedNonUN readyForDecision } } }`;

  it('records one step per transition, shows history to editors only and reviewProgress to editors and the submitter', async () => {
    const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    const history = async () => (await world.run(VIEW, { id }, ed)).data!.practice.history;
    expect(await history()).toEqual([{ from: null, to: 'DRAFT', actorId: 'member-alice', note: null }]);
    await submitPractice(world, alice, id);
    expect((await history()).map((s: { to: string }) => s.to)).toEqual(['DRAFT', 'SUBMITTED']);
    const first = await assign(world, ed, id, r.un[0]);
    expect((await world.run(VIEW, { id }, ed)).data!.practice.status).toBe('UNDER_REVIEW');
    await assign(world, ed2, id, r.nonUN[0]);
    await assign(world, ed2, id, r.nonUN[1]);
    expect(await history()).toHaveLength(3);
    const assignments = await world.sql<{ id: string; expert_id: string }>('SELECT id, expert_id FROM review_assignment WHERE practice_id = $1 ORDER BY invited_at', [id]);
    expect(assignments[0].id).toBe(first);
    for (const a of assignments) {
      await accept(world, a.expert_id, a.id);
      await review(world, a.expert_id, a.id, 'APPROVE', 5, 'Convincing.');
    }
    expect(await history()).toHaveLength(3);

    // The submitter sees the review state of their own submission; nobody else but editors.
    const forAlice = (await world.run(VIEW, { id }, alice)).data!.practice;
    expect(forAlice).toEqual({ id, status: 'UNDER_REVIEW', history: null, reviewProgress: { round: 1, completedUN: 1, completedNonUN: 2, readyForDecision: true } });
    expect((await world.run(VIEW, { id }, bob)).data!.practice).toBeNull();

    const decided = ok(await world.run(M.decide, { id, decision: 'PUBLISH', note: 'Welcome.' }, ed2));
    expect(decided.practice.status).toBe('PUBLISHED');
    expect(await history()).toEqual([
      { from: null, to: 'DRAFT', actorId: 'member-alice', note: null },
      { from: 'DRAFT', to: 'SUBMITTED', actorId: 'member-alice', note: null },
      { from: 'SUBMITTED', to: 'UNDER_REVIEW', actorId: 'editor-1', note: null },
      { from: 'UNDER_REVIEW', to: 'PUBLISHED', actorId: 'editor-2', note: 'Welcome.' },
    ]);
    expect(await stepsOf(world, 'practice', id)).toHaveLength(4);

    const progress = { round: 1, completedUN: 1, completedNonUN: 2, readyForDecision: true };
    expect((await world.run(VIEW, { id }, ed)).data!.practice.reviewProgress).toEqual(progress);
    expect((await world.run(VIEW, { id }, alice)).data!.practice).toEqual({ id, status: 'PUBLISHED', history: null, reviewProgress: progress });
    expect((await world.run(VIEW, { id }, bob)).data!.practice).toEqual({ id, status: 'PUBLISHED', history: null, reviewProgress: null });
    expect((await world.run(VIEW, { id })).data!.practice).toEqual({ id, status: 'PUBLISHED', history: null, reviewProgress: null });
    const asReviewer = (await world.run(VIEW, { id }, await reviewer(r.un[0]))).data!.practice;
    expect(asReviewer).toEqual({ id, status: 'PUBLISHED', history: null, reviewProgress: null });
  });

  it('brings a published practice into lists, search and counts, with publishedAt', async () => {
    const word = uniqueWord('pub');
    const objective = 17;
    const LISTS = `query($text: String!, $n: Int!) { practices(filter: { text: $text }) { totalCount nodes { id } }
      objective(number: $n) { practices { totalCount } } }`;
    const before = (await world.run(LISTS, { text: word, n: objective })).data!;
    expect(before.practices).toEqual({ totalCount: 0, nodes: [] });
    const id = await readyPractice(world, alice, ed, r, { title: `Shelters ${word}`, objectives: [objective, 3] });
    const stillHidden = (await world.run(LISTS, { text: word, n: objective })).data!;
    expect(stillHidden).toEqual(before);
    expect((await world.run(LISTS, { text: word, n: objective }, bob)).data!).toEqual(before);

    const started = Date.now();
    const decided = ok(await world.run(M.decide, { id, decision: 'PUBLISH' }, ed));
    expect(decided.practice.status).toBe('PUBLISHED');
    // executeOperation hands back the DateTime as the scalar serialized it (a Date); JSON makes it ISO 8601.
    const publishedAt = new Date(JSON.parse(JSON.stringify(decided.practice.publishedAt))).getTime();
    expect(Math.abs(publishedAt - started)).toBeLessThan(60_000);

    const after = (await world.run(LISTS, { text: word, n: objective })).data!;
    expect(after.practices).toEqual({ totalCount: 1, nodes: [{ id }] });
    expect(after.objective.practices.totalCount).toBe(before.objective.practices.totalCount + 1);
    const [row] = await world.sql('SELECT rank_recency::text, published_at FROM practice WHERE id = $1', [id]);
    // The recency key is the publication instant in ms (rounded from µs), current in the same write.
    expect(Math.abs(Number(row.rank_recency) + publishedAt)).toBeLessThanOrEqual(1);
  });

  it('REQUEST_CHANGES: the member edits and resubmits into round 2, where round-1 reviews no longer count', async () => {
    const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    await submitPractice(world, alice, id);
    await reviewBy(world, ed, id, [
      { expertId: r.un[0], decision: 'REVISE', score: 3, comment: 'Say who pays.' },
      { expertId: r.nonUN[0], decision: 'REVISE', score: 2, comment: 'Add numbers.' },
      { expertId: r.nonUN[1], decision: 'REVISE', score: 3, comment: 'Shorter, please.' },
    ]);
    const REVIEWS = `query($id: ID!) { practice(id: $id) { reviews { comment round reviewer { id } } reviewProgress { round completedUN completedNonUN readyForDecision recommendation } } }`;
    // While under review the submitter reads no review.
    expect((await world.run(REVIEWS, { id }, alice)).data!.practice.reviews).toEqual([]);
    const publish = payloadOf(await writesNothing(() => world.run(M.decide, { id, decision: 'PUBLISH' }, ed)));
    expect(codesAndFields(publish.errors)).toEqual([{ code: 'ROSTER_RULE_NOT_MET', field: null }]);
    expect(publish.errors[0].message).toContain('recommend REVISE');

    const changes = ok(await world.run(M.decide, { id, decision: 'REQUEST_CHANGES', note: 'See the reviews.' }, ed));
    expect(changes.practice.status).toBe('CHANGES_REQUESTED');
    const comments = ['Say who pays.', 'Add numbers.', 'Shorter, please.'];
    const forAlice = (await world.run(REVIEWS, { id }, alice)).data!.practice;
    expect(forAlice.reviews).toEqual(comments.map((comment) => ({ comment, round: 1, reviewer: null })));
    const forEditor = (await world.run(REVIEWS, { id }, ed)).data!.practice;
    expect(forEditor.reviews.map((x: { reviewer: { id: string } }) => x.reviewer.id)).toEqual([r.un[0], r.nonUN[0], r.nonUN[1]]);
    expect((await world.run(REVIEWS, { id }, bob)).data!.practice).toBeNull();

    ok(await world.run(M.updatePractice, { id, input: { summary: 'Who pays, with numbers.' } }, alice));
    const resubmitted = await submitPractice(world, alice, id);
    expect(resubmitted.reviewProgress).toEqual({ round: 2, completedUN: 0, completedNonUN: 0, readyForDecision: false, needsAdditionalReviewer: false, recommendation: null });
    // The submitter still reads round 1, not who wrote it.
    expect((await world.run(REVIEWS, { id }, alice)).data!.practice.reviews).toEqual(comments.map((comment) => ({ comment, round: 1, reviewer: null })));

    // The same experts may review round 2; round 1 does not count toward it.
    const [a] = await reviewBy(world, ed, id, [{ expertId: r.un[0], decision: 'APPROVE', comment: 'Better.' }]);
    expect(a).toBeDefined();
    const round2 = (await world.run(REVIEWS, { id }, ed)).data!.practice;
    expect(round2.reviewProgress).toEqual({ round: 2, completedUN: 1, completedNonUN: 0, readyForDecision: false, recommendation: null });
    expect(round2.reviews.map((x: { round: number }) => x.round)).toEqual([1, 1, 1, 2]);
    // A round-2 review stays hidden from the submitter while round 2 runs.
    expect((await world.run(REVIEWS, { id }, alice)).data!.practice.reviews).toHaveLength(3);
    const early = payloadOf(await writesNothing(() => world.run(M.decide, { id, decision: 'PUBLISH' }, ed)));
    expect(codesAndFields(early.errors)).toEqual([{ code: 'ROSTER_RULE_NOT_MET', field: null }]);
    expect(early.errors[0].message).toContain('Round 2 has 1 UN and 0 non-UN');

    await reviewBy(world, ed, id, [{ expertId: r.nonUN[0], decision: 'APPROVE' }, { expertId: r.nonUN[1], decision: 'APPROVE' }]);
    const published = ok(await world.run(M.decide, { id, decision: 'PUBLISH' }, ed));
    expect(published.practice.status).toBe('PUBLISHED');
    expect((await stepsOf(world, 'practice', id)).map((s) => `${s.from}>${s.to}`)).toEqual([
      'null>DRAFT', 'DRAFT>SUBMITTED', 'SUBMITTED>UNDER_REVIEW', 'UNDER_REVIEW>CHANGES_REQUESTED', 'CHANGES_REQUESTED>SUBMITTED', 'SUBMITTED>UNDER_REVIEW', 'UNDER_REVIEW>PUBLISHED',
    ]);
  });

  it('REJECT ends the practice: deciding, editing or submitting again is INVALID_TRANSITION', async () => {
    const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    await submitPractice(world, alice, id);
    const publishSubmitted = payloadOf(await writesNothing(() => world.run(M.decide, { id, decision: 'PUBLISH' }, ed)));
    expect(codesAndFields(publishSubmitted.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: null }]);
    expect(publishSubmitted.errors[0].message).toBe('Cannot publish: the practice is SUBMITTED; this needs UNDER_REVIEW.');

    const rejected = ok(await world.run(M.decide, { id, decision: 'REJECT', note: 'Out of scope.' }, ed));
    expect(rejected.practice.status).toBe('REJECTED');
    expect(rejected.practice.publishedAt).toBeNull();
    for (const decision of ['PUBLISH', 'REQUEST_CHANGES', 'REJECT']) {
      const again = payloadOf(await writesNothing(() => world.run(M.decide, { id, decision }, ed2)));
      expect(codesAndFields(again.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: null }]);
      expect(again.errors[0].message).toMatch(/the practice is REJECTED/);
    }
    const edit = payloadOf(await writesNothing(() => world.run(M.updatePractice, { id, input: { title: 'Again' } }, alice)));
    expect(codesAndFields(edit.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: null }]);
    const resubmit = payloadOf(await writesNothing(() => world.run(M.submitPractice, { id }, alice)));
    expect(codesAndFields(resubmit.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: null }]);
    // The submitter of a rejected practice may read why; others may not read it at all.
    expect((await world.run(`query($id: ID!) { practice(id: $id) { status } }`, { id }, alice)).data!.practice).toEqual({ status: 'REJECTED' });
    expect((await world.run(`query($id: ID!) { practice(id: $id) { status } }`, { id })).data!.practice).toBeNull();
  });

  it('an editor who wrote a practice may not decide on it: CONFLICT_OF_INTEREST, and another editor may', async () => {
    const author = await principalFromToken({ sub: 'editor-author', roles: [Role.MEMBER, Role.EDITOR] });
    const id = await createPracticeDraft(world, author, completePracticeInput(r.orgs[0]));
    await submitPractice(world, author, id);
    const own = payloadOf(await writesNothing(() => world.run(M.decide, { id, decision: 'REJECT' }, author)));
    expect(codesAndFields(own.errors)).toEqual([{ code: 'CONFLICT_OF_INTEREST', field: ['subjectId'] }]);
    expect(own.errors[0].message).toBe('You wrote this practice: another editor must decide on it.');
    expect(ok(await world.run(M.decide, { id, decision: 'REJECT' }, ed)).practice.status).toBe('REJECTED');
  });

  it('decide answers NOT_FOUND for unknown, malformed and resource ids, and a bad note is INVALID_INPUT', async () => {
    const resource = await createResourceDraft(world, alice, completeResourceInput());
    for (const id of [randomUUID(), 'practice-1', resource]) {
      const result = payloadOf(await writesNothing(() => world.run(M.decide, { id, decision: 'REJECT' }, ed)));
      expect(codesAndFields(result.errors)).toEqual([{ code: 'NOT_FOUND', field: ['subjectId'] }]);
    }
    const id = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    await submitPractice(world, alice, id);
    const note = payloadOf(await writesNothing(() => world.run(M.decide, { id, decision: 'REJECT', note: 'x'.repeat(5001) }, ed)));
    expect(codesAndFields(note.errors)).toEqual([{ code: 'INVALID_INPUT', field: ['note'] }]);
  });
});

describe('statements per mutation', () => {
  const table = new StatementTable();

  afterAll(() => {
    console.log(table.format('Statements per mutation (happy path, selection sets of test/workflow/workflow-fixtures.ts M)'));
  });

  it('stays within bounds on the happy path of every workflow mutation', async () => {
    const rec = (name: string, result: Parameters<StatementTable['record']>[1]) => {
      table.record(name, result);
      return ok(result);
    };
    const callId = rec('createCallForPractices', await world.run(M.createCall, { input: { title: `Call ${uniqueWord()}`, theme: 'Children', objectives: [10, 12], opensOn: '2020-01-01', deadline: todayUtc(5) } }, ed)).call.id;
    const id = rec('createPractice', await world.run(M.createPractice, { input: completePracticeInput(r.orgs[0], { callId, objectives: [10, 12], regions: ['150'], partners: [r.orgs[1]] }) }, alice)).practice.id;
    rec('updatePractice', await world.run(M.updatePractice, { id, input: { title: 'Updated', objectives: [10, 11, 12], countries: ['FRA', 'CHE'] } }, alice));
    rec('submitPractice', await world.run(M.submitPractice, { id }, alice));
    const experts = [r.un[0], r.nonUN[0], r.nonUN[1]];
    const assignments: string[] = [];
    for (const expertId of experts) assignments.push(rec('assignReviewer', await world.run(M.assignReviewer, { subjectId: id, expertId, dueOn: todayUtc(14) }, ed)).assignment.id);
    const extra = rec('assignReviewer', await world.run(M.assignReviewer, { subjectId: id, expertId: r.nonUN[2] }, ed)).assignment.id;
    rec('withdrawAssignment', await world.run(M.withdrawAssignment, { id: extra }, ed));
    for (const [i, expertId] of experts.entries()) {
      const as = await reviewer(expertId);
      rec('respondToAssignment (accept)', await world.run(M.respond, { id: assignments[i], accept: true, coi: { hasConflict: false } }, as));
      rec('submitReview', await world.run(M.submitReview, { id: assignments[i], input: { decision: 'APPROVE', score: 4, comment: 'Fine.' } }, as));
    }
    const declined = await assign(world, ed, id, r.nonUN[3]);
    rec('respondToAssignment (decline)', await world.run(M.respond, { id: declined, accept: false, coi: { hasConflict: false } }, await reviewer(r.nonUN[3])));
    rec('decide (PUBLISH)', await world.run(M.decide, { id, decision: 'PUBLISH', note: 'Good.' }, ed));

    const other = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    await submitPractice(world, alice, other);
    rec('decide (REQUEST_CHANGES)', await world.run(M.decide, { id: other, decision: 'REQUEST_CHANGES' }, ed));
    await submitPractice(world, alice, other);
    rec('decide (REJECT)', await world.run(M.decide, { id: other, decision: 'REJECT' }, ed));

    const res = rec('createResource', await world.run(M.createResource, { input: completeResourceInput({ regions: ['002'], publisherId: r.orgs[0] }) }, alice)).resource.id;
    rec('updateResource', await world.run(M.updateResource, { id: res, input: { title: 'Updated', objectives: [1, 2] } }, alice));
    rec('submitResource', await world.run(M.submitResource, { id: res }, alice));
    await reviewBy(world, ed, res, experts.map((expertId) => ({ expertId, decision: 'APPROVE' })));
    rec('decideResource (PUBLISH)', await world.run(M.decideResource, { id: res, decision: 'PUBLISH' }, ed));

    // Bounds that hold with these selection sets (each includes objectives and reviewProgress).
    expect(table.max('createCallForPractices')).toBeLessThanOrEqual(5);
    expect(table.max('createPractice')).toBeLessThanOrEqual(9);
    expect(table.max('updatePractice')).toBeLessThanOrEqual(9);
    expect(table.max('submitPractice')).toBeLessThanOrEqual(9);
    expect(table.max('assignReviewer')).toBeLessThanOrEqual(8);
    expect(table.max('withdrawAssignment')).toBeLessThanOrEqual(5);
    expect(table.max('respondToAssignment (accept)')).toBeLessThanOrEqual(5);
    expect(table.max('respondToAssignment (decline)')).toBeLessThanOrEqual(5);
    expect(table.max('submitReview')).toBeLessThanOrEqual(7);
    expect(table.max('decide (PUBLISH)')).toBeLessThanOrEqual(9);
    expect(table.max('decide (REQUEST_CHANGES)')).toBeLessThanOrEqual(9);
    expect(table.max('decide (REJECT)')).toBeLessThanOrEqual(9);
    expect(table.max('createResource')).toBeLessThanOrEqual(9);
    expect(table.max('updateResource')).toBeLessThanOrEqual(9);
    expect(table.max('submitResource')).toBeLessThanOrEqual(9);
    expect(table.max('decideResource (PUBLISH)')).toBeLessThanOrEqual(9);
  });
});
