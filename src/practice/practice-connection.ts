import type { GraphQLResolveInfo } from 'graphql';
import { ContentOrder, contentOrdering } from '../content/orders';
import type { Context } from '../context';
import { batchedConnection } from '../graph/batched-connection';
import { connectionType, type Connection } from '../graph/connection';
import { connectionNodeFields } from '../graph/selection';
import { Practice } from './practice.entity';
import type { PracticeFilter } from './practice.inputs';
import { PRACTICE_COLUMNS, practiceListColumns, practicePages, type PracticeParent } from './practice.store';
import { practiceConditions } from './practice-filter';

export const PracticeConnection = connectionType(Practice, 'Practice');

export interface PracticeListArgs {
  filter?: PracticeFilter | null;
  orderBy?: ContentOrder | null;
  first?: number | null;
  after?: string | null;
}

/**
 * A page of practices of one parent (or of all, for `root`), batched across parents. With
 * the field's `info`, rows carry only the columns its items' selected fields need.
 */
export function practiceConnection(ctx: Context, parent: PracticeParent, key: unknown, args: PracticeListArgs, info?: GraphQLResolveInfo): Promise<Connection<Practice>> {
  const columns = info ? practiceListColumns(connectionNodeFields(info)) : PRACTICE_COLUMNS;
  return batchedConnection(ctx, {
    list: 'practices', parent, key, filter: args.filter, first: args.first, after: args.after, variant: columns,
    ordering: contentOrdering(args.orderBy ?? ContentOrder.RANK, ctx.locale),
    conditions: (filter, params) => practiceConditions(filter, params, ctx.locale),
    pages: (request) => practicePages(ctx.sql, ctx.policy, { ...request, parent }, columns),
  });
}
