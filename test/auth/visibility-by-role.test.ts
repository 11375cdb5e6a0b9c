import { randomUUID } from 'node:crypto';
import { Role, type Principal } from '../../src/auth/principal';
import { signToken } from '../../src/auth/sign-token';
import type { HubServer } from '../../src/server';
import { insertCuratedView, insertPractice, insertResource, slugOf } from '../content/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, principalFromToken, startTestServer, TEST_JWT_SECRET } from '../support/graphql';

/**
 * What each role sees of the workflow's items, through every read path: lookups by id and
 * slug, lists and counts, search, curated views, analytics, `_entities`, exports, `viewer`,
 * reviews and their reviewers, history, review progress and the roster. Seeded practices and
 * resources are deleted first so counts are exact; the items are made through the mutations.
 *
 * Items: member A's DRAFT; A's practice UNDER_REVIEW with expert X INVITED and expert Y
 * COMPLETED (with a review); member B's DRAFT; a PUBLISHED practice with a review; A's
 * CHANGES_REQUESTED practice with round-1 reviews (X's invitation on it was withdrawn by the
 * decision). Every practice addresses objective 10 and has WORD in its title.
 */
const WORD = 'zephyrine';
type RoleName = 'anonymous' | 'memberA' | 'memberB' | 'reviewerX' | 'reviewerZ' | 'editor';
const ROLES: RoleName[] = ['anonymous', 'memberA', 'memberB', 'reviewerX', 'reviewerZ', 'editor'];
type Item = 'draftA' | 'underReview' | 'draftB' | 'published' | 'changesRequested';
const ITEMS: Item[] = ['draftA', 'underReview', 'draftB', 'published', 'changesRequested'];

/** Who may open each item by id or slug. */
const READABLE: Record<RoleName, Item[]> = {
  anonymous: ['published'],
  memberA: ['draftA', 'underReview', 'published', 'changesRequested'],
  memberB: ['draftB', 'published'],
  // Invited to underReview; their invitation to changesRequested was withdrawn by the decision, and
  // an assignment they can still read keeps its subject readable to them.
  reviewerX: ['underReview', 'published', 'changesRequested'],
  reviewerZ: ['published'],
  editor: ITEMS,
};
/** What lists, counts, search and curated views hold. */
const LISTED: Record<RoleName, Item[]> = {
  anonymous: ['published'], memberA: ['published'], memberB: ['published'], reviewerX: ['published'], reviewerZ: ['published'], editor: ITEMS,
};

const PRACTICE_INPUT = (title: string, orgId: string) => ({
  title, summary: 'Shelters and schooling.', scope: 'NATIONAL', objectives: [10, 12], guidingPrinciples: ['CHILD_SENSITIVE'],
  implementedBy: [orgId], startDate: '2020-01-01', completion: 'FULLY_COMPLETED', focalPoint: { name: 'A B', email: 'a@example.org', organization: 'Org' },
});

