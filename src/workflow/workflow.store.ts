import type { ContentKind } from '../content/content-write';
import type { ContentStatus } from '../content/content-status';
import type { Sql } from '../db/sql';
import { groupedQuery } from '../graph/grouped-query';
import type { ReviewDecision } from '../review/review.entity';
import type { WorkflowStep } from './workflow-step';

/** A content row as the workflow needs it, locked for the rest of the transaction. */
export interface LockedSubject {
  id: string;
  kind: ContentKind;
  status: ContentStatus;
  createdBy: string | null;
  round: number;
  /** The caller may read it (the visibility policy's `readable`). */
  readable: boolean;
}

/**
 * Locks the practice or resource `id` (FOR UPDATE: concurrent transitions of one item queue
 * behind each other) and returns it; null when there is none. `kinds` narrows where to look.
 */
export async function lockSubject(tx: Sql, id: string, readable: Record<ContentKind, string>, kinds: ContentKind[] = ['practice', 'resource']): Promise<LockedSubject | null> {
  const parts = kinds.map((kind) => `${kind} AS (SELECT t.id, '${kind}' AS kind, t.status, t.created_by AS "createdBy", t.review_round AS round,
      ${readable[kind]} AS readable FROM ${kind} t WHERE t.id = $1::uuid FOR UPDATE OF t)`);
  const rows = await tx.query<LockedSubject>(`/* lockSubject */ WITH ${parts.join(', ')}
    ${kinds.map((k) => `SELECT * FROM ${k}`).join(' UNION ALL ')}`, [id]);
  return rows[0] ?? null;
}

/**
 * Moves a locked subject to `to`, records the step and applies `extraSet` (e.g. publishedAt):
 * one statement. With `withdrawOpen`, the round's open invitations are withdrawn too.
 */
export async function transition(
  tx: Sql,
  subject: LockedSubject,
  to: ContentStatus,
  actorId: string,
  note: string | null,
  options: { extraSet?: string; withdrawOpen?: boolean } = {},
): Promise<void> {
  const { kind } = subject;
  const withdraw = options.withdrawOpen
    ? `, withdrawn AS (UPDATE review_assignment SET status = 'WITHDRAWN' WHERE ${kind}_id = $1 AND round = $6 AND status IN ('INVITED', 'ACCEPTED') RETURNING 1)`
    : '';
  await tx.query(`/* transition_${kind} */ WITH moved AS (
      UPDATE ${kind} SET status = $3, updated_at = now()${options.extraSet ? `, ${options.extraSet}` : ''} WHERE id = $1 RETURNING id)${withdraw}
    INSERT INTO workflow_step (${kind}_id, from_status, to_status, actor_id, note) SELECT id, $2, $3, $4, $5 FROM moved`,
  [subject.id, subject.status, to, actorId, note, ...(options.withdrawOpen ? [subject.round] : [])]);
}

/** Records the creation of an item (from null to DRAFT). */
export async function recordCreation(tx: Sql, kind: ContentKind, id: string, actorId: string): Promise<void> {
  await tx.query(`/* recordCreation */ INSERT INTO workflow_step (${kind}_id, from_status, to_status, actor_id) VALUES ($1, NULL, 'DRAFT', $2)`, [id, actorId]);
}

export interface RoundReviewRow {
  round: number;
  isUN: boolean | null;
  decision: ReviewDecision | null;
}

/** The completed reviews of each item's current round (a row with null decision for an item with none). */
export function currentRoundReviews(sql: Sql, kind: ContentKind, ids: readonly string[]): Promise<RoundReviewRow[][]> {
  return groupedQuery(sql, `/* currentRoundReviewsBy_${kind} */ SELECT t.id AS parent, t.review_round AS round, e.is_un AS "isUN", r.decision
    FROM ${kind} t LEFT JOIN review r ON r.${kind}_id = t.id AND r.round = t.review_round LEFT JOIN expert e ON e.id = r.reviewer_id
    WHERE t.id = ANY($1::uuid[]) ORDER BY t.id, r.submitted_at`, ids);
}

/** The history of each item, oldest step first. */
export function historyOf(sql: Sql, kind: ContentKind, ids: readonly string[]): Promise<WorkflowStep[][]> {
  return groupedQuery(sql, `/* historyBy_${kind} */ SELECT s.${kind}_id AS parent, s.at, s.from_status AS "from", s.to_status AS "to", s.actor_id AS "actorId", s.note
    FROM workflow_step s WHERE s.${kind}_id = ANY($1::uuid[]) ORDER BY s.${kind}_id, s.at, s.id`, ids);
}
