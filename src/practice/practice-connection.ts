import { ContentOrder, contentOrdering } from '../content/orders';
import type { Context } from '../context';
import { batchedConnection } from '../graph/batched-connection';
import { connectionType, type Connection } from '../graph/connection';
import { Practice } from './practice.entity';
import type { PracticeFilter } from './practice.inputs';
import { practicePages, type PracticeParent } from './practice.store';
import { practiceConditions } from './practice-filter';

export const PracticeConnection = connectionType(Practice, 'Practice');

export interface PracticeListArgs {
  filter?: PracticeFilter | null;
  orderBy?: ContentOrder | null;
  first?: number | null;
  after?: string | null;
}

/** A page of practices of one parent (or of all, for `root`), batched across parents. */
export function practiceConnection(ctx: Context, parent: PracticeParent, key: unknown, args: PracticeListArgs): Promise<Connection<Practice>> {
  return batchedConnection(ctx, {
    list: 'practices', parent, key, filter: args.filter, first: args.first, after: args.after,
    ordering: contentOrdering(args.orderBy ?? ContentOrder.RANK, ctx.locale),
    conditions: (filter, params) => practiceConditions(filter, params, ctx.locale),
    pages: (request) => practicePages(ctx.sql, ctx.policy, { ...request, parent }),
  });
}
