/**
 * Apollo Client cache policies for this graph: every type that names a thing is normalized by
 * its `Node.id`, every connection is paginated Relay-style (pages merged in order, `nodes`
 * included), and value objects are kept inside their parent.
 *
 * How a front-end uses it (Apollo Client 4; this file imports nothing but `@apollo/client`, so
 * it can be copied into the front-end, or imported from this repository as a workspace package):
 *
 * ```ts
 * import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
 * import { possibleTypes, typePolicies } from 'hub-graph/src/client/type-policies';
 *
 * const client = new ApolloClient({
 *   link: new HttpLink({ uri: '/graphql', headers: { 'accept-language': locale } }),
 *   cache: new InMemoryCache({ typePolicies, possibleTypes }),
 * });
 *
 * // "Load more": the next page is merged after the ones in the cache.
 * const { data, fetchMore } = useQuery(PRACTICES, { variables: { first: 20, filter } });
 * fetchMore({ variables: { after: data.practices.pageInfo.endCursor } });
 * ```
 *
 * - Select `id` where you can. Objectives, regions, countries, principles and curated views
 *   are also normalized by the key the pages already select (`number`, `code`, `slug`), to the
 *   same cache entry as their `id` (`Objective:objective-10`).
 * - Languages: the server answers in the `Accept-Language` language (or a field's `locale`
 *   argument). Lists ordered or searched by language (practices and resources: `orderBy:
 *   TITLE`, `filter.text`) key on a `$locale` variable when the operation declares one, so
 *   pass the language as `$locale` (and use it: `title(locale: $locale)`) to keep each
 *   language's pages and texts apart; without it, call `client.resetStore()` after switching
 *   the header's language.
 * - Value objects (edges, `PageInfo`, `ReviewProgress`, `WorkflowStep`, `UserError`,
 *   `ObjectiveLink`, `ObjectiveNode`, `ObjectiveEdge`, `CoverageRow`, `ObjectiveNetwork`) have
 *   no id on purpose: each belongs to the field (and arguments) it came from, and most are
 *   computed under arguments (an `ObjectiveEdge`'s counts depend on the network's filter), so
 *   normalizing them would mix answers to different questions.
 */
import type { FieldMergeFunctionOptions, FieldReadFunctionOptions, FieldPolicy, PossibleTypesMap, Reference, StoreObject, TypePolicies, TypePolicy } from '@apollo/client/cache';
import { relayStylePagination } from '@apollo/client/utilities';

type KeyArgs = string[] | false;
type KeyFieldsFunction = Extract<NonNullable<TypePolicy['keyFields']>, Function>;

type PageInfo = Readonly<Record<string, unknown>>;

interface StoredConnection {
  edges?: ReadonlyArray<StoreObject | Reference>;
  nodes?: ReadonlyArray<Reference>;
  pageInfo?: PageInfo;
  [field: string]: unknown;
}

/** The page info of a list that goes on: its end from the new page, its start from the cached list. */
function continued(cached: PageInfo | undefined, page: PageInfo | undefined): PageInfo {
  const start = Object.entries(cached ?? {}).filter(([field]) => field === 'hasPreviousPage' || field === 'startCursor');
  return { ...cached, ...page, ...Object.fromEntries(start) };
}

/**
 * `relayStylePagination(keyArgs)` that also keeps a connection's `nodes` shortcut whole (alone,
 * it would keep the last page's `nodes` only):
 * - a page with `edges` is merged by relayStylePagination (`after` appends, a first page
 *   replaces), and `nodes`, when cached or asked for, is made from the merged edges;
 * - a page with `nodes` and no `edges` appends its nodes after the cached ones (`after`) or
 *   replaces them (a first page); the cached edges, which no longer match, are dropped, so a
 *   query that selects `edges` asks the server instead of reading an empty list;
 * - a page with neither (`totalCount`, `pageInfo` only) leaves the items as they are.
 */
