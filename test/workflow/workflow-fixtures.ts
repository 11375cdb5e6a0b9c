/**
 * Shared helpers of the write-side workflow tests: a seeded database and server, real signed
 * tokens for each role, the mutations as a client sends them, and row counts to prove that a
 * refusal wrote nothing.
 */
import { Role, type Principal } from '../../src/auth/principal';
import type { HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, principalFromToken, startTestServer, type Result } from '../support/graphql';

export interface World {
  db: TestDatabase;
  server: HubServer;
  /** Runs one operation as `principal` (anonymous when absent). */
  run<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, principal?: Principal): Promise<Result<Data>>;
  sql<Row = any>(text: string, params?: unknown[]): Promise<Row[]>;
  stop(): Promise<void>;
}

export async function startWorld(randomSeed = 11): Promise<World> {
  const db = await createTestDatabase({ seed: { randomSeed, scale: 'tiny' } });
  const server = await startTestServer(db.dataSource);
  return {
    db,
    server,
    run: (query, variables = {}, principal) => execute(server, db.dataSource, query, variables, { principal }),
    sql: (text, params = []) => db.dataSource.query(text, params),
    async stop() {
      await server.stop();
      await db.drop();
    },
  };
}

// ---- principals (real HS256 tokens, verified as the HTTP handler verifies them) ----

export const member = (sub = 'member-1') => principalFromToken({ sub, roles: [Role.MEMBER] });
export const editor = (sub = 'editor-1') => principalFromToken({ sub, roles: [Role.EDITOR] });
export const reviewerOnly = (sub = 'reviewer-only') => principalFromToken({ sub, roles: [Role.REVIEWER] });
export const reviewer = (expertId: string) => principalFromToken({ sub: `reviewer-${expertId}`, roles: [Role.REVIEWER], expertId });

// ---- operations ----

export const ERRORS = 'errors { code message field }';
export const PRACTICE_FIELDS = 'id status title publishedAt completion startDate endDate objectives { number } reviewProgress { round completedUN completedNonUN readyForDecision needsAdditionalReviewer recommendation }';
export const RESOURCE_FIELDS = 'id status title url type objectives { number } reviewProgress { round completedUN completedNonUN readyForDecision needsAdditionalReviewer recommendation }';
export const ASSIGNMENT_FIELDS = 'id status round dueOn';

export const M = {
  createPractice: `mutation CreatePractice($input: PracticeInput!) { createPractice(input: $input) { practice { ${PRACTICE_FIELDS} } ${ERRORS} } }`,
  updatePractice: `mutation UpdatePractice($id: ID!, $input: PracticeInput!) { updatePractice(id: $id, input: $input) { practice { ${PRACTICE_FIELDS} } ${ERRORS} } }`,
  submitPractice: `mutation SubmitPractice($id: ID!) { submitPractice(id: $id) { practice { ${PRACTICE_FIELDS} } ${ERRORS} } }`,
  decide: `mutation Decide($id: ID!, $decision: EditorDecision!, $note: String) { decide(subjectId: $id, decision: $decision, note: $note) { practice { ${PRACTICE_FIELDS} } ${ERRORS} } }`,
  createResource: `mutation CreateResource($input: ResourceInput!) { createResource(input: $input) { resource { ${RESOURCE_FIELDS} } ${ERRORS} } }`,
  updateResource: `mutation UpdateResource($id: ID!, $input: ResourceInput!) { updateResource(id: $id, input: $input) { resource { ${RESOURCE_FIELDS} } ${ERRORS} } }`,
  submitResource: `mutation SubmitResource($id: ID!) { submitResource(id: $id) { resource { ${RESOURCE_FIELDS} } ${ERRORS} } }`,
  decideResource: `mutation DecideResource($id: ID!, $decision: EditorDecision!, $note: String) { decideResource(subjectId: $id, decision: $decision, note: $note) { resource { ${RESOURCE_FIELDS} } ${ERRORS} } }`,
  assignReviewer: `mutation Assign($subjectId: ID!, $expertId: ID!, $dueOn: Date) { assignReviewer(subjectId: $subjectId, expertId: $expertId, dueOn: $dueOn) { assignment { ${ASSIGNMENT_FIELDS} } ${ERRORS} } }`,
  withdrawAssignment: `mutation Withdraw($id: ID!) { withdrawAssignment(id: $id) { assignment { ${ASSIGNMENT_FIELDS} } ${ERRORS} } }`,
  respond: `mutation Respond($id: ID!, $accept: Boolean!, $coi: ConflictOfInterestInput!) { respondToAssignment(id: $id, accept: $accept, conflictOfInterest: $coi) { assignment { ${ASSIGNMENT_FIELDS} } ${ERRORS} } }`,
  submitReview: `mutation Review($id: ID!, $input: ReviewInput!) { submitReview(assignmentId: $id, input: $input) { review { id decision score comment round } ${ERRORS} } }`,
  createCall: `mutation Call($input: CallForPracticesInput!) { createCallForPractices(input: $input) { call { id isOpen opensOn deadline } ${ERRORS} } }`,
};

