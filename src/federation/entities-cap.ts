import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, valueFromASTUntyped, visit, type ASTNode, type DocumentNode, type FieldNode, type ValueNode } from 'graphql';
import type { Context } from '../context';

/** Most representations one `_entities` call may ask for. */
export const MAX_REPRESENTATIONS = 1000;

/** The representations of one `_entities` argument, as plain values (variables resolved, literals read). */
function representations(value: ValueNode, variables: Record<string, unknown>): unknown[] {
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return Array.isArray(given) ? given : given == null ? [] : [given];
  }
  const items = value.kind === Kind.LIST ? value.values : [value];
  return items.map((item) => (item.kind === Kind.OBJECT ? valueFromASTUntyped(item, variables) : valueFromASTUntyped(item, variables) ?? null));
}

const NOT_AN_OBJECT = 'must be an object such as { "__typename": "Practice", "id": "…" }';

/** Why a representation cannot be resolved, or null when it has the shape of one. */
function malformed(representation: unknown, entities: ReadonlySet<string>): string | null {
  if (representation === null || typeof representation !== 'object' || Array.isArray(representation)) {
    return NOT_AN_OBJECT;
  }
  const typename = (representation as { __typename?: unknown }).__typename;
  if (typeof typename !== 'string') return 'has no __typename';
  if (!entities.has(typename)) return `names "${typename.slice(0, 60)}", which is not an entity of this subgraph (${[...entities].sort().join(', ')})`;
  return null;
}

/** The BAD_USER_INPUT refusal of the representation at `index`. */
function badRepresentation(index: number, why: string, nodes?: GraphQLError['nodes']): GraphQLError {
  return new GraphQLError(`representations[${index}] ${why}.`, {
    nodes,
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'representations', index, http: { status: 400 } },
  });
}

/**
 * The index of `node` among the inline (literal) representations of an `_entities` field of
 * the document, or null when it is not one of them.
 */
function inlineRepresentationIndex(document: DocumentNode, node: ASTNode): number | null {
  let found: number | null = null;
  visit(document, {
    Field(field) {
      if (found !== null || field.name.value !== '_entities') return;
      const value = field.arguments?.find((a) => a.name.value === 'representations')?.value;
      if (!value || value.kind === Kind.VARIABLE) return;
      const index = (value.kind === Kind.LIST ? value.values : [value]).indexOf(node as ValueNode);
      if (index >= 0) found = index;
    },
  });
  return found;
}

/**
 * Refuses an `_entities` call before anything runs, with BAD_USER_INPUT: more than
 * MAX_REPRESENTATIONS representations (the message says how to split it), or a
 * representation that is not an object naming an entity of this subgraph (the message
 * names its index).
 */
export function entitiesCapPlugin(entities: ReadonlySet<string>, max = MAX_REPRESENTATIONS): ApolloServerPlugin<Context> {
  // The `_entities` fields of each document, found once per document (Apollo hands every
  // request with the same text the same parsed document); most documents have none.
  const fieldsByDocument = new WeakMap<DocumentNode, FieldNode[]>();
  const entitiesFields = (document: DocumentNode): FieldNode[] => {
    let fields = fieldsByDocument.get(document);
    if (!fields) {
      const found: FieldNode[] = [];
      visit(document, {
        Field(node) {
          if (node.name.value === '_entities') found.push(node);
        },
      });
      fieldsByDocument.set(document, (fields = found));
    }
    return fields;
  };
  return {
    async requestDidStart() {
      return {
        // An inline `null` representation fails GraphQL validation ("Expected value of type
        // _Any!") before didResolveOperation: name it like every other malformed representation.
        // The errors are replaced in place, as Apollo's own DisableSuggestions plugin edits them;
        // server.ts formatError keeps the BAD_USER_INPUT of such a validation error.
        async validationDidStart({ document }) {
          return async (errors?: ReadonlyArray<Error>) => {
            if (!errors?.length || !document) return;
            const list = errors as Error[];
            list.forEach((error, i) => {
              // Only an error about a whole representation (`_Any!` refuses nothing but null), not one inside it.
              const node = error instanceof GraphQLError ? error.nodes?.[0] : undefined;
              const index = node?.kind === Kind.NULL ? inlineRepresentationIndex(document, node) : null;
              if (index !== null) list[i] = badRepresentation(index, NOT_AN_OBJECT, (error as GraphQLError).nodes);
            });
          };
        },
        async didResolveOperation({ document, request }) {
          // Every _entities field anywhere in the document (fragments and aliases included).
          let count = 0;
          let bad: GraphQLError | null = null;
          for (const node of entitiesFields(document)) {
            const arg = node.arguments?.find((a) => a.name.value === 'representations');
            if (!arg) continue;
            const given = representations(arg.value, request.variables ?? {});
            count += given.length;
            given.forEach((representation, index) => {
              const why = bad ? null : malformed(representation, entities);
              if (why) bad = badRepresentation(index, why);
            });
          }
          if (count > max) {
            throw new GraphQLError(`_entities takes at most ${max} representations per call; got ${count}. Split the request.`, {
              extensions: { code: 'BAD_USER_INPUT', argumentName: 'representations', http: { status: 400 } },
            });
          }
          if (bad) throw bad;
        },
      };
    },
  };
}
