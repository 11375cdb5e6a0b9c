import { MigrationInterface, QueryRunner } from 'typeorm';

const SUBJECT = `
    practice_id uuid REFERENCES practice(id) ON DELETE CASCADE,
    resource_id uuid REFERENCES resource(id) ON DELETE CASCADE`;
const ONE_SUBJECT = (name: string) => `CONSTRAINT ${name}_one_subject CHECK (num_nonnulls(practice_id, resource_id) = 1)`;
const STATUSES = `'DRAFT','SUBMITTED','UNDER_REVIEW','CHANGES_REQUESTED','PUBLISHED','REJECTED'`;
/** A principal id (a token's `sub`): any non-blank string of at most 200 characters. */
const PRINCIPAL = (column: string, nullable = false) =>
  `${column} text ${nullable ? '' : 'NOT NULL '}CHECK (length(btrim(${column})) BETWEEN 1 AND 200)`;

/**
 * The write side: who created an item, review rounds and assignments, the history of every
 * transition, community membership and applications to the review roster.
 */
export class Workflow1764200000000 implements MigrationInterface {
  name = 'Workflow1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const statement of UP) await q.query(statement);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const statement of DOWN) await q.query(statement);
  }
}

const UP: string[] = [
  // Content: its author, its review round, and the practice's completion and focal point.
  ...['practice', 'resource'].flatMap((t) => [
    `ALTER TABLE ${t} ADD COLUMN ${PRINCIPAL('created_by', true)},
       ADD COLUMN review_round smallint NOT NULL DEFAULT 0 CHECK (review_round >= 0),
       ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`,
    `CREATE INDEX ${t}_created_by_idx ON ${t} (created_by, created_at DESC, id) WHERE created_by IS NOT NULL`,
  ]),
  `ALTER TABLE practice
     ADD COLUMN completion text CHECK (completion IN ('FULLY_COMPLETED', 'MOSTLY_COMPLETED', 'ONGOING')),
     ADD COLUMN focal_point jsonb CHECK (focal_point IS NULL OR jsonb_typeof(focal_point) = 'object')`,
  `CREATE TABLE review_assignment (
    id uuid PRIMARY KEY,
    ${SUBJECT},
    expert_id uuid NOT NULL REFERENCES expert(id),
    round smallint NOT NULL CHECK (round >= 1),
    status text NOT NULL DEFAULT 'INVITED' CHECK (status IN ('INVITED','ACCEPTED','DECLINED','DECLINED_CONFLICT','COMPLETED','WITHDRAWN')),
    invited_at timestamptz NOT NULL DEFAULT now(),
    ${PRINCIPAL('invited_by')},
    due_on date,
    responded_at timestamptz,
    conflict_declared boolean,
    conflict_details text CHECK (length(conflict_details) <= 5000),
    ${ONE_SUBJECT('review_assignment')},
    CONSTRAINT review_assignment_conflict_declared_on_response CHECK (status IN ('INVITED', 'WITHDRAWN') OR conflict_declared IS NOT NULL OR status = 'DECLINED')
  )`,
  // Never the same expert twice in one round (a withdrawn invitation does not count).
  `CREATE UNIQUE INDEX review_assignment_once_per_round_practice ON review_assignment (practice_id, round, expert_id) WHERE practice_id IS NOT NULL AND status <> 'WITHDRAWN'`,
  `CREATE UNIQUE INDEX review_assignment_once_per_round_resource ON review_assignment (resource_id, round, expert_id) WHERE resource_id IS NOT NULL AND status <> 'WITHDRAWN'`,
  `CREATE INDEX review_assignment_expert_idx ON review_assignment (expert_id, invited_at DESC)`,
  // Reviews belong to a round and, when made through the workflow, to one assignment.
  `ALTER TABLE review
     ADD COLUMN round smallint NOT NULL DEFAULT 1 CHECK (round >= 1),
     ADD COLUMN assignment_id uuid UNIQUE REFERENCES review_assignment(id),
     DROP CONSTRAINT review_one_per_reviewer_practice,
     DROP CONSTRAINT review_one_per_reviewer_resource,
     ADD CONSTRAINT review_one_per_reviewer_practice_round UNIQUE (practice_id, reviewer_id, round),
     ADD CONSTRAINT review_one_per_reviewer_resource_round UNIQUE (resource_id, reviewer_id, round)`,
  `CREATE TABLE workflow_step (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${SUBJECT},
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    from_status text CHECK (from_status IN (${STATUSES})),
    to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
    ${PRINCIPAL('actor_id')},
    note text CHECK (length(note) <= 5000),
    ${ONE_SUBJECT('workflow_step')}
  )`,
  `CREATE INDEX workflow_step_practice_idx ON workflow_step (practice_id, at) WHERE practice_id IS NOT NULL`,
  `CREATE INDEX workflow_step_resource_idx ON workflow_step (resource_id, at) WHERE resource_id IS NOT NULL`,
  `CREATE TABLE community_group_member (
    community_group_id uuid NOT NULL REFERENCES community_group(id) ON DELETE CASCADE,
    ${PRINCIPAL('member_id')},
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (community_group_id, member_id)
  )`,
  `CREATE TABLE roster_application (
    id uuid PRIMARY KEY,
    ${PRINCIPAL('applicant_id')},
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
    affiliation text NOT NULL CHECK (length(btrim(affiliation)) BETWEEN 1 AND 300),
    is_un boolean NOT NULL,
    expertise smallint[] NOT NULL CHECK (cardinality(expertise) BETWEEN 1 AND 23 AND expertise <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23]::smallint[]),
    motivation text NOT NULL CHECK (length(btrim(motivation)) BETWEEN 1 AND 5000),
    status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED')),
    submitted_at timestamptz NOT NULL DEFAULT now(),
    decided_at timestamptz,
    ${PRINCIPAL('decided_by', true)},
    expert_id uuid REFERENCES expert(id),
    CONSTRAINT roster_application_approved_has_expert CHECK ((status = 'APPROVED') = (expert_id IS NOT NULL))
  )`,
  // One pending application per person at a time.
  `CREATE UNIQUE INDEX roster_application_one_pending ON roster_application (applicant_id) WHERE status = 'PENDING'`,
  `CREATE INDEX roster_application_status_idx ON roster_application (status, submitted_at)`,
  // A roster expert who joined through an application is that person.
  `ALTER TABLE expert ADD COLUMN ${PRINCIPAL('principal_id', true)} UNIQUE`,
];

const DOWN: string[] = [
  'ALTER TABLE expert DROP COLUMN principal_id',
  'DROP TABLE roster_application, community_group_member, workflow_step',
  `ALTER TABLE review DROP CONSTRAINT review_one_per_reviewer_practice_round, DROP CONSTRAINT review_one_per_reviewer_resource_round,
     DROP COLUMN assignment_id, DROP COLUMN round,
     ADD CONSTRAINT review_one_per_reviewer_practice UNIQUE (practice_id, reviewer_id),
     ADD CONSTRAINT review_one_per_reviewer_resource UNIQUE (resource_id, reviewer_id)`,
  'DROP TABLE review_assignment',
  'ALTER TABLE practice DROP COLUMN completion, DROP COLUMN focal_point',
  ...['practice', 'resource'].map((t) => `ALTER TABLE ${t} DROP COLUMN created_by, DROP COLUMN review_round, DROP COLUMN updated_at`),
];
