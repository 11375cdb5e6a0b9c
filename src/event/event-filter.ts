import { checkRange, objectiveList } from '../content/content-filter';
import type { SqlParams } from '../graph/sql-params';
import type { EventFilter } from './event.inputs';

/** SQL conditions over an event row `t`; `upcoming` is relative to the statement's now(). */
export function eventConditions(filter: EventFilter | null | undefined, params: SqlParams): string[] {
  if (!filter) return [];
  const where: string[] = [];
  if (filter.upcoming === true) where.push('t.starts_at >= now()');
  if (filter.upcoming === false) where.push('t.starts_at < now()');
  checkRange('filter.from', filter.from, 'filter.to', filter.to);
  if (filter.from != null) where.push(`t.starts_at >= ${params.addBound(filter.from, 'timestamptz')}`);
  if (filter.to != null) where.push(`t.starts_at <= ${params.addBound(filter.to, 'timestamptz')}`);
  if (filter.kinds) where.push(`t.kind = ANY(${params.add(filter.kinds, 'text[]')})`);
  const objectives = objectiveList(filter.objectives);
  if (objectives) {
    where.push(`EXISTS (SELECT 1 FROM event_objective fo WHERE fo.event_id = t.id AND fo.objective_number = ANY(${params.add(objectives, 'smallint[]')}))`);
  }
  return where;
}