/** The payload of the only root field of a mutation result, after checking there was no GraphQL error. */
export function payloadOf(result: Result<any>): any {
  if (result.errors !== undefined) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
  const keys = Object.keys(result.data ?? {});
  if (keys.length !== 1) throw new Error(`expected one root field, got ${JSON.stringify(result.data)}`);
  return result.data![keys[0]];
}

/** The payload, which must have no errors. */
export function ok(result: Result<any>): any {
  const p = payloadOf(result);
  if (p.errors.length > 0) throw new Error(`unexpected user errors: ${JSON.stringify(p.errors)}`);
  return p;
}

/** The codes of a GraphQL error response (UNAUTHENTICATED, FORBIDDEN …). */
export function graphqlCodes(result: Result<any>): unknown[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

// ---- content ----

export interface Refs {
  orgs: string[];
  un: string[];
  nonUN: string[];
}

export async function refs(world: World): Promise<Refs> {
  const orgs = (await world.sql<{ id: string }>('SELECT id FROM organization ORDER BY id LIMIT 5')).map((r) => r.id);
  const un = (await world.sql<{ id: string }>('SELECT id FROM expert WHERE is_un ORDER BY id')).map((r) => r.id);
  const nonUN = (await world.sql<{ id: string }>('SELECT id FROM expert WHERE NOT is_un ORDER BY id')).map((r) => r.id);
  if (un.length < 2 || nonUN.length < 5) throw new Error(`the tiny seed has too few experts: ${un.length} UN, ${nonUN.length} non-UN`);
  return { orgs, un, nonUN };
}

let counter = 0;
/** A unique word for titles, so full-text search finds exactly one practice. */
export function uniqueWord(prefix = 'zq'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}x${counter}`.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
}

/** A practice input that meets every submission criterion. */
export function completePracticeInput(orgId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Safe shelters for children ${uniqueWord()}`,
    summary: 'Shelters run with municipalities for unaccompanied children.',
    scope: 'NATIONAL',
    countries: ['CHE'],
    objectives: [10],
    guidingPrinciples: ['CHILD_SENSITIVE'],
    implementedBy: [orgId],
    startDate: '2020-01-01',
    completion: 'FULLY_COMPLETED',
    focalPoint: { name: 'Ana Bel', email: 'ana.bel@example.org', organization: 'Org' },
    ...overrides,
  };
}

