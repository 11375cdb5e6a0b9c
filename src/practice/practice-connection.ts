import { ContentOrder, contentOrdering } from '../content/orders';
import type { Context } from '../context';
import { connectionType, toConnection, type Connection } from '../graph/connection';
import { decodeCursor, pageSize, scopedOrdering } from '../graph/ordering';
import { SqlParams } from '../graph/sql-params';
import { Practice } from './practice.entity';
import type { PracticeFilter } from './practice.inputs';
import { practicePages, type PracticeParent } from './practice.loaders';
import { practiceConditions } from './practice-filter';

export const PracticeConnection = connectionType(Practice, 'Practice');

export interface PracticeListArgs {
  filter?: PracticeFilter | null;
  orderBy?: ContentOrder | null;
  first?: number | null;
  after?: string | null;
}

/**
 * A page of practices of one parent (or of all, for `root`), batched with every other
 * parent asking with the same arguments: one statement for all of them.
 */
export function practiceConnection(ctx: Context, parent: PracticeParent, key: unknown, args: PracticeListArgs): Promise<Connection<Practice>> {
  const first = pageSize(args.first);
  const ordering = contentOrdering(args.orderBy ?? ContentOrder.RANK, ctx.locale);
  const after = args.after ? decodeCursor(scopedOrdering(ordering, 'practices', parent, key, args.filter ?? null), args.after) : null;
  practiceConditions(args.filter, new SqlParams(), ctx.locale); // validate before batching: errors belong to this field
  const signature = JSON.stringify(['practices', parent, args.filter ?? null, ordering.name, first, after]);
  const loader = ctx.loaders.keyed.get<unknown, Connection<Practice>>(signature, async (keys) => {
    const params = new SqlParams();
    const conditions = practiceConditions(args.filter, params, ctx.locale);
    const pages = await practicePages(ctx.sql, ctx.viewer, { parent, keys, conditions, params, ordering, first, after });
    return pages.map((page, i) => toConnection(scopedOrdering(ordering, 'practices', parent, keys[i], args.filter ?? null), page));
  });
  return loader.load(key);
}
