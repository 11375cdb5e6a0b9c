import { randomUUID } from 'node:crypto';
import { Role, type Principal } from '../../src/auth/principal';
import type { HubServer } from '../../src/server';
import { insertEvent, insertGroup, insertPractice, insertResource } from '../content/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, principalFromToken, startTestServer } from '../support/graphql';

describe('community groups and curated views', () => {
  let db: TestDatabase;
  let server: HubServer;
  let editor: Principal;
  let member: Principal;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 19, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    editor = await principalFromToken({ sub: 'curation-editor', roles: [Role.EDITOR] });
    member = await principalFromToken({ sub: 'group-member', roles: [Role.MEMBER] });
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  describe('joinCommunityGroup / leaveCommunityGroup', () => {
    const JOIN = 'mutation($id: ID!) { joinCommunityGroup(id: $id) { group { id memberCount } errors { code message field } } }';
    const LEAVE = 'mutation($id: ID!) { leaveCommunityGroup(id: $id) { group { id memberCount } errors { code message field } } }';
    const run = (query: string, id: string, principal?: Principal) => execute(server, db.dataSource, query, { id }, principal ? { principal } : {});
    const ok = async (query: string, id: string, principal: Principal) => {
      const { data, errors } = await run(query, id, principal);
      expect(errors).toBeUndefined();
      const payload = data![query.includes('join') ? 'joinCommunityGroup' : 'leaveCommunityGroup'];
      expect(payload.errors).toEqual([]);
      return payload.group.memberCount as number;
    };
    const stored = async (id: string) => {
      const [row] = await db.dataSource.query('SELECT member_count, (SELECT count(*)::int FROM community_group_member WHERE community_group_id = $1) AS members FROM community_group WHERE id = $1', [id]);
      return row as { member_count: number; members: number };
    };
    const readCount = async (id: string) => (await execute(server, db.dataSource, `{ communityGroup(id: "${id}") { memberCount } }`)).data!.communityGroup.memberCount;

    it('joining twice counts once; leaving twice uncounts once', async () => {
      const group = await insertGroup(db.dataSource); // memberCount 7
      expect(await ok(JOIN, group.id, member)).toBe(8);
      expect(await ok(JOIN, group.id, member)).toBe(8);
      expect(await readCount(group.id)).toBe(8);
      expect(await stored(group.id)).toEqual({ member_count: 8, members: 1 });
      expect(await ok(LEAVE, group.id, member)).toBe(7);
      expect(await ok(LEAVE, group.id, member)).toBe(7);
      expect(await stored(group.id)).toEqual({ member_count: 7, members: 0 });
      // Leaving a group one never joined changes nothing.
      const other = await principalFromToken({ sub: 'never-joined', roles: [Role.MEMBER] });
      expect(await ok(LEAVE, group.id, other)).toBe(7);
    });

    it('accepts the id in upper case', async () => {
      const group = await insertGroup(db.dataSource);
      expect(await ok(JOIN, group.id.toUpperCase(), member)).toBe(8);
      expect(await ok(JOIN, group.id, member)).toBe(8);
    });

    it('10 concurrent joins by the same member count once', async () => {
      const group = await insertGroup(db.dataSource);
      const results = await Promise.all(Array.from({ length: 10 }, () => run(JOIN, group.id, member)));
      for (const r of results) {
        expect(r.errors).toBeUndefined();
        expect(r.data!.joinCommunityGroup.errors).toEqual([]);
      }
      expect(await stored(group.id)).toEqual({ member_count: 8, members: 1 });
      const leaves = await Promise.all(Array.from({ length: 10 }, () => run(LEAVE, group.id, member)));
      expect(leaves.every((r) => r.data!.leaveCommunityGroup.errors.length === 0)).toBe(true);
      expect(await stored(group.id)).toEqual({ member_count: 7, members: 0 });
    });

    it('concurrent joins by 10 different members count 10', async () => {
      const group = await insertGroup(db.dataSource);
      const members = await Promise.all(Array.from({ length: 10 }, (_, i) => principalFromToken({ sub: `crowd-${i}`, roles: [Role.MEMBER] })));
      const results = await Promise.all(members.map((m) => run(JOIN, group.id, m)));
      expect(results.map((r) => r.errors ?? r.data!.joinCommunityGroup.errors)).toEqual(Array.from({ length: 10 }, () => []));
      expect(await stored(group.id)).toEqual({ member_count: 17, members: 10 });
      expect(await readCount(group.id)).toBe(17);
      await Promise.all(members.map((m) => run(LEAVE, group.id, m)));
      expect(await stored(group.id)).toEqual({ member_count: 7, members: 0 });
    });

    it('an unknown or malformed group is NOT_FOUND', async () => {
      const stranger = await principalFromToken({ sub: 'stranger', roles: [Role.MEMBER] });
      for (const query of [JOIN, LEAVE]) {
        for (const id of [randomUUID(), 'no-such-group']) {
          const { data, errors } = await run(query, id, stranger);
          expect(errors).toBeUndefined();
          expect(Object.values(data!)[0]).toEqual({ group: null, errors: [{ code: 'NOT_FOUND', message: `No community group has the id "${id}".`, field: ['id'] }] });
        }
      }
      expect(await db.dataSource.query('SELECT * FROM community_group_member WHERE member_id = $1', ['stranger'])).toEqual([]);
    });

    it('anonymous callers are UNAUTHENTICATED; a token without MEMBER is FORBIDDEN; nothing changes', async () => {
      const group = await insertGroup(db.dataSource);
      for (const query of [JOIN, LEAVE]) {
        const anonymous = await run(query, group.id);
        expect(anonymous.data).toBeNull();
        expect(anonymous.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Sign in to (join|leave) community groups/), extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
        const forbidden = await run(query, group.id, editor);
        expect(forbidden.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
      }
      expect(await stored(group.id)).toEqual({ member_count: 7, members: 0 });
    });
  });

  describe('pinToView / unpinFromView', () => {
    const PIN = `mutation($slug: String!, $itemId: ID!, $position: Int) { pinToView(slug: $slug, itemId: $itemId, position: $position) {
      view { slug practices(first: 20) { id } } errors { code message field } } }`;
    const UNPIN = `mutation($slug: String!, $itemId: ID!) { unpinFromView(slug: $slug, itemId: $itemId) { view { slug practices(first: 20) { id } } errors { code message field } } }`;
    const pin = (itemId: string, position?: number | null, slug = 'home', principal: Principal | null = editor) =>
      execute(server, db.dataSource, PIN, { slug, itemId, position }, principal ? { principal } : {});
    const unpin = (itemId: string, slug = 'home', principal: Principal | null = editor) =>
      execute(server, db.dataSource, UNPIN, { slug, itemId }, principal ? { principal } : {});
    const pins = async (slug = 'home') =>
      (await db.dataSource.query('SELECT position, coalesce(practice_id, resource_id, event_id, community_group_id) AS id FROM curated_view_item WHERE view_slug = $1 ORDER BY position', [slug]))
        .map((r: { id: string }) => r.id);
    const homePractices = async () => (await execute(server, db.dataSource, '{ curatedView(slug: "home") { practices(first: 20) { id } } }')).data!.curatedView.practices.map((p: { id: string }) => p.id);
    const refused = async (result: Awaited<ReturnType<typeof pin>>, error: { code: string; message: string | RegExp; field: string[] }) => {
      expect(result.errors).toBeUndefined();
      const payload = Object.values(result.data!)[0] as { view: unknown; errors: unknown[] };
      expect(payload).toEqual({ view: null, errors: [{ ...error, message: error.message instanceof RegExp ? expect.stringMatching(error.message) : error.message }] });
    };

    it('pins a published practice first at position 0, and anonymous callers see it first on home', async () => {
      const before = await pins();
      const practice = await insertPractice(db.dataSource, { objectives: [1] });
      const { data, errors } = await pin(practice.id, 0);
      expect(errors).toBeUndefined();
      expect(data!.pinToView.errors).toEqual([]);
      expect(data!.pinToView.view.slug).toBe('home');
      expect(data!.pinToView.view.practices[0]).toEqual({ id: practice.id });
      expect(await pins()).toEqual([practice.id, ...before]);
      const anonymous = await homePractices();
      expect(anonymous[0]).toBe(practice.id);
      // The pinned practices keep their order after it.
      const pinnedPractices = (await db.dataSource.query(`SELECT practice_id FROM curated_view_item WHERE view_slug = 'home' AND practice_id IS NOT NULL ORDER BY position`)).map((r: { practice_id: string }) => r.practice_id);
      expect(anonymous.slice(0, pinnedPractices.length)).toEqual(pinnedPractices);
      expect(new Set(anonymous).size).toBe(anonymous.length);
    });

    it('pinning again moves the item (no duplicate); no position means last', async () => {
      const practice = await insertPractice(db.dataSource, { objectives: [2] });
      expect((await pin(practice.id, 0)).data!.pinToView.errors).toEqual([]);
      const withIt = await pins();
      expect(withIt[0]).toBe(practice.id);
      expect((await pin(practice.id)).data!.pinToView.errors).toEqual([]);
      expect(await pins()).toEqual([...withIt.slice(1), practice.id]);
      expect((await pin(practice.id, 1)).data!.pinToView.errors).toEqual([]);
      const rest = withIt.slice(1);
      expect(await pins()).toEqual([rest[0], practice.id, ...rest.slice(1)]);
      // A position past the end is the end.
      expect((await pin(practice.id, 99)).data!.pinToView.errors).toEqual([]);
      expect(await pins()).toEqual([...rest, practice.id]);
    });

    it('pins resources, events and groups too, each in its own list', async () => {
      const resource = await insertResource(db.dataSource);
      const event = await insertEvent(db.dataSource, { startsAt: '2020-01-01T00:00:00Z' });
      const group = await insertGroup(db.dataSource);
      for (const id of [resource.id, event.id, group.id]) expect((await pin(id, 0)).data!.pinToView.errors).toEqual([]);
      const { data } = await execute(server, db.dataSource, '{ curatedView(slug: "home") { resources(first: 1) { id } events(first: 1) { id } communityGroups(first: 1) { id } } }');
      expect(data!.curatedView).toEqual({ resources: [{ id: resource.id }], events: [{ id: event.id }], communityGroups: [{ id: group.id }] });
    });

    it('a draft (or any unpublished practice or resource) is NOT_PUBLISHED', async () => {
      const before = await pins();
      for (const status of ['DRAFT', 'UNDER_REVIEW', 'REJECTED']) {
        const draft = await insertPractice(db.dataSource, { status });
        await refused(await pin(draft.id, 0), { code: 'NOT_PUBLISHED', message: 'Only published practices and resources can be pinned.', field: ['itemId'] });
      }
      const draftResource = await insertResource(db.dataSource, { status: 'DRAFT' });
      await refused(await pin(draftResource.id, 0), { code: 'NOT_PUBLISHED', message: /Only published/, field: ['itemId'] });
      expect(await pins()).toEqual(before);
    });

    it('an unknown view slug or item is NOT_FOUND', async () => {
      const practice = await insertPractice(db.dataSource);
      await refused(await pin(practice.id, 0, 'no-such-view'), { code: 'NOT_FOUND', message: 'No curated view has the slug "no-such-view".', field: ['slug'] });
      const unknown = randomUUID();
      await refused(await pin(unknown, 0), { code: 'NOT_FOUND', message: `No practice, resource, event or group has the id "${unknown}".`, field: ['itemId'] });
      await refused(await pin('not-an-id', 0), { code: 'NOT_FOUND', message: /has the id "not-an-id"/, field: ['itemId'] });
      await refused(await unpin(practice.id, 'no-such-view'), { code: 'NOT_FOUND', message: /No curated view has the slug/, field: ['slug'] });
    });

    it.each([-1, 100, 1000])('position %i is INVALID_INPUT', async (position) => {
      const before = await pins();
      const practice = await insertPractice(db.dataSource);
      await refused(await pin(practice.id, position), { code: 'INVALID_INPUT', message: `position must be from 0 to 99; got ${position}.`, field: ['position'] });
      expect(await pins()).toEqual(before);
    });

    it('unpinning removes the item and closes the gap; unpinning a non-pinned item is NOT_FOUND', async () => {
      const practice = await insertPractice(db.dataSource, { objectives: [3] });
      expect((await pin(practice.id, 0)).data!.pinToView.errors).toEqual([]);
      const withIt = await pins();
      const { data, errors } = await unpin(practice.id);
      expect(errors).toBeUndefined();
      expect(data!.unpinFromView.errors).toEqual([]);
      expect(data!.unpinFromView.view.practices.slice(0, 1)).not.toEqual([{ id: practice.id }]);
      expect(await pins()).toEqual(withIt.slice(1));
      const positions = (await db.dataSource.query(`SELECT position FROM curated_view_item WHERE view_slug = 'home' ORDER BY position`)).map((r: { position: number }) => r.position);
      expect(positions).toEqual(positions.map((_: number, i: number) => i));
      await refused(await unpin(practice.id), { code: 'NOT_FOUND', message: `The item "${practice.id}" is not pinned to "home".`, field: ['itemId'] });
      expect(await pins()).toEqual(withIt.slice(1));
    });

    it('a pinned practice that is unpublished later drops out of the view for anonymous callers', async () => {
      const practice = await insertPractice(db.dataSource);
      expect((await pin(practice.id, 0)).data!.pinToView.errors).toEqual([]);
      expect((await homePractices())[0]).toBe(practice.id);
      await db.dataSource.query(`UPDATE practice SET status = 'REJECTED' WHERE id = $1`, [practice.id]);
      expect(await homePractices()).not.toContain(practice.id);
    });

    it('is for editors: a member FORBIDDEN, anonymous UNAUTHENTICATED, nothing changes', async () => {
      const before = await pins();
      const practice = await insertPractice(db.dataSource);
      for (const result of [await pin(practice.id, 0, 'home', member), await unpin(before[0], 'home', member)]) {
        expect(result.data).toBeNull();
        expect(result.errors).toEqual([expect.objectContaining({ message: 'Only EDITOR may curate views; your token has MEMBER.', extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
      }
      for (const result of [await pin(practice.id, 0, 'home', null), await unpin(before[0], 'home', null)]) {
        expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
      }
      expect(await pins()).toEqual(before);
    });
  });
});
