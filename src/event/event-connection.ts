import type { Context } from '../context';
import { batchedConnection } from '../graph/batched-connection';
import { connectionType, type Connection } from '../graph/connection';
import { Event } from './event.entity';
import type { EventFilter } from './event.inputs';
import { EVENT_ORDERING, eventPages, type EventParent } from './event.store';
import { eventConditions } from './event-filter';

export const EventConnection = connectionType(Event, 'Event');

export interface EventListArgs {
  filter?: EventFilter | null;
  first?: number | null;
  after?: string | null;
}

/** A page of events of one parent (or all), in calendar order, batched across parents. */
export function eventConnection(ctx: Context, parent: EventParent, key: unknown, args: EventListArgs): Promise<Connection<Event>> {
  return batchedConnection(ctx, {
    list: 'events', parent, key, filter: args.filter, first: args.first, after: args.after,
    ordering: EVENT_ORDERING,
    conditions: eventConditions,
    pages: (request) => eventPages(ctx.sql, { ...request, parent }),
  });
}
