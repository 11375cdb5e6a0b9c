import { getNamedType, getNullableType, isCompositeType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { MAX_FIRST } from '../graph/ordering';

/**
 * The largest size of each list field that takes no `first`: fixed sets (23 objectives, 10
 * principles, 30 regions, 250 countries), limits the write side enforces (100 regions,
 * countries or organizations per item), and documented caps. A list missing here counts as
 * DEFAULT_LIST_SIZE. The items of a connection (`nodes`, `edges`) count 1 each: the
 * connection multiplies them by its `first`.
 */
export const LIST_SIZES: Record<string, number> = {
  'Query.objectives': 23,
  // The most `nodes` answers; a call costs its number of ids (listSize).
  'Query.nodes': 100,
  'Query.guidingPrinciples': 10,
  'Query.regions': 30,
  'Query.countries': 250,
  'Query.callsForPractices': 100,
  'Query.objectiveCoverage': 1000,
  'Objective.communityGroups': 100,
  'Objective.linkedObjectives': 22,
  'ObjectiveNetwork.nodes': 23,
  'ObjectiveNetwork.edges': 253,
  'Practice.objectives': 23,
  'Resource.objectives': 23,
  'Event.objectives': 23,
  'CommunityGroup.objectives': 23,
  'CallForPractices.objectives': 23,
  'Expert.expertise': 23,
  'Practice.guidingPrinciples': 10,
  'Practice.reviews': 20,
  'Resource.reviews': 20,
  'Practice.history': 30,
  'Resource.history': 30,
};

export const DEFAULT_LIST_SIZE = 100;
const DEFAULT_FIRST = 20;

/** The number of items a list field may return, from its arguments or its known largest size. */
function listSize({ type, field, args }: ComplexityEstimatorArgs): number {
  if (field.name === '_entities') return Array.isArray(args.representations) ? args.representations.length : 0;
  if (type.name === 'Query' && field.name === 'nodes') return Array.isArray(args.ids) ? args.ids.length : 0;
  if (field.args.some((a) => a.name === 'first')) {
    const fallback = (field.args.find((a) => a.name === 'first')!.defaultValue as number | undefined) ?? DEFAULT_FIRST;
    const first = typeof args.first === 'number' ? args.first : fallback;
    // Out of range is refused by the field itself with BAD_USER_INPUT; here it only must not overflow.
    return Math.max(0, Math.min(first, MAX_FIRST));
  }
  if (type.name.endsWith('Connection') && (field.name === 'nodes' || field.name === 'edges')) return 1;
  return LIST_SIZES[`${type.name}.${field.name}`] ?? DEFAULT_LIST_SIZE;
}

/**
 * What a field may cost: the objects it can return. A scalar costs nothing, an object 1 plus
 * its selection, a list its largest size times that, a connection 1 plus `first` times its
 * selection (so nesting multiplies: `practices(first: 10) { nodes { objectives { … } } }` is
 * 1 + 10 × (1 + 23 × …)).
 */
export function fieldCost(options: ComplexityEstimatorArgs): number {
  const { field, childComplexity } = options;
  // Introspection (`__schema`, `__type` and all below) reads no data and is as big as the schema,
  // whatever it asks: counted with list sizes, GraphiQL's introspection query would cost ~11.5 million.
  if (field.name.startsWith('__')) return 0;
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return 0;
  const nullable = getNullableType(field.type);
  if (named.name.endsWith('Connection') && field.args.some((a) => a.name === 'first')) return 1 + listSize(options) * childComplexity;
  if (isListType(nullable)) return listSize(options) * (1 + childComplexity);
  return 1 + childComplexity;
}

/**
 * The most an operation may cost (an upper bound of the objects its response can hold),
 * computed from the document before anything runs. Fragments, aliases, @skip and @include
 * are followed (graphql-query-complexity).
 */
export function requestedCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [fieldCost] });
}

/** What a response actually cost: the objects in its data (the same measure as requestedCost). */
export function actualCost(data: unknown): number {
  let count = 0;
  const walk = (value: unknown, root: boolean) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) walk(value[i], false);
    } else if (value !== null && typeof value === 'object') {
      if (!root) count += 1;
      const object = value as Record<string, unknown>;
      for (const key in object) {
        const child = object[key];
        if (child !== null && typeof child === 'object') walk(child, false);
      }
    }
  };
  walk(data, true);
  return count;
}
