import type { Sql } from '../src/db/sql';
import type { Random } from './random';
import { TABLES, type SeedRows } from './tables';

const DAY = 86_400_000;
/** The members who authored the unpublished seed content: `npm run token -- --role MEMBER --sub member-1` sees theirs. */
export const SEED_MEMBERS = ['member-1', 'member-2', 'member-3', 'member-4', 'member-5'];
export const SEED_EDITOR = 'editor-1';

const col = (table: keyof typeof TABLES, name: string): number => TABLES[table].findIndex(([n]) => n === name);

/**
 * The workflow around the seed content, so an editor's screens have data: authors, review
 * rounds, an assignment behind every review of an unpublished item (plus open invitations on
 * items under review) and each unpublished item's history.
 * Published content and its facts are left as they are: its reviews predate the workflow.
 * Appends `created_by`, `review_round` to content rows and `round`, `assignment_id` to reviews.
 */
export function addWorkflow(rows: SeedRows, rng: Random): void {
  const experts = rows.expert.map((e) => ({ id: e[0] as string, isUN: e[3] as boolean }));
  const assignmentOfReview = new Map<string, string>();
  for (const kind of ['practice', 'resource'] as const) {
    const status = col(kind, 'status');
    const created = col(kind, 'created_at');
    const subjectColumn = col('review', `${kind}_id`);
    const reviewsOf = new Map<string, unknown[][]>();
    for (const review of rows.review) {
      const subject = review[subjectColumn] as string | null;
      if (subject) reviewsOf.set(subject, [...(reviewsOf.get(subject) ?? []), review]);
    }
    for (const row of rows[kind]) {
      const id = row[0] as string;
      const state = row[status] as string;
      const unpublished = state !== 'PUBLISHED';
      row.push(unpublished ? rng.pick(SEED_MEMBERS) : null, state === 'DRAFT' ? 0 : 1);
      if (!unpublished) continue;
      const createdAt = new Date(row[created] as string);
      const step = (from: string | null, to: string, at: Date, actor: string) =>
        rows.workflow_step.push([rng.uuid(), kind === 'practice' ? id : null, kind === 'resource' ? id : null, at.toISOString(), from, to, actor, null]);
      step(null, 'DRAFT', createdAt, row[row.length - 2] as string);
      if (state === 'DRAFT') continue;
      const submitted = new Date(createdAt.getTime() + rng.int(1, 20) * DAY);
      step('DRAFT', 'SUBMITTED', submitted, row[row.length - 2] as string);
      if (state === 'SUBMITTED') continue;
      const reviews = reviewsOf.get(id) ?? [];
      const invited = new Date(submitted.getTime() + rng.int(1, 5) * DAY);
      step('SUBMITTED', 'UNDER_REVIEW', invited, SEED_EDITOR);
      for (const review of reviews) {
        const assignment = rng.uuid();
        assignmentOfReview.set(review[0] as string, assignment);
        const declared = review[col('review', 'conflict_of_interest_declared_at')] as string;
        const conflict = review[col('review', 'conflict_of_interest')] as string | null;
        rows.review_assignment.push([assignment, kind === 'practice' ? id : null, kind === 'resource' ? id : null, review[col('review', 'reviewer_id')],
          1, 'COMPLETED', invited.toISOString(), SEED_EDITOR, null, declared, conflict !== null, conflict]);
      }
      if (state === 'UNDER_REVIEW') {
        // Open invitations too: one still unanswered, sometimes one accepted and due.
        const reviewers = new Set(reviews.map((r) => r[col('review', 'reviewer_id')] as string));
        const free = experts.filter((e) => !reviewers.has(e.id));
        for (const [k, expert] of rng.sample(free, rng.int(1, 2)).entries()) {
          const accepted = k === 1;
          rows.review_assignment.push([rng.uuid(), kind === 'practice' ? id : null, kind === 'resource' ? id : null, expert.id, 1,
            accepted ? 'ACCEPTED' : 'INVITED', invited.toISOString(), SEED_EDITOR, new Date(invited.getTime() + 30 * DAY).toISOString().slice(0, 10),
            accepted ? new Date(invited.getTime() + 2 * DAY).toISOString() : null, accepted ? false : null, null]);
        }
        continue;
      }
      step('UNDER_REVIEW', state, new Date(invited.getTime() + rng.int(20, 60) * DAY), SEED_EDITOR);
    }
  }
  for (const review of rows.review) review.push(1, assignmentOfReview.get(review[0] as string) ?? null);
}

/** Roster applications awaiting an editor (and one declined), by deterministic ids. */
export async function seedRosterApplications(sql: Sql, rng: Random): Promise<number> {
  const names = ['Amina Diallo', 'Carlos Mendoza', 'Lena Fischer', 'Priya Raman'];
  let inserted = 0;
  for (const [i, name] of names.entries()) {
    const declined = i === 3;
    const rows = await sql.query(`/* seed roster_application */ INSERT INTO roster_application
        (id, applicant_id, name, affiliation, is_un, expertise, motivation, status, submitted_at, decided_at, decided_by)
      VALUES ($1, $2, $3, $4, $5, $6::smallint[], $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING 1`,
    [rng.uuid(), `applicant-${i + 1}`, name, i % 2 ? 'University of Geneva' : 'IOM', i % 2 === 0, rng.sample([1, 5, 7, 10, 13, 16, 21, 23], 2),
      'I have evaluated migration programmes for ten years and would like to review for the hub.', declined ? 'DECLINED' : 'PENDING',
      new Date(Date.UTC(2026, 9, 1 + i * 5)).toISOString(), declined ? new Date(Date.UTC(2026, 9, 20)).toISOString() : null, declined ? SEED_EDITOR : null]);
    inserted += rows.length;
  }
  return inserted;
}
