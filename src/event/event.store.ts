import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { rowsByIds } from '../graph/rows-by-ids';
import { groupedQuery } from '../graph/grouped-query';
import type { Ordering } from '../graph/ordering';
import { listPages, type ListRequest, type Page, type ParentSpec } from '../graph/page-query';
import type { Event } from './event.entity';

export const EVENT_COLUMNS = `t.id, t.slug, t.title, t.kind, t.starts_at AS "startsAt", t.ends_at AS "endsAt", t.online, t.location,
  t.registration_url AS "registrationUrl", t.recording_url AS "recordingUrl", t.community_group_id AS "communityGroupId", t.call_id AS "callId"`;

/** Events in calendar order: earliest start first. */
export const EVENT_ORDERING: Ordering = { name: 'START', keys: [{ expr: 't.starts_at', type: 'timestamptz' }, { expr: 't.id', type: 'uuid' }] };

export async function eventsById(sql: Sql, ids: readonly string[]): Promise<(Event | null)[]> {
  return rowsByIds<Event>(sql, `/* eventsById */ SELECT ${EVENT_COLUMNS} FROM event t WHERE t.id = ANY($1::uuid[])`, ids);
}

export async function eventsBySlug(sql: Sql, slugs: readonly string[]): Promise<(Event | null)[]> {
  const rows = await sql.query<Event>(`/* eventsBySlug */ SELECT ${EVENT_COLUMNS} FROM event t WHERE t.slug = ANY($1::text[])`, [slugs]);
  return byKey(slugs, rows, (row) => row.slug);
}

export type EventParent = 'root' | 'objective' | 'group';

const PARENT: Record<EventParent, ParentSpec> = {
  root: { condition: 'true', type: 'text' },
  objective: { condition: 'EXISTS (SELECT 1 FROM event_objective eo WHERE eo.event_id = t.id AND eo.objective_number = k.parent)', type: 'smallint' },
  group: { condition: 't.community_group_id = k.parent', type: 'uuid' },
};

/** One page of events for every parent key, in one statement. */
export function eventPages(sql: Sql, request: ListRequest & { parent: EventParent }): Promise<Page<Event>[]> {
  return listPages<Event>(sql, { name: `eventsBy_${request.parent}`, from: 'event t', columns: EVENT_COLUMNS, where: [] }, PARENT[request.parent], request);
}

/** Events at which each practice was presented, by start. */
export function eventsByPractice(sql: Sql, ids: readonly string[]): Promise<Event[][]> {
  return groupedQuery(sql, EVENTS_BY_PRACTICE, ids);
}

/** The statement of `eventsByPractice` (`$1` the practices' ids). */
export const EVENTS_BY_PRACTICE = `/* eventsByPractice */ SELECT l.practice_id AS parent, ${EVENT_COLUMNS}
    FROM event_practice l JOIN event t ON t.id = l.event_id WHERE l.practice_id = ANY($1::uuid[]) ORDER BY t.starts_at, t.id`;

/** Events tied to each call for practices, by start. */
export function eventsByCall(sql: Sql, ids: readonly string[]): Promise<Event[][]> {
  return groupedQuery(sql, `/* eventsByCall */ SELECT t.call_id AS parent, ${EVENT_COLUMNS}
    FROM event t WHERE t.call_id = ANY($1::uuid[]) ORDER BY t.starts_at, t.id`, ids);
}
