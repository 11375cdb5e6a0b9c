import { randomUUID } from 'node:crypto';
import { Role, type Principal } from '../../src/auth/principal';
import type { HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, principalFromToken, startTestServer } from '../support/graphql';

/** The peer review roster: applying, deciding, and reading it (editors). */
describe('review roster', () => {
  let db: TestDatabase;
  let server: HubServer;
  let editor: Principal;
  let member: Principal;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 17, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    editor = await principalFromToken({ sub: 'roster-editor', roles: [Role.EDITOR] });
    member = await principalFromToken({ sub: 'roster-member', roles: [Role.MEMBER] });
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const APPLY = `mutation($input: RosterApplicationInput!) { applyToReviewRoster(input: $input) {
    application { id status submittedAt name affiliation isUN expertise motivation expertId } errors { code message field } } }`;
  const DECIDE = `mutation($id: ID!, $approve: Boolean!) { decideRosterApplication(id: $id, approve: $approve) {
    application { id status expertId expertise } errors { code message field } } }`;
  const valid = (over: Record<string, unknown> = {}) => ({ name: 'Dr. Ada Ruiz', affiliation: 'University of Lima', isUN: false, expertise: [5, 10], motivation: 'I evaluate labour migration programmes.', ...over });
  const apply = (principal: Principal | undefined, input: Record<string, unknown>) => execute(server, db.dataSource, APPLY, { input }, principal ? { principal } : {});
  const decide = (principal: Principal, id: string, approve: boolean) => execute(server, db.dataSource, DECIDE, { id, approve }, { principal });
  const applicationsOf = async (applicant: string) =>
    (await db.dataSource.query('SELECT status FROM roster_application WHERE applicant_id = $1', [applicant])).map((r: { status: string }) => r.status);
  const asMember = (sub: string) => principalFromToken({ sub, roles: [Role.MEMBER] });

  describe('applyToReviewRoster', () => {
    it('records a pending application of the token subject and answers it', async () => {
      const applicant = await asMember('applicant-ok');
      const { data, errors } = await apply(applicant, valid({ name: '  Dr. Ada Ruiz  ', expertise: [10, 5, 10] }));
      expect(errors).toBeUndefined();
      expect(data!.applyToReviewRoster).toEqual({
        application: {
          id: expect.any(String), status: 'PENDING', submittedAt: expect.anything(), name: 'Dr. Ada Ruiz', affiliation: 'University of Lima', isUN: false,
          expertise: [10, 5], motivation: 'I evaluate labour migration programmes.', expertId: null,
        },
        errors: [],
      });
      expect(await applicationsOf('applicant-ok')).toEqual(['PENDING']);
    });

    it.each([
      ['a blank name', { name: '   ' }, ['input', 'name'], /name must not be blank/],
      ['a blank affiliation', { affiliation: '' }, ['input', 'affiliation'], /affiliation must not be blank/],
      ['an empty expertise', { expertise: [] }, ['input', 'expertise'], /at least one objective/],
      ['objective 24', { expertise: [24] }, ['input', 'expertise'], /objective numbers from 1 to 23; got 24/],
      ['24 objectives', { expertise: Array.from({ length: 24 }, (_, i) => (i % 23) + 1) }, ['input', 'expertise'], /at most 23 values; got 24/],
      ['a motivation of 5001 characters', { motivation: 'm'.repeat(5001) }, ['input', 'motivation'], /at most 5000 characters; got 5001/],
      ['a name of 301 characters', { name: 'n'.repeat(301) }, ['input', 'name'], /at most 300 characters/],
    ])('refuses %s with INVALID_INPUT on its field, writing nothing', async (_what, over, field, message) => {
      const sub = `applicant-${randomUUID()}`;
      const { data, errors } = await apply(await asMember(sub), valid(over));
      expect(errors).toBeUndefined();
      expect(data!.applyToReviewRoster).toEqual({ application: null, errors: [{ code: 'INVALID_INPUT', message: expect.stringMatching(message), field }] });
      expect(await applicationsOf(sub)).toEqual([]);
    });

    it('reports every invalid field at once', async () => {
      const { data } = await apply(await asMember('applicant-many'), valid({ name: ' ', expertise: [], motivation: '' }));
      expect(data!.applyToReviewRoster.errors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(['input.name', 'input.motivation', 'input.expertise']);
    });

    it('a second pending application is ALREADY_APPLIED; the first stays', async () => {
      const applicant = await asMember('applicant-twice');
      expect((await apply(applicant, valid())).data!.applyToReviewRoster.errors).toEqual([]);
      const { data, errors } = await apply(applicant, valid({ name: 'Again' }));
      expect(errors).toBeUndefined();
      expect(data!.applyToReviewRoster).toEqual({ application: null, errors: [{ code: 'ALREADY_APPLIED', message: expect.stringMatching(/already have a pending application/), field: null }] });
      expect(await applicationsOf('applicant-twice')).toEqual(['PENDING']);
    });

    it('two concurrent applications by one person: exactly one is recorded', async () => {
      const applicant = await asMember('applicant-race');
      const results = await Promise.all([apply(applicant, valid()), apply(applicant, valid())]);
      const codes = results.map((r) => (r.data!.applyToReviewRoster.errors[0]?.code ?? 'OK')).sort();
      expect(codes).toEqual(['ALREADY_APPLIED', 'OK']);
      expect(await applicationsOf('applicant-race')).toEqual(['PENDING']);
    });

    it('someone already on the roster (expertId in the token) is ALREADY_ON_ROSTER', async () => {
      const [{ id: expertId }] = await db.dataSource.query('SELECT id FROM expert LIMIT 1');
      const reviewer = await principalFromToken({ sub: 'applicant-expert', roles: [Role.MEMBER, Role.REVIEWER], expertId });
      const { data } = await apply(reviewer, valid());
      expect(data!.applyToReviewRoster).toEqual({ application: null, errors: [{ code: 'ALREADY_ON_ROSTER', message: 'This person is already on the review roster.', field: null }] });
      expect(await applicationsOf('applicant-expert')).toEqual([]);
    });

    it('is for members: anonymous UNAUTHENTICATED, a reviewer-only token FORBIDDEN', async () => {
      const anonymous = await apply(undefined, valid());
      expect(anonymous.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
      const reviewer = await principalFromToken({ sub: 'applicant-reviewer', roles: [Role.REVIEWER] });
      const forbidden = await apply(reviewer, valid());
      expect(forbidden.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Only MEMBER may apply to the review roster/), extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
      expect(await applicationsOf('applicant-reviewer')).toEqual([]);
    });
  });

  describe('decideRosterApplication', () => {
    const newApplication = async (sub: string, over: Record<string, unknown> = {}) => {
      const { data } = await apply(await asMember(sub), valid(over));
      expect(data!.applyToReviewRoster.errors).toEqual([]);
      return data!.applyToReviewRoster.application.id as string;
    };

    it('approving makes the applicant a roster expert with their expertise, and the token subject theirs', async () => {
      const id = await newApplication('applicant-approved', { name: 'Dr. Kofi Mensah', isUN: true, expertise: [3, 21] });
      const { data, errors } = await decide(editor, id, true);
      expect(errors).toBeUndefined();
      const decided = data!.decideRosterApplication;
      expect(decided).toEqual({ application: { id, status: 'APPROVED', expertId: expect.any(String), expertise: [3, 21] }, errors: [] });
      const expertId = decided.application.expertId;
      const roster = await execute(server, db.dataSource, `{ experts(objective: 21, isUN: true, first: 100) { nodes { id name isUN affiliation expertise { number } } } }`, {}, { principal: editor });
      expect(roster.errors).toBeUndefined();
      expect(roster.data!.experts.nodes).toContainEqual({ id: expertId, name: 'Dr. Kofi Mensah', isUN: true, affiliation: 'University of Lima', expertise: [{ number: 3 }, { number: 21 }] });
      const three = await execute(server, db.dataSource, `{ experts(objective: 3, first: 100) { nodes { id } } }`, {}, { principal: editor });
      expect(three.data!.experts.nodes).toContainEqual({ id: expertId });
      const [row] = await db.dataSource.query('SELECT principal_id, decided_by, decided_at IS NOT NULL AS decided FROM roster_application a JOIN expert e ON e.id = a.expert_id WHERE a.id = $1', [id]);
      expect(row).toEqual({ principal_id: 'applicant-approved', decided_by: 'roster-editor', decided: true });
      // The new expert, with expertId in their token, sees themself and is on the roster.
      const reviewer = await principalFromToken({ sub: 'applicant-approved', roles: [Role.MEMBER, Role.REVIEWER], expertId });
      const me = await execute(server, db.dataSource, '{ viewer { expert { id name } } }', {}, { principal: reviewer });
      expect(me.data!.viewer.expert).toEqual({ id: expertId, name: 'Dr. Kofi Mensah' });
      // Applying again, even with a token that lacks the expertId, is ALREADY_ON_ROSTER.
      const again = await apply(await asMember('applicant-approved'), valid());
      expect(again.data!.applyToReviewRoster.errors.map((e: { code: string }) => e.code)).toEqual(['ALREADY_ON_ROSTER']);
    });

    it('declining records the decision and creates no expert', async () => {
      const id = await newApplication('applicant-declined');
      const experts = Number((await db.dataSource.query('SELECT count(*) AS n FROM expert'))[0].n);
      const { data } = await decide(editor, id, false);
      expect(data!.decideRosterApplication).toEqual({ application: { id, status: 'DECLINED', expertId: null, expertise: [5, 10] }, errors: [] });
      expect(Number((await db.dataSource.query('SELECT count(*) AS n FROM expert'))[0].n)).toBe(experts);
      // A declined applicant may apply again.
      expect((await apply(await asMember('applicant-declined'), valid())).data!.applyToReviewRoster.errors).toEqual([]);
    });

    it('deciding twice is INVALID_TRANSITION, and the first decision stands', async () => {
      const id = await newApplication('applicant-decided-twice');
      expect((await decide(editor, id, false)).data!.decideRosterApplication.errors).toEqual([]);
      const { data } = await decide(editor, id, true);
      expect(data!.decideRosterApplication).toEqual({ application: null, errors: [{ code: 'INVALID_TRANSITION', message: 'This application was already DECLINED.', field: ['id'] }] });
      const [row] = await db.dataSource.query('SELECT status, expert_id FROM roster_application WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'DECLINED', expert_id: null });
    });

    it('two concurrent approvals: one approves, the other is INVALID_TRANSITION, one expert', async () => {
      const id = await newApplication('applicant-race-approve');
      const experts = Number((await db.dataSource.query('SELECT count(*) AS n FROM expert'))[0].n);
      const results = await Promise.all([decide(editor, id, true), decide(editor, id, true)]);
      expect(results.map((r) => r.data!.decideRosterApplication.errors[0]?.code ?? 'OK').sort()).toEqual(['INVALID_TRANSITION', 'OK']);
      expect(Number((await db.dataSource.query('SELECT count(*) AS n FROM expert'))[0].n)).toBe(experts + 1);
    });

    it('an unknown or malformed id is NOT_FOUND', async () => {
      for (const id of [randomUUID(), 'not-an-id']) {
        const { data, errors } = await decide(editor, id, true);
        expect(errors).toBeUndefined();
        expect(data!.decideRosterApplication).toEqual({ application: null, errors: [{ code: 'NOT_FOUND', message: `No roster application has the id "${id}".`, field: ['id'] }] });
      }
    });

    it('is for editors: a member FORBIDDEN, anonymous UNAUTHENTICATED, nothing decided', async () => {
      const id = await newApplication('applicant-member-decides');
      const forbidden = await decide(member, id, true);
      expect(forbidden.data).toBeNull();
      expect(forbidden.errors).toEqual([expect.objectContaining({ message: 'Only EDITOR may decide on roster applications; your token has MEMBER.', extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
      const anonymous = await execute(server, db.dataSource, DECIDE, { id, approve: true });
      expect(anonymous.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
      expect(await applicationsOf('applicant-member-decides')).toEqual(['PENDING']);
    });
  });

  describe('rosterApplications', () => {
    it('lists applications oldest first, by status, for editors only', async () => {
      const all = await execute(server, db.dataSource, '{ rosterApplications(first: 100) { id status submittedAt } }', {}, { principal: editor });
      expect(all.errors).toBeUndefined();
      const rows = await db.dataSource.query('SELECT id FROM roster_application ORDER BY submitted_at, id');
      expect(all.data!.rosterApplications.map((a: { id: string }) => a.id)).toEqual(rows.map((r: { id: string }) => r.id));
      const pending = await execute(server, db.dataSource, '{ rosterApplications(status: PENDING, first: 100) { status } }', {}, { principal: editor });
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM roster_application WHERE status = 'PENDING'`);
      expect(pending.data!.rosterApplications).toEqual(Array.from({ length: n }, () => ({ status: 'PENDING' })));
      const two = await execute(server, db.dataSource, '{ rosterApplications(first: 2) { id } }', {}, { principal: editor });
      expect(two.data!.rosterApplications).toHaveLength(2);
    });
  });

  describe('experts', () => {
    const page = async (args: string) => {
      const { data, errors } = await execute(server, db.dataSource, `{ experts(${args}) { totalCount nodes { id name isUN expertise { number } } pageInfo { hasNextPage endCursor } } }`, {}, { principal: editor });
      expect(errors).toBeUndefined();
      return data!.experts;
    };
    const walk = async (filter: string, size: number) => {
      const seen: { id: string; name: string; isUN: boolean; expertise: { number: number }[] }[] = [];
      let after: string | null = null;
      let totalCount = -1;
      for (let i = 0; i < 100; i++) {
        const p: any = await page(`${filter} first: ${size}${after ? `, after: "${after}"` : ''}`);
        totalCount = p.totalCount;
        seen.push(...p.nodes);
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      return { seen, totalCount };
    };

    it.each([
      ['the whole roster', '', 'true', 3],
      ['UN experts', 'isUN: true,', 'is_un', 2],
      ['non-UN experts of objective 10', 'isUN: false, objective: 10,', 'NOT is_un AND EXISTS (SELECT 1 FROM expert_expertise x WHERE x.expert_id = e.id AND x.objective_number = 10)', 1],
    ])('pages through %s by name without a repeat or a gap', async (_what, filter, where, size) => {
      // Two experts with the same name, so the id breaks the tie between pages.
      await db.dataSource.query(`INSERT INTO expert (id, name, is_un) VALUES ($1, 'Tie Name', true), ($2, 'Tie Name', true) ON CONFLICT DO NOTHING`,
        ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
      const expected = await db.dataSource.query(`SELECT e.id FROM expert e WHERE ${where} ORDER BY e.name COLLATE "C", e.id`);
      expect(expected.length).toBeGreaterThan(size);
      const { seen, totalCount } = await walk(filter, size);
      expect(totalCount).toBe(expected.length);
      expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
      expect(seen.map((e) => e.id).sort()).toEqual(expected.map((e: { id: string }) => e.id).sort());
      const names = seen.map((e) => e.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      if (filter.includes('isUN: true')) expect(seen.every((e) => e.isUN)).toBe(true);
      if (filter.includes('objective: 10')) expect(seen.every((e) => !e.isUN && e.expertise.some((o) => o.number === 10))).toBe(true);
    });

    it('a cursor of one filter is refused for another', async () => {
      const first = await page('isUN: true, first: 1');
      const { errors } = await execute(server, db.dataSource, `{ experts(isUN: false, first: 1, after: "${first.pageInfo.endCursor}") { nodes { id } } }`, {}, { principal: editor });
      expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'after' }) })]);
    });

    it('an objective outside 1..23 is BAD_USER_INPUT', async () => {
      const { errors } = await execute(server, db.dataSource, '{ experts(objective: 24) { totalCount } }', {}, { principal: editor });
      expect(errors).toEqual([expect.objectContaining({ message: 'objective must be from 1 to 23; got 24.', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'objective' }) })]);
    });
  });
});
