import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import { REFERENCE_RESOLVERS, RESOLVERS } from '../modules';

/** Federation v2 link: the directives this subgraph uses. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

export interface HubSchema {
  /** The executable subgraph schema (adds `_service` and `_entities`). */
  schema: GraphQLSchema;
  /** The public API schema, with its @key directives: what `schema/schema.graphql` holds. */
  sdl: string;
  /** What `_service { sdl }` answers, for composition: what `schema/subgraph.graphql` holds. */
  subgraphSdl: string;
}

/**
 * The one place that builds the served schema: type-graphql builds it from the resolver
 * classes, it is printed with its directives, and @apollo/subgraph turns that into a
 * Federation v2 subgraph whose `__resolveReference`s go through the request's loaders.
 */
export async function buildHubSchema(): Promise<HubSchema> {
  const apiSchema = await buildSchema({ resolvers: RESOLVERS, validate: false });
  const sdl = printSchemaWithDirectives(apiSchema);
  const resolvers = createResolversMap(apiSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(REFERENCE_RESOLVERS)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  const schema = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n\n${sdl}`),
    resolvers: resolvers as never,
  });
  return { schema, sdl, subgraphSdl: printSubgraphSchema(schema) };
}
