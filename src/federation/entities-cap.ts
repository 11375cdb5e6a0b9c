import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ValueNode } from 'graphql';
import type { Context } from '../context';

/** Most representations one `_entities` call may ask for. */
export const MAX_REPRESENTATIONS = 1000;

function listLength(value: ValueNode, variables: Record<string, unknown>): number {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return Array.isArray(given) ? given.length : 0;
  }
  return 0;
}

/**
 * Refuses an `_entities` call with more than MAX_REPRESENTATIONS representations before
 * anything runs, with BAD_USER_INPUT and a message that says how to split it.
 */
export function entitiesCapPlugin(max = MAX_REPRESENTATIONS): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          // Every _entities field anywhere in the document (fragments and aliases included).
          let count = 0;
          visit(document, {
            Field(node) {
              if (node.name.value !== '_entities') return;
              const arg = node.arguments?.find((a) => a.name.value === 'representations');
              if (arg) count += listLength(arg.value, request.variables ?? {});
            },
          });
          if (count > max) {
            throw new GraphQLError(`_entities takes at most ${max} representations per call; got ${count}. Split the request.`, {
              extensions: { code: 'BAD_USER_INPUT', argumentName: 'representations', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
