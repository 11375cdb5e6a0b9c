import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { FoldShapes, foldedStatement, primeFolds, type Fold } from '../graph/fold';
import { pageSize } from '../graph/ordering';
import { listItemFields, selectedFieldNodes } from '../graph/selection';
import { practiceListColumns } from '../practice/practice.store';
import type { CuratedView } from './curated-view.entity';
import { viewItemRows, viewItems, viewItemsStatement, viewsBySlug, type ViewList, type ViewRelated } from './curated-view.store';

export const DEFAULT_FIRST = 6;

/** The shapes (lists and practice columns; not sizes, a parameter) view lookups have folded (see FoldShapes). */
export const VIEW_FOLD_SHAPES = new FoldShapes(64);

const LISTS: readonly ViewList[] = ['practices', 'resources', 'events', 'communityGroups'];

/** Columns of a list's rows holding a timestamptz (see Fold.dates). */
const DATES: Record<ViewList, readonly string[]> = { practices: ['publishedAt'], resources: [], events: ['startsAt', 'endsAt'], communityGroups: [] };

/** Primes the operation's loaders with what the view's statement brought along for an item. */
function primeRelated(ctx: Context, list: ViewList, row: { id: string; publisherId?: string | null; communityGroupId?: string | null }, related: ViewRelated): void {
  switch (list) {
    case 'practices':
      ctx.loaders.objectivesOfPractice.prime(row.id, related.objectives);
      ctx.loaders.implementersOfPractice.prime(row.id, related.implementers);
      break;
    case 'resources':
      if (row.publisherId && related.publisher) ctx.loaders.organization.prime(row.publisherId, related.publisher);
      break;
    case 'events':
      if (row.communityGroupId && related.group) ctx.loaders.group.prime(row.communityGroupId, related.group);
      break;
    case 'communityGroups':
      ctx.loaders.objectivesOfGroup.prime(row.id, related.objectives);
      break;
  }
}

/**
 * The loader of one list of views at one size (and, for practices, columns): batched across
 * views, one statement for all of them.
 */
export function viewItemsLoader<Row>(ctx: Context, list: ViewList, size: number, columns: string | undefined): DataLoader<string, Row[]> {
  return ctx.loaders.keyed.get<string, Row[]>(`view:${list}:${size}:${columns ?? ''}`, (slugs) =>
    viewItems<Row>(ctx.sql, ctx.policy, list, slugs, size, (row, related) => primeRelated(ctx, list, row as never, related), columns));
}

/** The columns a view's practices are read with, for the list field whose selection is `info`. */
export function viewListColumns(list: ViewList, info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> | undefined): string | undefined {
  return list === 'practices' && info ? practiceListColumns(listItemFields(info)) : undefined;
}

interface ListRequest { list: ViewList; size: number; columns: string | undefined }

/**
 * Each list the view's selection asks for, as its field resolver will load it: the size from
 * its `first` (as graphql-js will coerce it) and the practices' columns. The first response
 * key of each list whose arguments are valid only (another alias loads by itself; an invalid
 * one's resolver reports the error).
 */
function listRequests(info: GraphQLResolveInfo): ListRequest[] {
  const type = info.schema.getType('CuratedView');
  if (!isObjectType(type)) return [];
  const fields = type.getFields();
  const requests = new Map<ViewList, ListRequest>();
  for (const nodes of selectedFieldNodes(info).values()) {
    const list = nodes[0]!.name.value as ViewList;
    if (!LISTS.includes(list) || requests.has(list)) continue;
    try {
      const { first } = getArgumentValues(fields[list]!, nodes[0]!, info.variableValues) as { first?: number | null };
      requests.set(list, { list, size: pageSize(first, DEFAULT_FIRST), columns: viewListColumns(list, { fieldNodes: nodes, fragments: info.fragments }) });
    } catch {
      // Left to the field resolver, which reports it; a later alias of the list may still be folded.
    }
  }
  // In LISTS order, whatever the selection's: one statement text per set of lists (and columns).
  return LISTS.flatMap((list) => requests.get(list) ?? []);
}

/** The shape (see FoldShapes) of a view lookup folding `requests`: lists and columns, not sizes (a parameter). */
function viewFoldShape(requests: readonly ListRequest[]): string {
  return requests.map((r) => `${r.list}:${r.columns ?? ''}`).join('|');
}

/** The fold shape of a `curatedView` field (its selection as `info` has it), or null when it folds nothing. */
export function viewFoldShapeOf(info: GraphQLResolveInfo): string | null {
  const requests = listRequests(info);
  return requests.length === 0 ? null : viewFoldShape(requests);
}

/**
 * The loader for a view looked up by slug, for a field whose selection is `info`: the plain
 * one, or (batching on, lists selected) one whose statement brings each selected list along
 * and primes its loader, so a curated page is one statement (see src/graph/fold.ts).
 */
export function viewLookupLoader(ctx: Context, info?: GraphQLResolveInfo): DataLoader<string, CuratedView | null> {
  if (!info || !ctx.loaders.batching) return ctx.loaders.view;
  const requests = listRequests(info);
  if (requests.length === 0 || !VIEW_FOLD_SHAPES.admit(viewFoldShape(requests))) return ctx.loaders.view;
  const folds: Record<string, Fold<CuratedView, Context>> = {};
  // The sizes are the statement's `$2`, not its text: a client's sizes make no new statement text.
  for (const [i, { list, size, columns }] of requests.entries()) {
    folds[list] = {
      statement: viewItemsStatement(ctx.policy, list, columns, `($2::int[])[${i + 1}]`), kind: 'many', key: 'slug', dates: DATES[list],
      prime: (c, view, rows) => viewItemsLoader(c, list, size, columns).prime(view.slug, viewItemRows(list, rows, (row, related) => primeRelated(c, list, row as never, related))),
    };
  }
  const names = Object.keys(folds);
  const signature = `viewsBySlug:${requests.map((r) => `${r.list}:${r.size}:${r.columns ?? ''}`).join('|')}`;
  return ctx.loaders.keyed.get<string, CuratedView | null>(signature, async (slugs) => {
    const views = await viewsBySlug(ctx.sql, slugs, (text) => foldedStatement('viewsBySlug', text, folds, names), [requests.map((r) => r.size)]);
    return views.map((view) => {
      if (!view) return null;
      primeFolds(ctx, view, folds, names);
      ctx.loaders.view.prime(view.slug, view);
      return view;
    });
  });
}