describe('visibility by role, through every read path', () => {
  let db: TestDatabase;
  let server: HubServer;
  let url: string;
  const who = {} as Record<RoleName, Principal>;
  const tokens = {} as Record<RoleName, string | null>;
  const item = {} as Record<Item, { id: string; slug: string }>;
  let expertX: string;
  let expertY: string;
  let expertW: string;
  let expertZ: string;
  let assignmentX: string;
  let assignmentXWithdrawn: string;
  let reviewY: string;
  let reviewOfPublished: string;
  const reviewsOfChangesRequested: string[] = [];
  let resourcePublished: string;
  let resourceDraftA: string;
  let viewSlug: string;

  const run = async (role: RoleName, query: string, variables: Record<string, unknown> = {}) => {
    const result = await execute(server, db.dataSource, query, variables, role === 'anonymous' ? {} : { principal: who[role] });
    return result;
  };
  /** Runs as `role` and expects no GraphQL error. */
  const as = async (role: RoleName, query: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await run(role, query, variables);
    expect({ role, errors }).toEqual({ role, errors: undefined });
    return data!;
  };
  const mutate = async (role: RoleName, query: string, field: string, variables: Record<string, unknown> = {}) => {
    const data = await as(role, query, variables);
    expect(data[field].errors).toEqual([]);
    return data[field];
  };
  const idsOf = (items: Item[]) => items.map((i) => item[i].id).sort();
  const sortedIds = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 23, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    url = await server.listen(0, '127.0.0.1');
    const ds = db.dataSource;
    await ds.query('DELETE FROM practice');
    await ds.query('DELETE FROM resource');
    const expert = async (name: string, isUN: boolean) => {
      const id = randomUUID();
      await ds.query('INSERT INTO expert (id, name, is_un) VALUES ($1, $2, $3)', [id, name, isUN]);
      return id;
    };
    expertX = await expert('Expert X', true);
    expertY = await expert('Expert Y', false);
    expertW = await expert('Expert W', false);
    expertZ = await expert('Expert Z', true);
    const claims: Record<Exclude<RoleName, 'anonymous'>, Parameters<typeof signToken>[1]> = {
      memberA: { sub: 'member-a', roles: [Role.MEMBER] },
      memberB: { sub: 'member-b', roles: [Role.MEMBER] },
      reviewerX: { sub: 'reviewer-x', roles: [Role.REVIEWER], expertId: expertX },
      reviewerZ: { sub: 'reviewer-z', roles: [Role.REVIEWER], expertId: expertZ },
      editor: { sub: 'editor-v', roles: [Role.EDITOR] },
    };
    tokens.anonymous = null;
    for (const [role, c] of Object.entries(claims) as [Exclude<RoleName, 'anonymous'>, Parameters<typeof signToken>[1]][]) {
      who[role] = await principalFromToken(c);
      tokens[role] = await signToken(TEST_JWT_SECRET, c);
    }
    const reviewerY = await principalFromToken({ sub: 'reviewer-y', roles: [Role.REVIEWER], expertId: expertY });
    const reviewerW = await principalFromToken({ sub: 'reviewer-w', roles: [Role.REVIEWER], expertId: expertW });
    const [org] = await ds.query('SELECT id FROM organization LIMIT 1');

    const create = async (role: RoleName, title: string) => {
      const p = (await mutate(role, `mutation($input: PracticeInput!) { createPractice(input: $input) { practice { id slug status } errors { code message field } } }`,
        'createPractice', { input: PRACTICE_INPUT(title, org.id) })).practice;
      expect(p.status).toBe('DRAFT');
      return { id: p.id as string, slug: p.slug as string };
    };
    const submit = async (id: string) => {
      const p = (await mutate('memberA', `mutation { submitPractice(id: "${id}") { practice { status } errors { code message field } } }`, 'submitPractice')).practice;
      expect(p.status).toBe('SUBMITTED');
    };
    const assign = async (subjectId: string, expertId: string) =>
      (await mutate('editor', `mutation { assignReviewer(subjectId: "${subjectId}", expertId: "${expertId}") { assignment { id } errors { code message } } }`, 'assignReviewer')).assignment.id as string;
    const review = async (reviewer: Principal, assignmentId: string, comment: string, decision = 'REVISE') => {
      const accepted = await execute(server, ds, `mutation { respondToAssignment(id: "${assignmentId}", accept: true, conflictOfInterest: { hasConflict: false }) { assignment { status } errors { code } } }`, {}, { principal: reviewer });
      expect(accepted.data!.respondToAssignment).toEqual({ assignment: { status: 'ACCEPTED' }, errors: [] });
      const reviewed = await execute(server, ds, `mutation($c: String) { submitReview(assignmentId: "${assignmentId}", input: { decision: ${decision}, score: 3, comment: $c }) { review { id } errors { code message } } }`, { c: comment }, { principal: reviewer });
      expect(reviewed.errors).toBeUndefined();
      expect(reviewed.data!.submitReview.errors).toEqual([]);
      return reviewed.data!.submitReview.review.id as string;
    };

    item.draftA = await create('memberA', `Draft of A ${WORD}`);
    item.draftB = await create('memberB', `Draft of B ${WORD}`);
    item.underReview = await create('memberA', `Under review ${WORD}`);
    await submit(item.underReview.id);
    assignmentX = await assign(item.underReview.id, expertX);
    reviewY = await review(reviewerY, await assign(item.underReview.id, expertY), 'Round one, still open.');
    item.changesRequested = await create('memberA', `Changes requested ${WORD}`);
    await submit(item.changesRequested.id);
    reviewsOfChangesRequested.push(await review(reviewerY, await assign(item.changesRequested.id, expertY), 'Add the evaluation report.'));
    reviewsOfChangesRequested.push(await review(reviewerW, await assign(item.changesRequested.id, expertW), 'Say who funded it.'));
    assignmentXWithdrawn = await assign(item.changesRequested.id, expertX);
    const decided = await mutate('editor', `mutation { decide(subjectId: "${item.changesRequested.id}", decision: REQUEST_CHANGES, note: "See the reviews.") { practice { status } errors { code message } } }`, 'decide');
    expect(decided.practice.status).toBe('CHANGES_REQUESTED');

    item.published = await insertPractice(ds, { title: `Published ${WORD}`, objectives: [10, 11], scope: 'GLOBAL' });
    reviewOfPublished = randomUUID();
    await ds.query(`INSERT INTO review (id, practice_id, reviewer_id, decision, score, comment, conflict_of_interest_declared_at, submitted_at)
      VALUES ($1, $2, $3, 'APPROVE', 5, 'Exemplary.', now() - interval '2 days', now() - interval '1 day')`, [reviewOfPublished, item.published.id, expertW]);
    resourcePublished = (await insertResource(ds, { objectives: [10] })).id;
    resourceDraftA = (await mutate('memberA', `mutation { createResource(input: { title: "Resource of A", summary: "S.", type: REPORT, url: "https://example.org/a", scope: LOCAL }) { resource { id status } errors { code message field } } }`, 'createResource')).resource.id;
    viewSlug = await insertCuratedView(ds, 'Pinned drafts', [item.draftA.id, item.underReview.id, item.changesRequested.id, item.draftB.id, item.published.id]);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it('builds the items it means to (statuses and assignments as described)', async () => {
    const rows = await db.dataSource.query(`SELECT id, status, created_by FROM practice`);
    const status = Object.fromEntries(rows.map((r: any) => [r.id, [r.status, r.created_by]]));
    expect(status).toEqual({
      [item.draftA.id]: ['DRAFT', 'member-a'], [item.draftB.id]: ['DRAFT', 'member-b'], [item.underReview.id]: ['UNDER_REVIEW', 'member-a'],
      [item.changesRequested.id]: ['CHANGES_REQUESTED', 'member-a'], [item.published.id]: ['PUBLISHED', null],
    });
    const assignments = await db.dataSource.query('SELECT id, status FROM review_assignment WHERE expert_id = $1 ORDER BY invited_at', [expertX]);
    expect(assignments).toEqual([{ id: assignmentX, status: 'INVITED' }, { id: assignmentXWithdrawn, status: 'WITHDRAWN' }]);
  });

  describe.each(ROLES)('%s', (role) => {
    it('practice(id:) and practice(slug:) find exactly the readable items', async () => {
      const query = ITEMS.map((i) => `${i}: practice(id: "${item[i].id}") { id } ${i}Slug: practice(slug: "${item[i].slug}") { id }`).join(' ');
      const data = await as(role, `{ ${query} }`);
      for (const i of ITEMS) {
        const expected = READABLE[role].includes(i) ? { id: item[i].id } : null;
        expect({ item: i, byId: data[i], bySlug: data[`${i}Slug`] }).toEqual({ item: i, byId: expected, bySlug: expected });
      }
    });

    it('practices, objective practices and search list and count only what is listed', async () => {
      const data = await as(role, `{
        practices(first: 100) { totalCount nodes { id } }
        objective(number: 10) { practices(first: 100) { totalCount nodes { id } } }
        twelve: objective(number: 12) { practices { totalCount } }
        search: practices(first: 100, filter: { text: "${WORD}" }) { totalCount nodes { id } } }`);
      const expected = idsOf(LISTED[role]);
      expect(data.practices.totalCount).toBe(expected.length);
      expect(sortedIds(data.practices.nodes)).toEqual(expected);
      expect(data.objective.practices.totalCount).toBe(expected.length);
      expect(sortedIds(data.objective.practices.nodes)).toEqual(expected);
      expect(data.twelve.practices.totalCount).toBe(role === 'editor' ? 4 : 0);
      expect(data.search.totalCount).toBe(expected.length);
      expect(sortedIds(data.search.nodes)).toEqual(expected);
    });

    it('curatedView skips pinned items that are not listed', async () => {
      const data = await as(role, `{ curatedView(slug: "${viewSlug}") { practices(first: 10) { id } } }`);
      const ids = data.curatedView.practices.map((p: { id: string }) => p.id);
      if (role === 'editor') expect(ids).toEqual(['draftA', 'underReview', 'changesRequested', 'draftB', 'published'].map((i) => item[i as Item].id));
      else expect(ids).toEqual([item.published.id]);
    });

    it('objectiveNetwork and objectiveCoverage count published practices only, for every role', async () => {
      const data = await as(role, `{
        objectiveNetwork { practiceCount nodes { objective { number } practiceCount } edges { source { number } target { number } sharedPractices } }
        objectiveCoverage(by: SCOPE) { objective { number } bucket practiceCount } }`);
      expect(data.objectiveNetwork.practiceCount).toBe(1);
      const counts = Object.fromEntries(data.objectiveNetwork.nodes.map((n: any) => [n.objective.number, n.practiceCount]));
      expect(counts).toMatchObject({ 10: 1, 11: 1, 12: 0 });
      expect(data.objectiveNetwork.edges).toEqual([{ source: { number: 10 }, target: { number: 11 }, sharedPractices: 1 }]);
      expect(data.objectiveCoverage).toEqual([
        { objective: { number: 10 }, bucket: 'GLOBAL', practiceCount: 1 },
        { objective: { number: 11 }, bucket: 'GLOBAL', practiceCount: 1 },
      ]);
    });

    it('_entities resolves Practice, Resource, Review, Expert and ReviewAssignment only where the caller may read them', async () => {
      const representations = [
        ...ITEMS.map((i) => ({ __typename: 'Practice', id: item[i].id })),
        { __typename: 'Resource', id: resourcePublished }, { __typename: 'Resource', id: resourceDraftA },
        { __typename: 'Review', id: reviewOfPublished }, { __typename: 'Review', id: reviewY }, { __typename: 'Review', id: reviewsOfChangesRequested[0] },
        { __typename: 'Expert', id: expertX }, { __typename: 'Expert', id: expertY },
        { __typename: 'ReviewAssignment', id: assignmentX },
      ];
      const data = await as(role, `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Practice { id } ... on Resource { id } ... on Review { id } ... on Expert { id } ... on ReviewAssignment { id } } }`, { r: representations });
      const seen = (data._entities as ({ id: string } | null)[]).map((e) => e?.id ?? null);
      const visible = (ok: boolean, id: string) => (ok ? id : null);
      const editor = role === 'editor';
      expect(seen).toEqual([
        ...ITEMS.map((i) => visible(READABLE[role].includes(i), item[i].id)),
        resourcePublished, visible(editor || role === 'memberA', resourceDraftA),
        reviewOfPublished,
        visible(editor, reviewY), // round 1 is still under review: not even its submitter
        visible(editor || role === 'memberA', reviewsOfChangesRequested[0]),
        visible(editor || role === 'reviewerX', expertX), visible(editor, expertY),
        visible(editor || role === 'reviewerX', assignmentX),
      ]);
    });

    it('the CSV and GEXF exports over HTTP hold published practices only, whatever the token', async () => {
      const headers: Record<string, string> = tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {};
      const csv = await fetch(url.replace(/graphql$/, 'export/practice-objectives.csv'), { headers });
      expect(csv.status).toBe(200);
      const lines = (await csv.text()).trim().split('\n');
      expect(lines[0]).toBe('practice_id,slug,title,scope,start_year,objective_number');
      expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([item.published.id, item.published.id]);
      const gexf = await fetch(url.replace(/graphql$/, 'export/objective-network.gexf'), { headers });
      expect(gexf.status).toBe(200);
      const text = await gexf.text();
      expect(text).toMatch(/by 1 published practices/);
      expect(text).not.toContain(WORD);
    });

    it('viewer: null for anonymous callers; own practices in any status; a reviewer\'s own assignments', async () => {
      const { data, errors } = await run(role, `{ viewer {
        id roles expert { id }
        practices(first: 50) { totalCount nodes { id status } }
        resources(first: 50) { totalCount nodes { id status } }
        assignments(first: 50) { totalCount nodes { id status subject { ... on Practice { id } } reviewer { id } } } } }`);
      expect(errors).toBeUndefined();
      if (role === 'anonymous') {
        expect(data!.viewer).toBeNull();
        return;
      }
      const viewer = data!.viewer;
      expect(viewer.id).toBe(who[role].id);
      const own: Item[] = role === 'memberA' ? ['changesRequested', 'underReview', 'draftA'] : role === 'memberB' ? ['draftB'] : [];
      expect(viewer.practices).toEqual({
        totalCount: own.length,
        nodes: own.map((i) => ({ id: item[i].id, status: { changesRequested: 'CHANGES_REQUESTED', underReview: 'UNDER_REVIEW', draftA: 'DRAFT', draftB: 'DRAFT' }[i as string] })),
      });
      expect(viewer.resources).toEqual(role === 'memberA' ? { totalCount: 1, nodes: [{ id: resourceDraftA, status: 'DRAFT' }] } : { totalCount: 0, nodes: [] });
      if (role === 'reviewerX') {
        expect(viewer.expert).toEqual({ id: expertX });
        expect(viewer.assignments.totalCount).toBe(2);
        // The open invitation first; the one the decision withdrew after it.
        expect(viewer.assignments.nodes[0]).toEqual({ id: assignmentX, status: 'INVITED', subject: { id: item.underReview.id }, reviewer: { id: expertX } });
        expect(viewer.assignments.nodes[1]).toEqual({ id: assignmentXWithdrawn, status: 'WITHDRAWN', subject: { id: item.changesRequested.id }, reviewer: { id: expertX } });
      } else {
        expect(viewer.assignments).toEqual({ totalCount: 0, nodes: [] });
      }
    });

    it('Review.reviewer is the expert for editors only', async () => {
      const data = await as(role, `{ practice(id: "${item.published.id}") { reviews { id comment reviewer { id name } } } }`);
      expect(data.practice.reviews).toEqual([{ id: reviewOfPublished, comment: 'Exemplary.', reviewer: role === 'editor' ? { id: expertW, name: 'Expert W' } : null }]);
    });

    it('history is for editors only; reviewProgress for editors and the submitter', async () => {
      const data = await as(role, `{ practice(id: "${item.published.id}") { history { to } reviewProgress { round } } }`);
      expect(data.practice.history).toEqual(role === 'editor' ? [] : null);
      expect(data.practice.reviewProgress).toEqual(role === 'editor' ? { round: 0 } : null);
      if (!READABLE[role].includes('underReview')) return;
      const mine = await as(role, `{ practice(id: "${item.underReview.id}") { history { from to actorId } reviewProgress { round completedUN completedNonUN } } }`);
      expect(mine.practice.history).toEqual(role === 'editor'
        ? [{ from: null, to: 'DRAFT', actorId: 'member-a' }, { from: 'DRAFT', to: 'SUBMITTED', actorId: 'member-a' }, { from: 'SUBMITTED', to: 'UNDER_REVIEW', actorId: 'editor-v' }]
        : null);
      expect(mine.practice.reviewProgress).toEqual(role === 'editor' || role === 'memberA' ? { round: 1, completedUN: 0, completedNonUN: 1 } : null);
    });

    it('experts and rosterApplications are for editors only (UNAUTHENTICATED anonymous, FORBIDDEN others)', async () => {
      for (const query of ['{ experts(first: 5) { totalCount nodes { id } } }', '{ rosterApplications { id status } }']) {
        const { data, errors } = await run(role, query);
        if (role === 'editor') {
          expect(errors).toBeUndefined();
          continue;
        }
        const code = role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(role === 'anonymous' ? /^Sign in to .*EDITOR/ : /^Only EDITOR may /), extensions: expect.objectContaining({ code }) })]);
        expect(data).toBeNull();
      }
    });
  });

  describe('reviews of a submission, for its submitter', () => {
    it('after REQUEST_CHANGES: the round-1 comments without who wrote them', async () => {
      const data = await as('memberA', `{ practice(id: "${item.changesRequested.id}") { status reviews { id comment round decision reviewer { id } } } }`);
      expect(data.practice.status).toBe('CHANGES_REQUESTED');
      expect(data.practice.reviews).toEqual([
        { id: reviewsOfChangesRequested[0], comment: 'Add the evaluation report.', round: 1, decision: 'REVISE', reviewer: null },
        { id: reviewsOfChangesRequested[1], comment: 'Say who funded it.', round: 1, decision: 'REVISE', reviewer: null },
      ]);
    });

    it('not while round 1 is under review (editors see it, with the reviewer)', async () => {
      expect((await as('memberA', `{ practice(id: "${item.underReview.id}") { status reviews { id } } }`)).practice).toEqual({ status: 'UNDER_REVIEW', reviews: [] });
      expect((await as('editor', `{ practice(id: "${item.underReview.id}") { reviews { id reviewer { id } } } }`)).practice.reviews)
        .toEqual([{ id: reviewY, reviewer: { id: expertY } }]);
    });

    it('other members, and reviewers who did not write them, never see them', async () => {
      for (const role of ['memberB', 'reviewerZ', 'anonymous'] as RoleName[]) {
        expect((await as(role, `{ practice(id: "${item.changesRequested.id}") { id } }`)).practice).toBeNull();
      }
      // X may open the practice under review (invited), but not Y's review of it.
      expect((await as('reviewerX', `{ practice(id: "${item.underReview.id}") { id reviews { id } } }`)).practice).toEqual({ id: item.underReview.id, reviews: [] });
    });
  });

  it('reviewer X sees the practice they were asked to review by id and slug, but in no list', async () => {
    const data = await as('reviewerX', `{
      byId: practice(id: "${item.underReview.id}") { id status }
      bySlug: practice(slug: "${item.underReview.slug}") { id }
      practices(first: 100) { nodes { id } }
      objective(number: 12) { practices { totalCount } } }`);
    expect(data.byId).toEqual({ id: item.underReview.id, status: 'UNDER_REVIEW' });
    expect(data.bySlug).toEqual({ id: item.underReview.id });
    expect(data.practices.nodes).toEqual([{ id: item.published.id }]);
    expect(data.objective.practices.totalCount).toBe(0);
  });

  it('a reviewer who declines still gets the assignment and its subject back, and keeps reading both', async () => {
    const expertV = randomUUID();
    await db.dataSource.query(`INSERT INTO expert (id, name, is_un) VALUES ($1, 'Expert V', false)`, [expertV]);
    const reviewerV = await principalFromToken({ sub: 'reviewer-v', roles: [Role.REVIEWER], expertId: expertV });
    const assigned = await as('editor', `mutation { assignReviewer(subjectId: "${item.underReview.id}", expertId: "${expertV}") { assignment { id } errors { code } } }`);
    const assignmentId = assigned.assignReviewer.assignment.id;
    const declined = await execute(server, db.dataSource, `mutation { respondToAssignment(id: "${assignmentId}", accept: false, conflictOfInterest: { hasConflict: false }) {
      assignment { status subject { ... on Practice { id } } } errors { code } } }`, {}, { principal: reviewerV });
    expect(declined.errors).toBeUndefined();
    expect(declined.data!.respondToAssignment).toEqual({ assignment: { status: 'DECLINED', subject: { id: item.underReview.id } }, errors: [] });
    const later = await execute(server, db.dataSource, `query($r: [_Any!]!) { _entities(representations: $r) { ... on ReviewAssignment { id status subject { ... on Practice { id } } } } }`,
      { r: [{ __typename: 'ReviewAssignment', id: assignmentId }] }, { principal: reviewerV });
    expect(later.errors).toBeUndefined();
    expect(later.data!._entities).toEqual([{ id: assignmentId, status: 'DECLINED', subject: { id: item.underReview.id } }]);
    // Still nobody else's: Z was never asked.
    expect((await as('reviewerZ', `{ practice(id: "${item.underReview.id}") { id } }`)).practice).toBeNull();
  });

  it('viewer.practices and viewer.assignments page one item at a time without a repeat or a gap', async () => {
    const walk = async (role: RoleName, field: 'practices' | 'assignments') => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const data: any = await as(role, `query($after: String) { viewer { ${field}(first: 1, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`, { after });
        const page = data.viewer[field];
        seen.push(...page.nodes.map((n: { id: string }) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return seen;
    };
    expect(await walk('memberA', 'practices')).toEqual([item.changesRequested.id, item.underReview.id, item.draftA.id]);
    expect(await walk('reviewerX', 'assignments')).toEqual([assignmentX, assignmentXWithdrawn]);
    // A cursor of A's list is not one of B's.
    const first = await as('memberA', '{ viewer { practices(first: 1) { pageInfo { endCursor } } } }');
    const { errors } = await run('memberB', `{ viewer { practices(first: 1, after: "${first.viewer.practices.pageInfo.endCursor}") { nodes { id } } } }`);
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it("a subject with quotes and backslashes reads its own draft (the policy quotes it) and nobody else's", async () => {
    const odd = await principalFromToken({ sub: "o'brien\\'); --", roles: [Role.MEMBER] });
    const created = await execute(server, db.dataSource, `mutation { createPractice(input: { title: "Odd author", summary: "S.", scope: LOCAL }) { practice { id } errors { code } } }`, {}, { principal: odd });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPractice.practice.id;
    const mine = await execute(server, db.dataSource, `{ practice(id: "${id}") { id } other: practice(id: "${item.draftA.id}") { id } viewer { practices { totalCount } } }`, {}, { principal: odd });
    expect(mine.errors).toBeUndefined();
    expect(mine.data).toEqual({ practice: { id }, other: null, viewer: { practices: { totalCount: 1 } } });
    expect((await as('memberA', `{ practice(id: "${id}") { id } }`)).practice).toBeNull();
    await db.dataSource.query('DELETE FROM practice WHERE id = $1', [id]);
  });

  it('a forged token gets 401 from the exports, without the token in the body', async () => {
    const forged = await signToken('another-secret-of-at-least-thirty-two-chars', { sub: 'editor-v', roles: [Role.EDITOR] });
    for (const path of ['export/practice-objectives.csv', 'export/objective-network.gexf']) {
      const res = await fetch(url.replace(/graphql$/, path), { headers: { authorization: `Bearer ${forged}` } });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const text = await res.text();
      expect(text).not.toContain(forged);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('an unknown curated view slug is null for everyone', async () => {
    expect((await as('editor', `{ curatedView(slug: "${slugOf('nope')}") { slug } }`)).curatedView).toBeNull();
  });
});
