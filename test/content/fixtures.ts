import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { GraphQLFormattedError } from 'graphql';
import { createContext } from '../../src/context';
import { EDITOR } from '../support/graphql';
import type { HubServer } from '../../src/server';
import type { LocalizedText } from '../../src/i18n/localized-text';

/** Hand-made rows for the content tests: random UUIDs, unique slugs, English always present. */

export type Text = string | LocalizedText;
const json = (text: Text | null | undefined) => (text == null ? null : JSON.stringify(typeof text === 'string' ? { en: text } : text));

/** A unique slug matching ^[a-z0-9]+(-[a-z0-9]+)*$. */
export const slugOf = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export interface PracticeRow {
  title?: Text;
  summary?: Text;
  lessonsLearned?: Text | null;
  status?: string;
  scope?: string;
  startDate?: string | null;
  endDate?: string | null;
  callId?: string | null;
  groupId?: string | null;
  objectives?: number[];
  principles?: string[];
  regions?: string[];
  countries?: string[];
  organizations?: { id: string; role: 'IMPLEMENTER' | 'PARTNER' }[];
}

export async function insertPractice(ds: DataSource, row: PracticeRow = {}): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = slugOf('practice');
  const status = row.status ?? 'PUBLISHED';
  await ds.query(
    `INSERT INTO practice (id, slug, title, summary, lessons_learned, status, scope, start_date, end_date, call_id, community_group_id, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [id, slug, json(row.title ?? `Practice ${slug}`), json(row.summary ?? 'A summary.'), json(row.lessonsLearned), status, row.scope ?? 'NATIONAL',
      row.startDate ?? null, row.endDate ?? null, row.callId ?? null, row.groupId ?? null, status === 'PUBLISHED' ? new Date() : null],
  );
  for (const n of row.objectives ?? []) await ds.query('INSERT INTO practice_objective (practice_id, objective_number) VALUES ($1, $2)', [id, n]);
  for (const c of row.principles ?? []) await ds.query('INSERT INTO practice_guiding_principle (practice_id, principle_code) VALUES ($1, $2)', [id, c]);
  for (const c of row.regions ?? []) await ds.query('INSERT INTO practice_region (practice_id, region_code) VALUES ($1, $2)', [id, c]);
  for (const c of row.countries ?? []) await ds.query('INSERT INTO practice_country (practice_id, country_code) VALUES ($1, $2)', [id, c]);
  for (const o of row.organizations ?? []) {
    await ds.query('INSERT INTO practice_organization (practice_id, organization_id, role) VALUES ($1, $2, $3)', [id, o.id, o.role]);
  }
  return { id, slug };
}

export interface ResourceRow {
  title?: Text;
  status?: string;
  scope?: string;
  type?: string;
  publishedOn?: string | null;
  groupId?: string | null;
  objectives?: number[];
}

export async function insertResource(ds: DataSource, row: ResourceRow = {}): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = slugOf('resource');
  await ds.query(
    `INSERT INTO resource (id, slug, title, summary, type, url, scope, published_on, status, community_group_id)
     VALUES ($1, $2, $3, '{"en":"A resource."}', $4, $5, $6, $7, $8, $9)`,
    [id, slug, json(row.title ?? `Resource ${slug}`), row.type ?? 'REPORT', `https://example.org/${slug}`, row.scope ?? 'NATIONAL',
      row.publishedOn ?? null, row.status ?? 'PUBLISHED', row.groupId ?? null],
  );
  for (const n of row.objectives ?? []) await ds.query('INSERT INTO resource_objective (resource_id, objective_number) VALUES ($1, $2)', [id, n]);
  return { id, slug };
}

export async function insertEvent(
  ds: DataSource,
  row: { title?: Text; kind?: string; startsAt: Date | string; objectives?: number[]; practices?: string[]; groupId?: string | null },
): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = slugOf('event');
  await ds.query(
    `INSERT INTO event (id, slug, title, kind, starts_at, online, community_group_id) VALUES ($1, $2, $3, $4, $5, true, $6)`,
    [id, slug, json(row.title ?? `Event ${slug}`), row.kind ?? 'WEBINAR', row.startsAt, row.groupId ?? null],
  );
  for (const n of row.objectives ?? []) await ds.query('INSERT INTO event_objective (event_id, objective_number) VALUES ($1, $2)', [id, n]);
  for (const p of row.practices ?? []) await ds.query('INSERT INTO event_practice (event_id, practice_id) VALUES ($1, $2)', [id, p]);
  return { id, slug };
}

export async function insertCall(ds: DataSource, title: Text = 'A call'): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = slugOf('call');
  await ds.query(`INSERT INTO call_for_practices (id, slug, title, theme, opens_on, deadline) VALUES ($1, $2, $3, 'Theme', '2024-01-01', '2024-06-30')`, [id, slug, json(title)]);
  return { id, slug };
}

export async function insertGroup(ds: DataSource, name: Text = 'A group'): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = slugOf('group');
  await ds.query(`INSERT INTO community_group (id, slug, name, description, member_count) VALUES ($1, $2, $3, '{"en":"About."}', 7)`, [id, slug, json(name)]);
  return { id, slug };
}

export async function insertOrganization(ds: DataSource, kind: string): Promise<string> {
  const id = randomUUID();
  await ds.query('INSERT INTO organization (id, name, kind) VALUES ($1, $2, $3)', [id, `Org ${id.slice(0, 8)}`, kind]);
  return id;
}

export async function insertCuratedView(ds: DataSource, title: Text, pinnedPractices: string[] = []): Promise<string> {
  const slug = slugOf('view');
  await ds.query('INSERT INTO curated_view (slug, title) VALUES ($1, $2)', [slug, json(title)]);
  for (const [position, id] of pinnedPractices.entries()) {
    await ds.query('INSERT INTO curated_view_item (view_slug, position, practice_id) VALUES ($1, $2, $3)', [slug, position, id]);
  }
  return slug;
}

export async function insertReview(ds: DataSource, practiceId: string, expertName: string): Promise<string> {
  const expertId = randomUUID();
  await ds.query('INSERT INTO expert (id, name, is_un) VALUES ($1, $2, false)', [expertId, expertName]);
  await ds.query(
    `INSERT INTO review (id, practice_id, reviewer_id, decision, score, conflict_of_interest_declared_at, submitted_at)
     VALUES ($1, $2, $3, 'APPROVE', 4, now() - interval '2 days', now() - interval '1 day')`,
    [randomUUID(), practiceId, expertId],
  );
  return expertId;
}

/** Runs an operation as an editor (may see unpublished content and reviewer identities). */
export async function executeAsEditor<Data = Record<string, any>>(
  server: HubServer,
  dataSource: DataSource,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: Data | null | undefined; errors: readonly GraphQLFormattedError[] | undefined }> {
  const response = await server.apollo.executeOperation(
    { query, variables },
    { contextValue: createContext({ dataSource, principal: EDITOR }) },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { data: response.body.singleResult.data as Data, errors: response.body.singleResult.errors };
}

/** The single BAD_USER_INPUT error a response must carry. */
export function badInput(argumentName: string, message?: string | RegExp) {
  return [
    expect.objectContaining({
      message: message instanceof RegExp ? expect.stringMatching(message) : message ?? expect.any(String),
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName }),
    }),
  ];
}

export const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();
