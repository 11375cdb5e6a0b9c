import { Role } from '../../src/auth/principal';
import type { HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, principalFromToken, startTestServer } from '../support/graphql';

describe('workflow smoke: draft to published', () => {
  let db: TestDatabase;
  let server: HubServer;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 7, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it('runs a practice through the whole workflow', async () => {
    const member = await principalFromToken({ sub: 'member-1', roles: [Role.MEMBER] });
    const editor = await principalFromToken({ sub: 'editor-1', roles: [Role.EDITOR] });
    const [org] = await db.dataSource.query('SELECT id FROM organization LIMIT 1');
    const created = await execute(server, db.dataSource, `mutation($input: PracticeInput!) { createPractice(input: $input) { practice { id status title } errors { code message field } } }`, {
      input: { title: 'Safe shelters for children', summary: 'Shelters.', scope: 'NATIONAL', objectives: [10], guidingPrinciples: ['CHILD_SENSITIVE'],
        implementedBy: [org.id], startDate: '2020-01-01', completion: 'FULLY_COMPLETED', focalPoint: { name: 'A B', email: 'a@example.org', organization: 'Org' } },
    }, { principal: member });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createPractice.errors).toEqual([]);
    const id = created.data!.createPractice.practice.id;
    const submitted = await execute(server, db.dataSource, `mutation { submitPractice(id: "${id}") { practice { status reviewProgress { round } } errors { code message field } } }`, {}, { principal: member });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitPractice).toEqual({ practice: { status: 'SUBMITTED', reviewProgress: { round: 1 } }, errors: [] });
    const experts = await db.dataSource.query('(SELECT id FROM expert WHERE is_un LIMIT 1) UNION ALL (SELECT id FROM expert WHERE NOT is_un LIMIT 2)');
    for (const expert of experts) {
      const assigned = await execute(server, db.dataSource, `mutation { assignReviewer(subjectId: "${id}", expertId: "${expert.id}") { assignment { id status round } errors { code message } } }`, {}, { principal: editor });
      expect(assigned.errors).toBeUndefined();
      expect(assigned.data!.assignReviewer.errors).toEqual([]);
      const reviewer = await principalFromToken({ sub: `reviewer-${expert.id}`, roles: [Role.REVIEWER], expertId: expert.id });
      const assignmentId = assigned.data!.assignReviewer.assignment.id;
      const accepted = await execute(server, db.dataSource, `mutation { respondToAssignment(id: "${assignmentId}", accept: true, conflictOfInterest: { hasConflict: false }) { assignment { status } errors { code } } }`, {}, { principal: reviewer });
      expect(accepted.data!.respondToAssignment).toEqual({ assignment: { status: 'ACCEPTED' }, errors: [] });
      const reviewed = await execute(server, db.dataSource, `mutation { submitReview(assignmentId: "${assignmentId}", input: { decision: APPROVE, score: 4, comment: "Good" }) { review { score } errors { code message } } }`, {}, { principal: reviewer });
      expect(reviewed.errors).toBeUndefined();
      expect(reviewed.data!.submitReview).toEqual({ review: { score: 4 }, errors: [] });
    }
    const decided = await execute(server, db.dataSource, `mutation { decide(subjectId: "${id}", decision: PUBLISH) { practice { status publishedAt history { from to actorId } reviewProgress { readyForDecision completedUN completedNonUN } } errors { code message } } }`, {}, { principal: editor });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decide.errors).toEqual([]);
    expect(decided.data!.decide.practice.status).toBe('PUBLISHED');
    expect(decided.data!.decide.practice.history.map((s: any) => s.to)).toEqual(['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'PUBLISHED']);
    const anonymous = await execute(server, db.dataSource, `{ practice(id: "${id}") { status reviews { score reviewer { name } } } }`);
    expect(anonymous.data!.practice).toEqual({ status: 'PUBLISHED', reviews: [{ score: 4, reviewer: null }, { score: 4, reviewer: null }, { score: 4, reviewer: null }] });
    console.log('statements: create', created.statements, 'submit', submitted.statements, 'decide', decided.statements);
  });
});
