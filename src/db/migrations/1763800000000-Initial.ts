import { MigrationInterface, QueryRunner } from 'typeorm';
import { CONTENT_TABLES, derivedFunctionSql, LANGUAGES, SCOPES } from '../content-derived-sql';

/**
 * The whole data model. Written by hand rather than generated, because the ranking keys,
 * full-text vectors, CHECK constraints and maintenance triggers are what make the graph
 * correct and fast, and TypeORM's generator can express none of them.
 */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const statement of UP) await q.query(statement);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const statement of DOWN) await q.query(statement);
  }
}

/** English must be present and non-empty; other keys are optional but must be strings. */
const localized = (column: string, nullable = false): string => {
  const rule =
    `jsonb_typeof(${column}) = 'object' AND jsonb_typeof(${column}->'en') = 'string' ` +
    `AND length(btrim(${column}->>'en')) > 0 ` +
    `AND (NOT ${column} ? 'fr' OR jsonb_typeof(${column}->'fr') = 'string') ` +
    `AND (NOT ${column} ? 'es' OR jsonb_typeof(${column}->'es') = 'string')`;
  // A missing key makes the rule NULL, which a CHECK would let through: NULL must mean "no".
  const check = nullable ? `${column} IS NULL OR coalesce(${rule}, false)` : `coalesce(${rule}, false)`;
  return `${column} jsonb ${nullable ? '' : 'NOT NULL '}CONSTRAINT ${column}_has_english CHECK (${check})`;
};

const STATUSES = `'DRAFT','SUBMITTED','UNDER_REVIEW','CHANGES_REQUESTED','PUBLISHED','REJECTED'`;
const RESOURCE_TYPES = `'POLICY_BRIEF','WORKING_PAPER','REPORT','JOURNAL_ARTICLE','STUDY','PORTAL','DATASET','INFOGRAPHIC','VIDEO','TOOLKIT','OTHER'`;
const ORG_KINDS = `'MEMBER_STATE','UN_ENTITY','NETWORK_MEMBER','CIVIL_SOCIETY','ACADEMIA','PRIVATE_SECTOR','OTHER'`;
const EVENT_KINDS = `'WEBINAR','CONFERENCE','WORKSHOP','CONSULTATION','LISTENING_SESSION','OBSERVANCE'`;
const URL_CHECK = (c: string) => `CHECK (${c} ~ '^https?://[^\\s/$.?#].[^\\s]*$')`;
/**
 * A bulk loader that writes the aggregates itself (the seeds) sets `hubgraph.bulk_load`
 * for its transaction, sparing one rewrite of every content row per link and review.
 */
const SKIP_WHEN_BULK_LOADING = `IF current_setting('hubgraph.bulk_load', true) = 'on' THEN RETURN NULL; END IF;`;

const SLUG_CHECK = `CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')`;

/** One tsvector per language, maintained by the row trigger (see contentRowTrigger). */
const searchColumns = LANGUAGES.map(([, lang]) => `search_${lang} tsvector NOT NULL DEFAULT ''::tsvector`).join(',\n    ');

/**
 * Ranking keys, all ascending so that one btree index serves ORDER BY and keyset cursors
 * compare them as one row value: scope (broadest first), minus objective count, minus mean
 * review score (no review sorts last), minus publication time (undated sorts last), id.
 */
const rankColumns = `
    objective_count smallint NOT NULL DEFAULT 0 CHECK (objective_count BETWEEN 0 AND 23),
    review_count integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    review_score numeric(4,3) CHECK (review_score BETWEEN 1 AND 5),
    rank_scope smallint NOT NULL DEFAULT 0,
    rank_objectives smallint NOT NULL DEFAULT 0,
    rank_score numeric(4,3) NOT NULL DEFAULT 0,
    rank_recency bigint NOT NULL DEFAULT 0`;

