import { Role, type Principal } from '../../src/auth/principal';
import type { HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, principalFromToken, startTestServer } from '../support/graphql';

/** Days from today (UTC) as YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('createCallForPractices', () => {
  let db: TestDatabase;
  let server: HubServer;
  let editor: Principal;
  let member: Principal;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 29, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    editor = await principalFromToken({ sub: 'calls-editor', roles: [Role.EDITOR] });
    member = await principalFromToken({ sub: 'calls-member', roles: [Role.MEMBER] });
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const CREATE = `mutation($input: CallForPracticesInput!) { createCallForPractices(input: $input) {
    call { id slug title theme opensOn deadline isOpen objectives { number } fr: title(locale: FR) } errors { code message field } } }`;
  const input = (over: Record<string, unknown> = {}) => ({
    title: 'Leave no child behind', theme: 'Children on the move', objectives: [7, 1, 7], opensOn: day(-10), deadline: day(10), ...over,
  });
  const create = (over: Record<string, unknown> = {}, principal: Principal | null = editor) =>
    execute(server, db.dataSource, CREATE, { input: input(over) }, principal ? { principal } : {});
  const counts = async () => {
    const [row] = await db.dataSource.query('SELECT (SELECT count(*)::int FROM call_for_practices) AS calls, (SELECT count(*)::int FROM call_for_practices_objective) AS links');
    return row as { calls: number; links: number };
  };
  const refused = async (over: Record<string, unknown>, errors: { code: string; message: string | RegExp; field: string[] | null }[]) => {
    const before = await counts();
    const result = await create(over);
    expect(result.errors).toBeUndefined();
    expect(result.data!.createCallForPractices).toEqual({
      call: null,
      errors: errors.map((e) => ({ ...e, message: e.message instanceof RegExp ? expect.stringMatching(e.message) : e.message })),
    });
    expect(await counts()).toEqual(before);
  };

  it('an editor creates an open call, visible in callsForPractices and by slug and id', async () => {
    const before = await counts();
    const { data, errors } = await create({ slug: 'leave-no-child-behind-2030' });
    expect(errors).toBeUndefined();
    const payload = data!.createCallForPractices;
    expect(payload).toEqual({
      call: {
        id: expect.any(String), slug: 'leave-no-child-behind-2030', title: 'Leave no child behind', fr: 'Leave no child behind', theme: 'Children on the move',
        opensOn: day(-10), deadline: day(10), isOpen: true, objectives: [{ number: 1 }, { number: 7 }],
      },
      errors: [],
    });
    expect(await counts()).toEqual({ calls: before.calls + 1, links: before.links + 2 });
    const { id } = payload.call;
    const read = await execute(server, db.dataSource, `{
      bySlug: callForPractices(slug: "leave-no-child-behind-2030") { id isOpen }
      byId: callForPractices(id: "${id}") { slug }
      open: callsForPractices(open: true) { id }
      closed: callsForPractices(open: false) { id }
      all: callsForPractices { id } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data!.bySlug).toEqual({ id, isOpen: true });
    expect(read.data!.byId).toEqual({ slug: 'leave-no-child-behind-2030' });
    expect(read.data!.open).toContainEqual({ id });
    expect(read.data!.closed).not.toContainEqual({ id });
    expect(read.data!.all).toContainEqual({ id });
  });

  it.each([
    ['not open yet', day(5), day(30), false],
    ['closed', day(-30), day(-1), false],
    ['open on its first day', day(0), day(30), true],
    ['open on its deadline (inclusive)', day(-30), day(0), true],
    ['a one-day call, today', day(0), day(0), true],
  ])('isOpen: %s', async (_what, opensOn, deadline, open) => {
    const { data, errors } = await create({ opensOn, deadline });
    expect(errors).toBeUndefined();
    expect(data!.createCallForPractices.errors).toEqual([]);
    expect(data!.createCallForPractices.call.isOpen).toBe(open);
    const { id } = data!.createCallForPractices.call;
    const listed = await execute(server, db.dataSource, `{ callsForPractices(open: ${open}) { id } }`);
    expect(listed.data!.callsForPractices).toContainEqual({ id });
  });

  it('without a slug, makes one from the title', async () => {
    const { data } = await create({ title: 'Écoles & réfugiés: 2031!', locale: 'FR' });
    const call = data!.createCallForPractices.call;
    expect(call.slug).toMatch(/^ecoles-refugies-2031-[0-9a-f]{6}$/);
    expect(call.title).toBe('Écoles & réfugiés: 2031!');
    expect(call.fr).toBe('Écoles & réfugiés: 2031!');
  });

  it('a deadline before opensOn is INVALID_INPUT on ["input","deadline"], nothing written', async () => {
    await refused({ opensOn: '2030-05-01', deadline: '2030-04-30' }, [
      { code: 'INVALID_INPUT', message: 'deadline (2030-04-30) must not be before opensOn (2030-05-01).', field: ['input', 'deadline'] },
    ]);
  });

  it('a slug another call has is SLUG_TAKEN, nothing written', async () => {
    expect((await create({ slug: 'taken-slug' })).data!.createCallForPractices.errors).toEqual([]);
    await refused({ slug: 'taken-slug', title: 'Another' }, [{ code: 'SLUG_TAKEN', message: 'Another call already has this slug; choose another.', field: ['input', 'slug'] }]);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM call_for_practices WHERE slug = 'taken-slug'`);
    expect(n).toBe(1);
  });

  it('two concurrent calls with one slug: one is created, the other SLUG_TAKEN', async () => {
    const results = await Promise.all([create({ slug: 'race-slug' }), create({ slug: 'race-slug' })]);
    expect(results.map((r) => r.data!.createCallForPractices.errors[0]?.code ?? 'OK').sort()).toEqual(['OK', 'SLUG_TAKEN']);
  });

  it.each(['Has-Capitals', 'two--hyphens', '-leading', 'trailing-', 'spa ce', 'ünïcode', 'under_score'])('a slug like "%s" is INVALID_INPUT', async (slug) => {
    await refused({ slug }, [{ code: 'INVALID_INPUT', message: /^slug must be lower-case letters and digits/, field: ['input', 'slug'] }]);
  });

  it('a blank or 101-character slug is INVALID_INPUT', async () => {
    await refused({ slug: '  ' }, [{ code: 'INVALID_INPUT', message: 'slug must not be blank.', field: ['input', 'slug'] }]);
    await refused({ slug: 'a'.repeat(101) }, [{ code: 'INVALID_INPUT', message: 'slug takes at most 100 characters; got 101.', field: ['input', 'slug'] }]);
  });

  it('no objectives, or one outside 1..23, is INVALID_INPUT on ["input","objectives"]', async () => {
    await refused({ objectives: [] }, [{ code: 'INVALID_INPUT', message: 'A call needs at least one objective.', field: ['input', 'objectives'] }]);
    await refused({ objectives: [0] }, [{ code: 'INVALID_INPUT', message: /objective numbers from 1 to 23; got 0/, field: ['input', 'objectives'] }]);
  });

  it('a blank title or theme, or one over 300 characters, is INVALID_INPUT; every problem is reported', async () => {
    await refused({ title: ' ', theme: 't'.repeat(301), objectives: [], opensOn: '2030-02-01', deadline: '2030-01-01', slug: 'Bad' }, [
      { code: 'INVALID_INPUT', message: 'title must not be blank.', field: ['input', 'title'] },
      { code: 'INVALID_INPUT', message: 'theme takes at most 300 characters; got 301.', field: ['input', 'theme'] },
      { code: 'INVALID_INPUT', message: 'A call needs at least one objective.', field: ['input', 'objectives'] },
      { code: 'INVALID_INPUT', message: /^deadline/, field: ['input', 'deadline'] },
      { code: 'INVALID_INPUT', message: /^slug must be/, field: ['input', 'slug'] },
    ]);
  });

  it('a date that does not exist is a BAD_USER_INPUT error, nothing written', async () => {
    const before = await counts();
    const { errors } = await create({ deadline: '2030-02-30' });
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(await counts()).toEqual(before);
  });

  it('a member is FORBIDDEN and anonymous callers UNAUTHENTICATED; nothing written', async () => {
    const before = await counts();
    const forbidden = await create({ slug: 'member-call' }, member);
    expect(forbidden.data).toBeNull();
    expect(forbidden.errors).toEqual([expect.objectContaining({ message: 'Only EDITOR may create calls for practices; your token has MEMBER.', extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    const anonymous = await create({ slug: 'anonymous-call' }, null);
    expect(anonymous.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Sign in to create calls for practices/), extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    expect(await counts()).toEqual(before);
    expect((await execute(server, db.dataSource, '{ callForPractices(slug: "member-call") { id } }')).data!.callForPractices).toBeNull();
  });
});
