import type { Context } from '../context';
import { toConnection, type Connection } from './connection';
import { decodeCursor, pageSize, scopedOrdering, type Ordering } from './ordering';
import type { ListRequest, Page } from './page-query';
import { SqlParams } from './sql-params';

export interface ConnectionSpec<Row extends object, Filter> {
  /** The list's name (`practices`), part of its loader signature and of its cursors' scope. */
  list: string;
  /** Which kind of parent (`root`, `objective`, …) and this parent's key. */
  parent: string;
  key: unknown;
  filter: Filter | null | undefined;
  ordering: Ordering;
  first: number | null | undefined;
  after: string | null | undefined;
  /** What else makes two requests of this list differ (e.g. the columns read); part of the loader signature. */
  variant?: string;
  /** SQL conditions for the filter, built on `params`; throws BAD_USER_INPUT for bad values. */
  conditions: (filter: Filter | null | undefined, params: SqlParams) => string[];
  /** One page per key of the request, in one statement. */
  pages: (request: ListRequest) => Promise<Page<Row>[]>;
}

/**
 * A page of one parent's list, batched with every other parent asking with the same
 * arguments (one statement for all of them). Arguments are checked before batching, so a
 * bad one fails this field alone; cursors are scoped to the list, parent and filter.
 */
export function batchedConnection<Row extends object, Filter>(ctx: Context, spec: ConnectionSpec<Row, Filter>): Promise<Connection<Row>> {
  const first = pageSize(spec.first);
  const scoped = (key: unknown) => scopedOrdering(spec.ordering, spec.list, spec.parent, key, spec.filter ?? null);
  const after = spec.after ? decodeCursor(scoped(spec.key), spec.after) : null;
  spec.conditions(spec.filter, new SqlParams());
  const signature = JSON.stringify([spec.list, spec.parent, spec.filter ?? null, spec.ordering.name, first, after, spec.variant ?? null]);
  const loader = ctx.loaders.keyed.get<unknown, Connection<Row>>(signature, async (keys) => {
    const params = new SqlParams();
    const conditions = spec.conditions(spec.filter, params);
    const pages = await spec.pages({ keys, conditions, params, ordering: spec.ordering, first, after });
    return pages.map((page, i) => toConnection(scoped(keys[i]), page));
  });
  return loader.load(spec.key);
}
