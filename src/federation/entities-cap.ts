import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, valueFromASTUntyped, visit, type ValueNode } from 'graphql';
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

/** Why a representation cannot be resolved, or null when it has the shape of one. */
function malformed(representation: unknown, entities: ReadonlySet<string>): string | null {
  if (representation === null || typeof representation !== 'object' || Array.isArray(representation)) {
    return 'must be an object such as { "__typename": "Practice", "id": "…" }';
  }
  const typename = (representation as { __typename?: unknown }).__typename;
  if (typeof typename !== 'string') return 'has no __typename';
  if (!entities.has(typename)) return `names "${typename.slice(0, 60)}", which is not an entity of this subgraph (${[...entities].sort().join(', ')})`;
  return null;
}

/**
 * Refuses an `_entities` call before anything runs, with BAD_USER_INPUT: more than
 * MAX_REPRESENTATIONS representations (the message says how to split it), or a
 * representation that is not an object naming an entity of this subgraph (the message
 * names its index).
 */
export function entitiesCapPlugin(entities: ReadonlySet<string>, max = MAX_REPRESENTATIONS): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          // Every _entities field anywhere in the document (fragments and aliases included).
          let count = 0;
          let bad: GraphQLError | null = null;
          visit(document, {
            Field(node) {
              if (node.name.value !== '_entities') return;
              const arg = node.arguments?.find((a) => a.name.value === 'representations');
              if (!arg) return;
              const given = representations(arg.value, request.variables ?? {});
              count += given.length;
              given.forEach((representation, index) => {
                const why = bad ? null : malformed(representation, entities);
                if (why) {
                  bad = new GraphQLError(`representations[${index}] ${why}.`, {
                    extensions: { code: 'BAD_USER_INPUT', argumentName: 'representations', index, http: { status: 400 } },
                  });
                }
              });
            },
          });
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