export function relayConnection(keyArgs: KeyArgs): FieldPolicy<StoredConnection | null, StoredConnection | null, StoredConnection | null> {
  const relay = relayStylePagination(keyArgs);
  const relayRead = relay.read as unknown as (existing: StoredConnection, options: FieldReadFunctionOptions) => StoredConnection;
  const relayMerge = relay.merge as unknown as (existing: StoredConnection | null | undefined, incoming: StoredConnection, options: FieldMergeFunctionOptions) => StoredConnection;
  return {
    keyArgs,
    read(existing, options) {
      if (!existing) return undefined;
      const read = relayRead({ ...existing, edges: existing.edges ?? [] }, options);
      if (!existing.edges) delete read.edges;
      if (existing.nodes) read.nodes = existing.nodes.filter((node) => options.canRead(node));
      return read;
    },
    merge(existing, incoming, options) {
      if (!incoming) return existing ?? null;
      if (incoming.edges) {
        const merged = relayMerge(existing && { ...existing, edges: existing.edges ?? [] }, incoming, options);
        if (incoming.nodes || existing?.nodes) merged.nodes = merged.edges!.map((edge) => options.readField<Reference>('node', edge)!);
        return merged;
      }
      if (!incoming.nodes) {
        const pageInfo = existing?.pageInfo || incoming.pageInfo ? { pageInfo: { ...existing?.pageInfo, ...incoming.pageInfo } } : {};
        return { ...existing, ...incoming, ...pageInfo };
      }
      if (!options.args?.after || !existing) return { ...incoming };
      const { edges: _stale, ...kept } = existing;
      const fresh = new Set(incoming.nodes.map((node) => node.__ref));
      return {
        ...kept,
        ...incoming,
        nodes: [...(existing.nodes ?? []).filter((node) => !fresh.has(node.__ref)), ...incoming.nodes],
        pageInfo: continued(existing.pageInfo, incoming.pageInfo),
      };
    },
  };
}

/** Normalizes a type keyed by a code to its `id`, from `id` or from the code (node-id.ts's scheme). */
function byIdOr(typename: string, prefix: string, codeField: string): KeyFieldsFunction {
  return (object) => {
    if (typeof object.id === 'string') return `${typename}:${object.id}`;
    const code = object[codeField];
    return typeof code === 'string' || typeof code === 'number' ? `${typename}:${prefix}${code}` : undefined;
  };
}

/** Practices and resources: the order (`TITLE`) and the search (`filter.text`) follow the language. */
const BY_LANGUAGE = ['filter', 'orderBy', '$locale'];

/** Kept inside the field they came from: no id, no normalization. */
const VALUE = { keyFields: false } as const;
/** A value object that different queries may select parts of: merged into the one in the cache. */
const MERGED_VALUE = { keyFields: false, merge: true } as const;

export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      practices: relayConnection(BY_LANGUAGE),
      resources: relayConnection(BY_LANGUAGE),
      events: relayConnection(['filter']),
      communityGroups: relayConnection(false),
      experts: relayConnection(['objective', 'isUN']),
    },
  },
  Objective: {
    keyFields: byIdOr('Objective', 'objective-', 'number'),
    fields: {
      practices: relayConnection(BY_LANGUAGE),
      resources: relayConnection(BY_LANGUAGE),
      events: relayConnection(['filter']),
    },
  },
  CommunityGroup: {
    fields: {
      events: relayConnection(['filter']),
      resources: relayConnection(false),
      practices: relayConnection(false),
    },
  },
  CallForPractices: { fields: { practices: relayConnection(false) } },
  Viewer: {
    fields: {
      practices: relayConnection(false),
      resources: relayConnection(false),
      assignments: relayConnection(false),
    },
  },
  Region: { keyFields: byIdOr('Region', 'region-', 'code') },
  Country: { keyFields: byIdOr('Country', 'country-', 'code') },
  GuidingPrinciple: { keyFields: byIdOr('GuidingPrinciple', 'guiding-principle-', 'code') },
  CuratedView: { keyFields: byIdOr('CuratedView', 'curated-view-', 'slug') },
  PracticeConnection: VALUE,
  PracticeEdge: VALUE,
  ResourceConnection: VALUE,
  ResourceEdge: VALUE,
  EventConnection: VALUE,
  EventEdge: VALUE,
  CommunityGroupConnection: VALUE,
  CommunityGroupEdge: VALUE,
  ExpertConnection: VALUE,
  ExpertEdge: VALUE,
  ReviewAssignmentConnection: VALUE,
  ReviewAssignmentEdge: VALUE,
  PageInfo: VALUE,
  ObjectiveLink: VALUE,
  ObjectiveNode: VALUE,
  ObjectiveEdge: VALUE,
  CoverageRow: VALUE,
  WorkflowStep: VALUE,
  UserError: VALUE,
  ReviewProgress: MERGED_VALUE,
  ObjectiveNetwork: MERGED_VALUE,
};

/** The abstract types, so fragments on `Node` and on the members of `ReviewSubject` match in the cache. */
export const possibleTypes: PossibleTypesMap = {
  Node: [
    'Practice', 'Resource', 'Review', 'ReviewAssignment', 'Event', 'CommunityGroup', 'CallForPractices', 'Organization', 'Expert',
    'Objective', 'Region', 'Country', 'GuidingPrinciple', 'CuratedView',
  ],
  ReviewSubject: ['Practice', 'Resource'],
};