const UP: string[] = [
  `CREATE TABLE objective (
    number smallint PRIMARY KEY CHECK (number BETWEEN 1 AND 23),
    short_title text NOT NULL CHECK (length(btrim(short_title)) > 0),
    ${localized('title')}
  )`,
  `CREATE TABLE guiding_principle (
    code text PRIMARY KEY CHECK (code ~ '^[A-Z_]+$'),
    position smallint NOT NULL UNIQUE CHECK (position BETWEEN 1 AND 10),
    ${localized('title')}
  )`,
  `CREATE TABLE region (
    code char(3) PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
    name text NOT NULL CHECK (length(btrim(name)) > 0),
    parent_code char(3) REFERENCES region(code)
  )`,
  `CREATE INDEX region_parent_idx ON region (parent_code)`,
  `CREATE TABLE country (
    code char(3) PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
    name text NOT NULL CHECK (length(btrim(name)) > 0),
    region_code char(3) NOT NULL REFERENCES region(code),
    subregion_code char(3) NOT NULL REFERENCES region(code)
  )`,
  `CREATE INDEX country_region_idx ON country (region_code)`,
  `CREATE INDEX country_subregion_idx ON country (subregion_code)`,
  `CREATE TABLE organization (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(btrim(name)) > 0),
    kind text NOT NULL CHECK (kind IN (${ORG_KINDS})),
    country_code char(3) REFERENCES country(code)
  )`,
  `CREATE INDEX organization_kind_idx ON organization (kind)`,
  `CREATE INDEX organization_country_idx ON organization (country_code)`,
  `CREATE TABLE expert (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(btrim(name)) > 0),
    affiliation text,
    is_un boolean NOT NULL
  )`,
  `CREATE TABLE expert_expertise (
    expert_id uuid NOT NULL REFERENCES expert(id) ON DELETE CASCADE,
    objective_number smallint NOT NULL REFERENCES objective(number),
    PRIMARY KEY (expert_id, objective_number)
  )`,
  `CREATE TABLE community_group (
    id uuid PRIMARY KEY,
    slug text NOT NULL UNIQUE ${SLUG_CHECK},
    ${localized('name')},
    ${localized('description')},
    member_count integer NOT NULL DEFAULT 0 CHECK (member_count >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE community_group_objective (
    community_group_id uuid NOT NULL REFERENCES community_group(id) ON DELETE CASCADE,
    objective_number smallint NOT NULL REFERENCES objective(number),
    PRIMARY KEY (community_group_id, objective_number)
  )`,
  `CREATE INDEX community_group_objective_objective_idx ON community_group_objective (objective_number)`,
  `CREATE TABLE call_for_practices (
    id uuid PRIMARY KEY,
    slug text NOT NULL UNIQUE ${SLUG_CHECK},
    ${localized('title')},
    theme text NOT NULL CHECK (length(btrim(theme)) > 0),
    opens_on date NOT NULL,
    deadline date NOT NULL,
    CONSTRAINT call_deadline_after_opening CHECK (deadline >= opens_on)
  )`,
  `CREATE INDEX call_deadline_idx ON call_for_practices (deadline)`,
  `CREATE TABLE call_for_practices_objective (
    call_id uuid NOT NULL REFERENCES call_for_practices(id) ON DELETE CASCADE,
    objective_number smallint NOT NULL REFERENCES objective(number),
    PRIMARY KEY (call_id, objective_number)
  )`,
  `CREATE TABLE practice (
    id uuid PRIMARY KEY,
    slug text NOT NULL UNIQUE ${SLUG_CHECK},
    ${localized('title')},
    ${localized('summary')},
    status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN (${STATUSES})),
    scope text NOT NULL CHECK (scope IN (${SCOPES})),
    start_date date,
    end_date date,
    ${localized('lessons_learned', true)},
    ${localized('recommendations', true)},
    ${localized('takeaway', true)},
    call_id uuid REFERENCES call_for_practices(id),
    community_group_id uuid REFERENCES community_group(id),
    published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    ${rankColumns},
    ${searchColumns},
    CONSTRAINT practice_period_ordered CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CONSTRAINT practice_published_has_date CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL)
  )`,
  `CREATE TABLE resource (
    id uuid PRIMARY KEY,
    slug text NOT NULL UNIQUE ${SLUG_CHECK},
    ${localized('title')},
    ${localized('summary')},
    type text NOT NULL CHECK (type IN (${RESOURCE_TYPES})),
    url text NOT NULL ${URL_CHECK('url')},
    scope text NOT NULL CHECK (scope IN (${SCOPES})),
    publisher_id uuid REFERENCES organization(id),
    published_on date,
    status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN (${STATUSES})),
    community_group_id uuid REFERENCES community_group(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    ${rankColumns},
    ${searchColumns}
  )`,
  ...['practice', 'resource'].flatMap((t) => [
    `CREATE INDEX ${t}_rank_idx ON ${t} (rank_scope, rank_objectives, rank_score, rank_recency, id) WHERE status = 'PUBLISHED'`,
    `CREATE INDEX ${t}_recent_idx ON ${t} (rank_recency, id) WHERE status = 'PUBLISHED'`,
    `CREATE INDEX ${t}_title_idx ON ${t} ((lower(title->>'en')), id) WHERE status = 'PUBLISHED'`,
    `CREATE INDEX ${t}_status_idx ON ${t} (status)`,
    `CREATE INDEX ${t}_scope_idx ON ${t} (scope)`,
    `CREATE INDEX ${t}_group_idx ON ${t} (community_group_id)`,
    `CREATE INDEX ${t}_search_en_idx ON ${t} USING gin (search_en)`,
    `CREATE INDEX ${t}_search_fr_idx ON ${t} USING gin (search_fr)`,
    `CREATE INDEX ${t}_search_es_idx ON ${t} USING gin (search_es)`,
  ]),
  `CREATE INDEX practice_call_idx ON practice (call_id)`,
  `CREATE INDEX practice_period_idx ON practice (start_date, end_date)`,
  `CREATE INDEX resource_publisher_idx ON resource (publisher_id)`,
  `CREATE INDEX resource_published_on_idx ON resource (published_on)`,
  `CREATE INDEX resource_type_idx ON resource (type)`,
  ...linkTables('practice'),
  ...linkTables('resource'),
  `CREATE TABLE practice_guiding_principle (
    practice_id uuid NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
    principle_code text NOT NULL REFERENCES guiding_principle(code),
    PRIMARY KEY (practice_id, principle_code)
  )`,
  `CREATE INDEX practice_guiding_principle_code_idx ON practice_guiding_principle (principle_code)`,
  `CREATE TABLE practice_organization (
    practice_id uuid NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organization(id),
    role text NOT NULL CHECK (role IN ('IMPLEMENTER', 'PARTNER')),
    PRIMARY KEY (practice_id, organization_id, role)
  )`,
  `CREATE INDEX practice_organization_org_idx ON practice_organization (organization_id, role)`,
  `CREATE TABLE practice_resource (
    practice_id uuid NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
    resource_id uuid NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
    PRIMARY KEY (practice_id, resource_id)
  )`,
  `CREATE INDEX practice_resource_resource_idx ON practice_resource (resource_id)`,
  `CREATE TABLE review (
    id uuid PRIMARY KEY,
    practice_id uuid REFERENCES practice(id) ON DELETE CASCADE,
    resource_id uuid REFERENCES resource(id) ON DELETE CASCADE,
    reviewer_id uuid NOT NULL REFERENCES expert(id),
    decision text NOT NULL CHECK (decision IN ('APPROVE', 'REVISE', 'REJECT')),
    score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment text,
    conflict_of_interest_declared_at timestamptz NOT NULL,
    conflict_of_interest text,
    submitted_at timestamptz NOT NULL,
    CONSTRAINT review_one_subject CHECK (num_nonnulls(practice_id, resource_id) = 1),
    CONSTRAINT review_declared_before_submitting CHECK (conflict_of_interest_declared_at <= submitted_at),
    CONSTRAINT review_one_per_reviewer_practice UNIQUE (practice_id, reviewer_id),
    CONSTRAINT review_one_per_reviewer_resource UNIQUE (resource_id, reviewer_id)
  )`,
  `CREATE INDEX review_practice_idx ON review (practice_id) WHERE practice_id IS NOT NULL`,
  `CREATE INDEX review_resource_idx ON review (resource_id) WHERE resource_id IS NOT NULL`,
  `CREATE INDEX review_reviewer_idx ON review (reviewer_id)`,
  `CREATE TABLE event (
    id uuid PRIMARY KEY,
    slug text NOT NULL UNIQUE ${SLUG_CHECK},
    ${localized('title')},
    kind text NOT NULL CHECK (kind IN (${EVENT_KINDS})),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz,
    online boolean NOT NULL DEFAULT false,
    location text,
    registration_url text ${URL_CHECK('registration_url')},
    recording_url text ${URL_CHECK('recording_url')},
    community_group_id uuid REFERENCES community_group(id),
    call_id uuid REFERENCES call_for_practices(id),
    CONSTRAINT event_ends_after_start CHECK (ends_at IS NULL OR ends_at >= starts_at),
    CONSTRAINT event_has_place CHECK (online OR location IS NOT NULL)
  )`,
  `CREATE INDEX event_starts_at_idx ON event (starts_at, id)`,
  `CREATE INDEX event_kind_idx ON event (kind)`,
  `CREATE INDEX event_group_idx ON event (community_group_id, starts_at)`,
  `CREATE INDEX event_call_idx ON event (call_id)`,
  ...['objective:objective_number smallint NOT NULL REFERENCES objective(number)',
    'organizer:organization_id uuid NOT NULL REFERENCES organization(id)',
    'practice:practice_id uuid NOT NULL REFERENCES practice(id) ON DELETE CASCADE',
    'resource:resource_id uuid NOT NULL REFERENCES resource(id) ON DELETE CASCADE'].flatMap((spec) => {
    const [name, column] = spec.split(':');
    const key = column.split(' ')[0];
    return [
      `CREATE TABLE event_${name} (
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        ${column},
        PRIMARY KEY (event_id, ${key})
      )`,
      `CREATE INDEX event_${name}_${key}_idx ON event_${name} (${key})`,
    ];
  }),
  `CREATE TABLE curated_view (
    slug text PRIMARY KEY ${SLUG_CHECK},
    ${localized('title')},
    objective_number smallint UNIQUE REFERENCES objective(number),
    rules jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(rules) = 'object')
  )`,
  `CREATE TABLE curated_view_item (
    view_slug text NOT NULL REFERENCES curated_view(slug) ON DELETE CASCADE,
    position smallint NOT NULL CHECK (position >= 0),
    practice_id uuid REFERENCES practice(id) ON DELETE CASCADE,
    resource_id uuid REFERENCES resource(id) ON DELETE CASCADE,
    event_id uuid REFERENCES event(id) ON DELETE CASCADE,
    community_group_id uuid REFERENCES community_group(id) ON DELETE CASCADE,
    CONSTRAINT curated_view_item_one_target CHECK (num_nonnulls(practice_id, resource_id, event_id, community_group_id) = 1),
    PRIMARY KEY (view_slug, position)
  )`,
  `CREATE TABLE seed_run (
    id serial PRIMARY KEY,
    seed integer NOT NULL,
    scale text NOT NULL,
    version integer NOT NULL,
    checksum text,
    finished_at timestamptz NOT NULL DEFAULT now()
  )`,
  // Ranking keys and search vectors derive from the row (see contentRowTrigger).
  ...contentRowTrigger('practice'),
  ...contentRowTrigger('resource'),
  ...maintenanceTriggers('practice'),
  ...maintenanceTriggers('resource'),
];

