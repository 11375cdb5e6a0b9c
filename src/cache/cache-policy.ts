import {
  getNamedType, isCompositeType, isInterfaceType, isObjectType, Kind,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLNamedType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { FIELD_HINTS, REFERENCE_MAX_AGE, TYPE_HINTS, type CacheHint, type CacheScope } from './cache-hints';

/** How long, and by whom, the answer to one operation may be cached. */
export interface CachePolicy {
  /** Seconds; 0: not cacheable. */
  maxAge: number;
  scope: CacheScope;
  /** Mutations are never cached. */
  mutation: boolean;
}

export interface CacheHints {
  types: Readonly<Record<string, CacheHint>>;
  fields: Readonly<Record<string, CacheHint>>;
  /** The longest max-age any answer gets (a document with no hinted field, e.g. `{ __typename }`). */
  maxAgeCap: number;
}

export const DEFAULT_HINTS: CacheHints = { types: TYPE_HINTS, fields: FIELD_HINTS, maxAgeCap: REFERENCE_MAX_AGE };

/**
 * The policy of `operation`: the smallest max-age of the hints of every field it selects
 * (following fragments, aliases, type conditions), PRIVATE if any of them is. A field
 * applies its own hint and its return type's; a type condition applies its type's; a root
 * field whose hints give no max-age, or a field of a type the table does not know, makes the
 * answer uncacheable (max-age 0). A field of an interface (`Node.id`) applies the interface's
 * hint, as Apollo's static hints do; what differs per implementation is reached through type
 * conditions, which apply their type's. `@skip`/`@include` are not evaluated: a field that may be selected
 * counts, which can only shorten the max-age. It runs before execution, on the document only.
 */
export function computeCachePolicy(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, hints: CacheHints = DEFAULT_HINTS): CachePolicy {
  if (operation.operation !== 'query') return { maxAge: 0, scope: 'PRIVATE', mutation: operation.operation === 'mutation' };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let maxAge = hints.maxAgeCap;
  let scope: CacheScope = 'PUBLIC';
  const apply = (hint: CacheHint | undefined) => {
    if (!hint) return;
    if (hint.maxAge !== undefined) maxAge = Math.min(maxAge, hint.maxAge);
    if (hint.scope === 'PRIVATE') scope = 'PRIVATE';
  };
  /** A composite type's hint; a type the table does not know is uncacheable. */
  const applyType = (type: GraphQLNamedType) => apply(hints.types[type.name] ?? { maxAge: 0 });
  const root = schema.getQueryType();
  const spread = new Set<string>();

  const visit = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!field) {
          maxAge = 0; // `__schema`, `__type`, or a field validation would refuse
          continue;
        }
        const fieldHint = hints.fields[`${parent.name}.${name}`];
        apply(fieldHint);
        const type = getNamedType(field.type);
        if (isCompositeType(type)) applyType(type);
        const decided = fieldHint?.maxAge !== undefined || (isCompositeType(type) && hints.types[type.name]?.maxAge !== undefined);
        if (parent === root && !decided) maxAge = 0; // every root field must say how long it lives
        if (selection.selectionSet && isCompositeType(type)) visit(selection.selectionSet, type);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (!type || !isCompositeType(type)) continue;
        if (type !== parent && isObjectType(type)) applyType(type);
        visit(selection.selectionSet, type);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || spread.has(fragment.name.value)) continue;
        spread.add(fragment.name.value); // a fragment's hints count once; validation refuses cycles anyway
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!type || !isCompositeType(type)) continue;
        if (type !== parent && isObjectType(type)) applyType(type);
        visit(fragment.selectionSet, type);
      }
    }
  };
  if (root) visit(operation.selectionSet, root);
  return { maxAge, scope, mutation: false };
}

/**
 * computeCachePolicy, remembered per parsed document and operation: Apollo keeps parsed
 * documents (its document store), so a repeated operation costs one map lookup.
 */
export class CachePolicyMemo {
  private readonly memo = new WeakMap<DocumentNode, Map<OperationDefinitionNode, CachePolicy>>();

  constructor(private readonly hints: CacheHints = DEFAULT_HINTS) {}

  policyOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CachePolicy {
    let perOperation = this.memo.get(document);
    if (!perOperation) {
      perOperation = new Map();
      this.memo.set(document, perOperation);
    }
    let policy = perOperation.get(operation);
    if (!policy) {
      policy = computeCachePolicy(schema, document, operation, this.hints);
      perOperation.set(operation, policy);
    }
    return policy;
  }
}
