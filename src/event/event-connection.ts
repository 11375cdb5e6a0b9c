import type { Context } from '../context';
import { connectionType, toConnection, type Connection } from '../graph/connection';
import { decodeCursor, pageSize, scopedOrdering } from '../graph/ordering';
import { SqlParams } from '../graph/sql-params';
import { Event } from './event.entity';
import type { EventFilter } from './event.inputs';
import { EVENT_ORDERING, eventPages, type EventParent } from './event.loaders';
import { eventConditions } from './event-filter';

export const EventConnection = connectionType(Event, 'Event');

export interface EventListArgs {
  filter?: EventFilter | null;
  first?: number | null;
  after?: string | null;
}

/** A page of events of one parent (or all), in calendar order, batched across parents. */
export function eventConnection(ctx: Context, parent: EventParent, key: unknown, args: EventListArgs): Promise<Connection<Event>> {
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(scopedOrdering(EVENT_ORDERING, 'events', parent, key, args.filter ?? null), args.after) : null;
  eventConditions(args.filter, new SqlParams());
  const signature = JSON.stringify(['events', parent, args.filter ?? null, first, after]);
  const loader = ctx.loaders.keyed.get<unknown, Connection<Event>>(signature, async (keys) => {
    const params = new SqlParams();
    const conditions = eventConditions(args.filter, params);
    const pages = await eventPages(ctx.sql, { parent, keys, conditions, params, ordering: EVENT_ORDERING, first, after });
    return pages.map((page, i) => toConnection(scopedOrdering(EVENT_ORDERING, 'events', parent, keys[i], args.filter ?? null), page));
  });
  return loader.load(key);
}