/** The BEFORE trigger that keeps a content table's ranking keys and search vectors exact. */
function contentRowTrigger(table: keyof typeof CONTENT_TABLES): string[] {
  const { epochMs, body } = CONTENT_TABLES[table];
  return [
    derivedFunctionSql(table, epochMs, body),
    `CREATE TRIGGER ${table}_derived BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION hub_${table}_derived()`,
  ];
}

/** Objective, region and country tags of a practice or a resource. */
function linkTables(subject: string): string[] {
  return [
    ['objective', 'objective_number smallint NOT NULL REFERENCES objective(number)'],
    ['region', 'region_code char(3) NOT NULL REFERENCES region(code)'],
    ['country', 'country_code char(3) NOT NULL REFERENCES country(code)'],
  ].flatMap(([name, column]) => {
    const key = column.split(' ')[0];
    return [
      `CREATE TABLE ${subject}_${name} (
        ${subject}_id uuid NOT NULL REFERENCES ${subject}(id) ON DELETE CASCADE,
        ${column},
        PRIMARY KEY (${subject}_id, ${key})
      )`,
      `CREATE INDEX ${subject}_${name}_${key}_idx ON ${subject}_${name} (${key}, ${subject}_id)`,
    ];
  });
}

/**
 * Statement-level triggers (with transition tables, so a bulk load recounts once) keep
 * objective_count and the review aggregates current whenever links or reviews change.
 */
