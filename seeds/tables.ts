import type { ColumnSpec } from './bulk-insert';

/**
 * Aggregates that triggers maintain in normal operation; the seeds compute them (see
 * withAggregates) and load with the recount triggers paused.
 */
const AGGREGATES = [['objective_count', 'smallint'], ['review_count', 'integer'], ['review_score', 'numeric']] as const;

/** Who wrote an item and its review round (see seeds/workflow.ts). */
const WORKFLOW = [['created_by', 'text'], ['review_round', 'smallint']] as const;

/** Every seeded table with its columns, in an order that satisfies the foreign keys. */
export const TABLES = {
  objective: [['number', 'smallint'], ['short_title', 'text'], ['short_title_i18n', 'jsonb'], ['title', 'jsonb']],
  guiding_principle: [['code', 'text'], ['position', 'smallint'], ['title', 'jsonb']],
  region: [['code', 'text'], ['name', 'text'], ['name_i18n', 'jsonb'], ['parent_code', 'text']],
  country: [['code', 'text'], ['name', 'text'], ['name_i18n', 'jsonb'], ['region_code', 'text'], ['subregion_code', 'text']],
  organization: [['id', 'uuid'], ['name', 'text'], ['kind', 'text'], ['country_code', 'text']],
  expert: [['id', 'uuid'], ['name', 'text'], ['affiliation', 'text'], ['is_un', 'boolean']],
  expert_expertise: [['expert_id', 'uuid'], ['objective_number', 'smallint']],
  community_group: [['id', 'uuid'], ['slug', 'text'], ['name', 'jsonb'], ['description', 'jsonb'], ['member_count', 'integer'], ['created_at', 'timestamptz']],
  community_group_objective: [['community_group_id', 'uuid'], ['objective_number', 'smallint']],
  call_for_practices: [['id', 'uuid'], ['slug', 'text'], ['title', 'jsonb'], ['theme', 'text'], ['opens_on', 'date'], ['deadline', 'date']],
  call_for_practices_objective: [['call_id', 'uuid'], ['objective_number', 'smallint']],
  practice: [
    ['id', 'uuid'], ['slug', 'text'], ['title', 'jsonb'], ['summary', 'jsonb'], ['status', 'text'], ['scope', 'text'],
    ['start_date', 'date'], ['end_date', 'date'], ['lessons_learned', 'jsonb'], ['recommendations', 'jsonb'], ['takeaway', 'jsonb'],
    ['call_id', 'uuid'], ['community_group_id', 'uuid'], ['published_at', 'timestamptz'], ['created_at', 'timestamptz'],
    ...AGGREGATES, ...WORKFLOW,
  ],
  practice_objective: [['practice_id', 'uuid'], ['objective_number', 'smallint']],
  practice_guiding_principle: [['practice_id', 'uuid'], ['principle_code', 'text']],
  practice_region: [['practice_id', 'uuid'], ['region_code', 'text']],
  practice_country: [['practice_id', 'uuid'], ['country_code', 'text']],
  practice_organization: [['practice_id', 'uuid'], ['organization_id', 'uuid'], ['role', 'text']],
  resource: [
    ['id', 'uuid'], ['slug', 'text'], ['title', 'jsonb'], ['summary', 'jsonb'], ['type', 'text'], ['url', 'text'], ['scope', 'text'],
    ['publisher_id', 'uuid'], ['published_on', 'date'], ['status', 'text'], ['community_group_id', 'uuid'], ['created_at', 'timestamptz'],
    ...AGGREGATES, ...WORKFLOW,
  ],
  resource_objective: [['resource_id', 'uuid'], ['objective_number', 'smallint']],
  resource_region: [['resource_id', 'uuid'], ['region_code', 'text']],
  resource_country: [['resource_id', 'uuid'], ['country_code', 'text']],
  practice_resource: [['practice_id', 'uuid'], ['resource_id', 'uuid']],
  review_assignment: [
    ['id', 'uuid'], ['practice_id', 'uuid'], ['resource_id', 'uuid'], ['expert_id', 'uuid'], ['round', 'smallint'], ['status', 'text'],
    ['invited_at', 'timestamptz'], ['invited_by', 'text'], ['due_on', 'date'], ['responded_at', 'timestamptz'], ['conflict_declared', 'boolean'], ['conflict_details', 'text'],
  ],
  review: [
    ['id', 'uuid'], ['practice_id', 'uuid'], ['resource_id', 'uuid'], ['reviewer_id', 'uuid'], ['decision', 'text'], ['score', 'smallint'],
    ['comment', 'text'], ['conflict_of_interest_declared_at', 'timestamptz'], ['conflict_of_interest', 'text'], ['submitted_at', 'timestamptz'],
    ['round', 'smallint'], ['assignment_id', 'uuid'],
  ],
  workflow_step: [
    ['id', 'uuid'], ['practice_id', 'uuid'], ['resource_id', 'uuid'], ['at', 'timestamptz'], ['from_status', 'text'], ['to_status', 'text'], ['actor_id', 'text'], ['note', 'text'],
  ],
  event: [
    ['id', 'uuid'], ['slug', 'text'], ['title', 'jsonb'], ['kind', 'text'], ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'],
    ['online', 'boolean'], ['location', 'text'], ['registration_url', 'text'], ['recording_url', 'text'], ['community_group_id', 'uuid'], ['call_id', 'uuid'],
  ],
  event_objective: [['event_id', 'uuid'], ['objective_number', 'smallint']],
  event_organizer: [['event_id', 'uuid'], ['organization_id', 'uuid']],
  event_practice: [['event_id', 'uuid'], ['practice_id', 'uuid']],
  event_resource: [['event_id', 'uuid'], ['resource_id', 'uuid']],
  curated_view: [['slug', 'text'], ['title', 'jsonb'], ['objective_number', 'smallint'], ['rules', 'jsonb']],
  curated_view_item: [['view_slug', 'text'], ['position', 'smallint'], ['practice_id', 'uuid'], ['resource_id', 'uuid'], ['event_id', 'uuid'], ['community_group_id', 'uuid']],
} as const satisfies Record<string, readonly ColumnSpec[]>;

export type TableName = keyof typeof TABLES;

/** Rows to insert, per table, as positional arrays matching TABLES. */
export type SeedRows = { [T in TableName]: unknown[][] };

export function emptyRows(): SeedRows {
  return Object.fromEntries(Object.keys(TABLES).map((t) => [t, []])) as unknown as SeedRows;
}