export function completeResourceInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Toolkit for shelters ${uniqueWord()}`,
    summary: 'A toolkit.',
    type: 'TOOLKIT',
    url: 'https://example.org/toolkit',
    scope: 'GLOBAL',
    objectives: [10],
    ...overrides,
  };
}

export async function createPracticeDraft(world: World, author: Principal, input: Record<string, unknown>): Promise<string> {
  return ok(await world.run(M.createPractice, { input }, author)).practice.id;
}

export async function submitPractice(world: World, author: Principal, id: string): Promise<any> {
  return ok(await world.run(M.submitPractice, { id }, author)).practice;
}

export async function createResourceDraft(world: World, author: Principal, input: Record<string, unknown>): Promise<string> {
  return ok(await world.run(M.createResource, { input }, author)).resource.id;
}

export async function assign(world: World, ed: Principal, subjectId: string, expertId: string, dueOn?: string): Promise<string> {
  return ok(await world.run(M.assignReviewer, { subjectId, expertId, dueOn }, ed)).assignment.id;
}

export async function accept(world: World, expertId: string, assignmentId: string): Promise<void> {
  ok(await world.run(M.respond, { id: assignmentId, accept: true, coi: { hasConflict: false } }, await reviewer(expertId)));
}

export async function review(world: World, expertId: string, assignmentId: string, decision: string, score = 4, comment: string | null = null): Promise<any> {
  return ok(await world.run(M.submitReview, { id: assignmentId, input: { decision, score, comment } }, await reviewer(expertId))).review;
}

/** Assigns, accepts and reviews, one expert after the other; returns the assignment ids. */
export async function reviewBy(world: World, ed: Principal, subjectId: string, reviews: { expertId: string; decision: string; score?: number; comment?: string }[]): Promise<string[]> {
  const ids: string[] = [];
  for (const r of reviews) {
    const id = await assign(world, ed, subjectId, r.expertId);
    await accept(world, r.expertId, id);
    await review(world, r.expertId, id, r.decision, r.score ?? 4, r.comment ?? null);
    ids.push(id);
  }
  return ids;
}

/** A submitted practice of `author`, with 1 UN and 2 non-UN APPROVE reviews: ready for decision. */
export async function readyPractice(world: World, author: Principal, ed: Principal, r: Refs, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await createPracticeDraft(world, author, completePracticeInput(r.orgs[0], overrides));
  await submitPractice(world, author, id);
  await reviewBy(world, ed, id, [
    { expertId: r.un[0], decision: 'APPROVE' },
    { expertId: r.nonUN[0], decision: 'APPROVE' },
    { expertId: r.nonUN[1], decision: 'APPROVE' },
  ]);
  return id;
}

export async function readyResource(world: World, author: Principal, ed: Principal, r: Refs, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await createResourceDraft(world, author, completeResourceInput(overrides));
  ok(await world.run(M.submitResource, { id }, author));
  await reviewBy(world, ed, id, [
    { expertId: r.un[0], decision: 'APPROVE' },
    { expertId: r.nonUN[0], decision: 'APPROVE' },
    { expertId: r.nonUN[1], decision: 'APPROVE' },
  ]);
  return id;
}

// ---- rows ----

const WRITE_TABLES = [
  'practice', 'practice_objective', 'practice_region', 'practice_country', 'practice_guiding_principle', 'practice_organization',
  'resource', 'resource_objective', 'resource_region', 'resource_country',
  'workflow_step', 'review_assignment', 'review', 'call_for_practices',
] as const;

/** Row counts of every table a workflow mutation writes, plus a digest of their mutable columns. */
export async function rowCounts(world: World): Promise<Record<string, number | string>> {
  const [row] = await world.sql<Record<string, number | string>>(`SELECT ${WRITE_TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')},
    (SELECT md5(coalesce(string_agg(id::text || status || review_round || updated_at::text || title::text, ',' ORDER BY id), '')) FROM practice) AS practice_digest,
    (SELECT md5(coalesce(string_agg(id::text || status || review_round || updated_at::text || title::text, ',' ORDER BY id), '')) FROM resource) AS resource_digest,
    (SELECT md5(coalesce(string_agg(id::text || status || coalesce(conflict_declared::text, '-'), ',' ORDER BY id), '')) FROM review_assignment) AS assignment_digest`);
  return row;
}

export async function stepsOf(world: World, kind: 'practice' | 'resource', id: string): Promise<{ from: string | null; to: string; actor: string }[]> {
  return world.sql(`SELECT from_status AS "from", to_status AS "to", actor_id AS actor FROM workflow_step WHERE ${kind}_id = $1 ORDER BY at, id`, [id]);
}

export function todayUtc(offsetDays = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

// ---- statements per mutation ----

/** Statement counts by mutation, printed as one table. */
export class StatementTable {
  private readonly rows = new Map<string, number[]>();

  record(name: string, result: Result<any>): Result<any> {
    const list = this.rows.get(name) ?? [];
    list.push(result.statements);
    this.rows.set(name, list);
    return result;
  }

  max(name: string): number {
    return Math.max(...(this.rows.get(name) ?? [Number.NaN]));
  }

  format(title: string): string {
    const lines = [`${title}`, '| Mutation (happy path) | Statements |', '| --- | --- |'];
    for (const [name, counts] of this.rows) {
      const distinct = [...new Set(counts)].sort((a, b) => a - b);
      lines.push(`| ${name} | ${distinct.join(', ')} |`);
    }
    return lines.join('\n');
  }
}