function maintenanceTriggers(subject: string): string[] {
  const recountObjectives = `hub_recount_${subject}_objectives`;
  const recountReviews = `hub_recount_${subject}_reviews`;
  const triggers: string[] = [
    `CREATE FUNCTION ${recountObjectives}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${SKIP_WHEN_BULK_LOADING}
      UPDATE ${subject} s SET objective_count = (
        SELECT count(*) FROM ${subject}_objective l WHERE l.${subject}_id = s.id)
      WHERE s.id IN (SELECT ${subject}_id FROM changed_rows);
      RETURN NULL;
    END $$`,
    `CREATE FUNCTION ${recountReviews}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${SKIP_WHEN_BULK_LOADING}
      UPDATE ${subject} s SET review_count = agg.n, review_score = agg.mean
      FROM (
        SELECT ids.id, count(r.id) AS n, round(avg(r.score), 3) AS mean
        FROM (SELECT DISTINCT ${subject}_id AS id FROM changed_rows WHERE ${subject}_id IS NOT NULL) ids
        LEFT JOIN review r ON r.${subject}_id = ids.id
        GROUP BY ids.id
      ) agg
      WHERE s.id = agg.id;
      RETURN NULL;
    END $$`,
  ];
  for (const [table, fn] of [
    [`${subject}_objective`, recountObjectives],
    ['review', recountReviews],
  ]) {
    for (const [op, transition] of [
      ['INSERT', 'NEW TABLE AS changed_rows'],
      ['DELETE', 'OLD TABLE AS changed_rows'],
    ]) {
      triggers.push(
        `CREATE TRIGGER ${table}_${subject}_${op.toLowerCase()}_recount AFTER ${op} ON ${table} ` +
          `REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }
    // An update may move a row between subjects: recount both the old and the new one.
    triggers.push(
      `CREATE TRIGGER ${table}_${subject}_update_recount_new AFTER UPDATE ON ${table} ` +
        `REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      `CREATE TRIGGER ${table}_${subject}_update_recount_old AFTER UPDATE ON ${table} ` +
        `REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    );
  }
  return triggers;
}

const DOWN: string[] = [
  'DROP TABLE IF EXISTS seed_run, curated_view_item, curated_view, event_resource, event_practice, event_organizer, event_objective, event, review, practice_resource, practice_organization, practice_guiding_principle, resource_country, resource_region, resource_objective, practice_country, practice_region, practice_objective, resource, practice, call_for_practices_objective, call_for_practices, community_group_objective, community_group, expert_expertise, expert, organization, country, region, guiding_principle, objective CASCADE',
  'DROP FUNCTION IF EXISTS hub_practice_derived, hub_resource_derived, hub_recount_practice_objectives, hub_recount_practice_reviews, hub_recount_resource_objectives, hub_recount_resource_reviews',
];
