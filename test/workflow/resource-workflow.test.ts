/**
 * Resources through the same workflow as practices: roles, input checks (the URL above all),
 * the submission criterion, the roster rule on decideResource, publication into the lists.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/auth/principal';
import {
  completePracticeInput, completeResourceInput, createPracticeDraft, createResourceDraft, editor, graphqlCodes, M, member, ok, payloadOf, readyResource,
  refs, reviewBy, reviewerOnly, rowCounts, startWorld, stepsOf, submitPractice, uniqueWord, type Refs, type World,
} from './workflow-fixtures';

let world: World;
let r: Refs;
let alice: Principal;
let bob: Principal;
let ed: Principal;

beforeAll(async () => {
  world = await startWorld(31);
  r = await refs(world);
  [alice, bob, ed] = await Promise.all([member('member-alice'), member('member-bob'), editor('editor-1')]);
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

describe('roles', () => {
  it('refuses anonymous callers, editors creating and members deciding', async () => {
    const anonymous = await writesNothing(async () => world.run(M.createResource, { input: completeResourceInput() }));
    expect(graphqlCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    for (const principal of [ed, await reviewerOnly()]) {
      const result = await writesNothing(async () => world.run(M.createResource, { input: completeResourceInput() }, principal));
      expect(graphqlCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors![0].message).toContain('Only MEMBER may create resources');
    }
    const id = await createResourceDraft(world, alice, completeResourceInput());
    expect(graphqlCodes(await writesNothing(async () => world.run(M.submitResource, { id }, ed)))).toEqual(['FORBIDDEN']);
    ok(await world.run(M.submitResource, { id }, alice));
    const byMember = await writesNothing(async () => world.run(M.decideResource, { id, decision: 'REJECT' }, alice));
    expect(graphqlCodes(byMember)).toEqual(['FORBIDDEN']);
    expect(byMember.errors![0].message).toContain('Only EDITOR may decide on resources');
    expect(graphqlCodes(await writesNothing(async () => world.run(M.decideResource, { id, decision: 'REJECT' })))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('createResource input checks', () => {
  const cases: [string, Record<string, unknown>, { code: string; field: string[] }[], RegExp | null][] = [
    ['nothing', {}, ['title', 'summary', 'type', 'url', 'scope'].map((f) => ({ code: 'INVALID_INPUT', field: ['input', f] })), /url is required to create a resource draft/],
    ['no url', completeResourceInput({ url: null }), [{ code: 'INVALID_INPUT', field: ['input', 'url'] }], null],
    ['no type', completeResourceInput({ type: undefined }), [{ code: 'INVALID_INPUT', field: ['input', 'type'] }], null],
    ['an ftp url', completeResourceInput({ url: 'ftp://x' }), [{ code: 'INVALID_INPUT', field: ['input', 'url'] }], /must be an http or https address; got "ftp:\/\/x\/?"/],
    ['a javascript: url', completeResourceInput({ url: 'javascript:alert(1)' }), [{ code: 'INVALID_INPUT', field: ['input', 'url'] }], /http or https/],
    ['a url of 2001 characters', completeResourceInput({ url: `https://example.org/${'a'.repeat(1981)}` }), [{ code: 'INVALID_INPUT', field: ['input', 'url'] }], /at most 2000/],
    ['a 301-character title', completeResourceInput({ title: 'r'.repeat(301) }), [{ code: 'INVALID_INPUT', field: ['input', 'title'] }], null],
    ['a 5001-character summary', completeResourceInput({ summary: 's'.repeat(5001) }), [{ code: 'INVALID_INPUT', field: ['input', 'summary'] }], null],
    ['objective 24', completeResourceInput({ objectives: [24] }), [{ code: 'INVALID_INPUT', field: ['input', 'objectives'] }], null],
    ['101 regions', completeResourceInput({ regions: Array.from({ length: 101 }, () => '002') }), [{ code: 'INVALID_INPUT', field: ['input', 'regions'] }], null],
    ['an unknown region', completeResourceInput({ regions: ['999'] }), [{ code: 'NOT_FOUND', field: ['input', 'regions'] }], /"999"/],
    ['an unknown publisher', completeResourceInput({ publisherId: randomUUID() }), [{ code: 'NOT_FOUND', field: ['input', 'publisherId'] }], null],
    ['a malformed publisher', completeResourceInput({ publisherId: 'org-1' }), [{ code: 'NOT_FOUND', field: ['input', 'publisherId'] }], /"org-1"/],
  ];

  it.each(cases)('refuses %s and writes nothing', async (_name, input, expected, message) => {
    const p = payloadOf(await writesNothing(async () => world.run(M.createResource, { input }, alice)));
    expect(p.resource).toBeNull();
    expect(codesAndFields(p.errors)).toEqual(expected);
    if (message) expect(p.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(message);
  });

  it('refuses a url that is no URL at all as a GraphQL input error (the URL scalar), and writes nothing', async () => {
    const asVariable = await writesNothing(async () => world.run(M.createResource, { input: completeResourceInput({ url: 'not a url' }) }, alice));
    expect(asVariable.data).toBeUndefined();
    expect(graphqlCodes(asVariable)).toEqual(['BAD_USER_INPUT']);
    expect(asVariable.errors![0].message).toContain('url');
    const inline = await writesNothing(async () => world.run(`mutation { createResource(input: { title: "T", summary: "S", type: TOOLKIT, url: "not a url", scope: GLOBAL }) { resource { id } errors { code } } }`, {}, alice));
    expect(graphqlCodes(inline)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('stores an FR resource with English filled in, and an update of the objectives alone', async () => {
    const created = ok(await world.run(M.createResource, { input: completeResourceInput({ locale: 'FR', title: 'Boîte à outils', objectives: [1] }) }, alice));
    const id = created.resource.id;
    expect(created.resource).toMatchObject({ status: 'DRAFT', title: 'Boîte à outils', url: 'https://example.org/toolkit', type: 'TOOLKIT', objectives: [{ number: 1 }] });
    expect(await world.sql('SELECT title FROM resource WHERE id = $1', [id])).toEqual([{ title: { en: 'Boîte à outils', fr: 'Boîte à outils' } }]);
    const updated = ok(await world.run(M.updateResource, { id, input: { objectives: [2, 3] } }, alice));
    expect(updated.resource.objectives).toEqual([{ number: 2 }, { number: 3 }]);
    expect(await world.sql('SELECT objective_count, title FROM resource WHERE id = $1', [id])).toEqual([{ objective_count: 2, title: { en: 'Boîte à outils', fr: 'Boîte à outils' } }]);
    const retitled = ok(await world.run(M.updateResource, { id, input: { locale: 'EN', title: 'Toolkit', url: 'https://example.org/v2' } }, alice));
    expect(retitled.resource).toMatchObject({ title: 'Toolkit', url: 'https://example.org/v2' });
    expect(await world.sql('SELECT title FROM resource WHERE id = $1', [id])).toEqual([{ title: { en: 'Toolkit', fr: 'Boîte à outils' } }]);
    const badUrl = payloadOf(await writesNothing(async () => world.run(M.updateResource, { id, input: { url: 'ftp://example.org/file' } }, alice)));
    expect(codesAndFields(badUrl.errors)).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'url'] }]);
  });
});

describe('updateResource and submitResource', () => {
  it('lets only the author edit, in DRAFT or CHANGES_REQUESTED', async () => {
    const id = await createResourceDraft(world, alice, completeResourceInput());
    const other = payloadOf(await writesNothing(async () => world.run(M.updateResource, { id, input: { title: 'Mine' } }, bob)));
    expect(codesAndFields(other.errors)).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
    const otherSubmit = payloadOf(await writesNothing(async () => world.run(M.submitResource, { id }, bob)));
    expect(codesAndFields(otherSubmit.errors)).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
    ok(await world.run(M.submitResource, { id }, alice));
    const late = payloadOf(await writesNothing(async () => world.run(M.updateResource, { id, input: { title: 'Late' } }, alice)));
    expect(late.errors).toEqual([{ code: 'INVALID_TRANSITION', field: null, message: 'Cannot edit the resource: the resource is SUBMITTED; this needs DRAFT or CHANGES_REQUESTED.' }]);
    const twice = payloadOf(await writesNothing(async () => world.run(M.submitResource, { id }, alice)));
    expect(codesAndFields(twice.errors)).toEqual([{ code: 'INVALID_TRANSITION', field: null }]);
  });

  it('refuses a submission without objectives (CRITERIA_NOT_MET) and keeps the DRAFT', async () => {
    const id = await createResourceDraft(world, alice, completeResourceInput({ objectives: undefined }));
    const refused = payloadOf(await writesNothing(async () => world.run(M.submitResource, { id }, alice)));
    expect(refused).toEqual({ resource: null, errors: [{ code: 'CRITERIA_NOT_MET', field: ['input', 'objectives'], message: 'A resource must relate to at least one objective of the Global Compact.' }] });
    ok(await world.run(M.updateResource, { id, input: { objectives: [] } }, alice));
    expect(codesAndFields(payloadOf(await writesNothing(async () => world.run(M.submitResource, { id }, alice))).errors)).toEqual([{ code: 'CRITERIA_NOT_MET', field: ['input', 'objectives'] }]);
    expect(await world.sql('SELECT status, review_round FROM resource WHERE id = $1', [id])).toEqual([{ status: 'DRAFT', review_round: 0 }]);
    ok(await world.run(M.updateResource, { id, input: { objectives: [5] } }, alice));
    const submitted = ok(await world.run(M.submitResource, { id }, alice));
    expect(submitted.resource).toMatchObject({ status: 'SUBMITTED', reviewProgress: { round: 1, readyForDecision: false } });
  });
});

describe('decideResource', () => {
  it('publishes only when the roster rule is met, and then lists the resource for everyone', async () => {
    const word = uniqueWord('res');
    const LISTS = `query($text: String!) { resources(filter: { text: $text }) { totalCount nodes { id } } objective(number: 21) { resources { totalCount } } }`;
    const before = (await world.run(LISTS, { text: word })).data!;
    expect(before.resources.totalCount).toBe(0);

    const id = await createResourceDraft(world, alice, completeResourceInput({ title: `Guide ${word}`, objectives: [21] }));
    ok(await world.run(M.submitResource, { id }, alice));
    await reviewBy(world, ed, id, [{ expertId: r.nonUN[0], decision: 'APPROVE' }, { expertId: r.nonUN[1], decision: 'APPROVE' }]);
    const refused = payloadOf(await writesNothing(async () => world.run(M.decideResource, { id, decision: 'PUBLISH' }, ed)));
    expect(refused.errors).toEqual([{ code: 'ROSTER_RULE_NOT_MET', field: null,
      message: 'Round 1 has 0 UN and 2 non-UN completed reviews; publishing needs at least 1 UN and 2 non-UN reviews that agree.' }]);
    expect((await world.run(LISTS, { text: word })).data!).toEqual(before);

    await reviewBy(world, ed, id, [{ expertId: r.un[0], decision: 'APPROVE' }]);
    const published = ok(await world.run(M.decideResource, { id, decision: 'PUBLISH', note: 'Useful.' }, ed));
    expect(published.resource).toMatchObject({ status: 'PUBLISHED', reviewProgress: { round: 1, completedUN: 1, completedNonUN: 2, readyForDecision: true, recommendation: 'APPROVE' } });
    const after = (await world.run(LISTS, { text: word })).data!;
    expect(after.resources).toEqual({ totalCount: 1, nodes: [{ id }] });
    expect(after.objective.resources.totalCount).toBe(before.objective.resources.totalCount + 1);

    const VIEW = `query($id: ID!) { resource(id: $id) { status reviewProgress { round } history { from to actorId note } } }`;
    expect((await world.run(VIEW, { id }, ed)).data!.resource.history).toEqual([
      { from: null, to: 'DRAFT', actorId: 'member-alice', note: null },
      { from: 'DRAFT', to: 'SUBMITTED', actorId: 'member-alice', note: null },
      { from: 'SUBMITTED', to: 'UNDER_REVIEW', actorId: 'editor-1', note: null },
      { from: 'UNDER_REVIEW', to: 'PUBLISHED', actorId: 'editor-1', note: 'Useful.' },
    ]);
    expect((await world.run(VIEW, { id }, alice)).data!.resource).toEqual({ status: 'PUBLISHED', reviewProgress: { round: 1 }, history: null });
    expect((await world.run(VIEW, { id }, bob)).data!.resource).toEqual({ status: 'PUBLISHED', reviewProgress: null, history: null });
    expect((await world.run(VIEW, { id })).data!.resource).toEqual({ status: 'PUBLISHED', reviewProgress: null, history: null });

    const again = payloadOf(await writesNothing(async () => world.run(M.decideResource, { id, decision: 'REJECT' }, ed)));
    expect(again.errors).toEqual([{ code: 'INVALID_TRANSITION', field: null, message: 'Cannot reject: the resource is PUBLISHED; this needs SUBMITTED or UNDER_REVIEW.' }]);
  });

  it('sends a resource back for changes into round 2, and rejects', async () => {
    const id = await readyResource(world, alice, ed, r);
    ok(await world.run(M.decideResource, { id, decision: 'REQUEST_CHANGES' }, ed));
    ok(await world.run(M.updateResource, { id, input: { summary: 'Now with a glossary.' } }, alice));
    const resubmitted = ok(await world.run(M.submitResource, { id }, alice));
    expect(resubmitted.resource.reviewProgress).toEqual({ round: 2, completedUN: 0, completedNonUN: 0, readyForDecision: false, needsAdditionalReviewer: false, recommendation: null });
    const rejected = ok(await world.run(M.decideResource, { id, decision: 'REJECT' }, ed));
    expect(rejected.resource.status).toBe('REJECTED');
    expect((await stepsOf(world, 'resource', id)).map((s) => s.to)).toEqual(['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'SUBMITTED', 'REJECTED']);
  });

  it('answers NOT_FOUND for a practice id or an unknown id', async () => {
    const practice = await createPracticeDraft(world, alice, completePracticeInput(r.orgs[0]));
    await submitPractice(world, alice, practice);
    for (const id of [practice, randomUUID(), 'resource-1']) {
      const result = payloadOf(await writesNothing(async () => world.run(M.decideResource, { id, decision: 'REJECT' }, ed)));
      expect(codesAndFields(result.errors)).toEqual([{ code: 'NOT_FOUND', field: ['subjectId'] }]);
    }
  });
});
