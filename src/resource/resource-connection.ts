import { checkRange, contentConditions, dateParam } from '../content/content-filter';
import { ContentOrder, contentOrdering } from '../content/orders';
import type { Context } from '../context';
import { batchedConnection } from '../graph/batched-connection';
import { connectionType, type Connection } from '../graph/connection';
import type { SqlParams } from '../graph/sql-params';
import type { Locale } from '../i18n/localized-text';
import { Resource } from './resource.entity';
import type { ResourceFilter } from './resource.inputs';
import { resourcePages, type ResourceParent } from './resource.store';

export const ResourceConnection = connectionType(Resource, 'Resource');

export interface ResourceListArgs {
  filter?: ResourceFilter | null;
  orderBy?: ContentOrder | null;
  first?: number | null;
  after?: string | null;
}

/** SQL conditions over a resource row `t` for a ResourceFilter. */
export function resourceConditions(filter: ResourceFilter | null | undefined, params: SqlParams, locale: Locale): string[] {
  const where = contentConditions('resource', filter, params, locale);
  if (!filter) return where;
  if (filter.types) where.push(`t.type = ANY(${params.add(filter.types, 'text[]')})`);
  checkRange('filter.publishedFrom', filter.publishedFrom, 'filter.publishedTo', filter.publishedTo);
  if (filter.publishedFrom != null) where.push(`t.published_on >= ${params.addBound(dateParam('filter.publishedFrom', filter.publishedFrom), 'date')}`);
  if (filter.publishedTo != null) where.push(`t.published_on <= ${params.addBound(dateParam('filter.publishedTo', filter.publishedTo), 'date')}`);
  return where;
}

/** A page of resources of one parent (or all), batched across parents with the same arguments. */
export function resourceConnection(ctx: Context, parent: ResourceParent, key: unknown, args: ResourceListArgs): Promise<Connection<Resource>> {
  return batchedConnection(ctx, {
    list: 'resources', parent, key, filter: args.filter, first: args.first, after: args.after,
    ordering: contentOrdering(args.orderBy ?? ContentOrder.RANK, ctx.locale),
    conditions: (filter, params) => resourceConditions(filter, params, ctx.locale),
    pages: (request) => resourcePages(ctx.sql, ctx.policy, { ...request, parent }),
  });
}
