import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import { callResolversDirectly } from '../graph/direct-resolvers';
import { REFERENCE_RESOLVERS, RESOLVERS } from '../modules';

/** Federation v2 link: the directives this subgraph uses. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

/**
 * Declarations of the federation directives imported above, as Federation 2 defines them
 * (`FieldSet` written as `String`, so the file needs no federation scalar). They head
 * `schema/schema.graphql` so that plain GraphQL tools (`buildSchema`, linters, codegen) load it;
 * the subgraph SDL gets them from the @link instead.
 */
export const FEDERATION_DIRECTIVE_DEFINITIONS: Readonly<Record<string, string>> = {
  key: `"""
Federation 2: the fields that identify an entity of this type across subgraphs.
"""
directive @key(
  """A selection set of this type's fields, e.g. \`"id"\` (a Federation FieldSet)."""
  fields: String!
  """false marks a stub whose entities this subgraph cannot look up by the key."""
  resolvable: Boolean = true
) repeatable on OBJECT | INTERFACE`,
  shareable: `"""
Federation 2: this type or field may also be resolved by other subgraphs, which must answer it identically.
"""
directive @shareable repeatable on OBJECT | FIELD_DEFINITION`,
};

/** Descriptions of the root types, which type-graphql builds without one. */
export const ROOT_TYPE_DESCRIPTIONS = {
  query:
    'Reads of the hub: content (practices, resources, events, groups, calls), reference data (objectives, principles, regions, countries), curated views and analytics. Anonymous callers see published content; a bearer token adds what its roles allow.',
  mutation:
    'Writes, by role: members draft and submit content, join groups and apply to the roster; reviewers answer assignments and review; editors run calls, reviews, decisions and curation. Domain refusals come back in the payload `errors`, not as GraphQL errors.',
} as const;

function describeRootTypes(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query && !query.description) query.description = ROOT_TYPE_DESCRIPTIONS.query;
  if (mutation && !mutation.description) mutation.description = ROOT_TYPE_DESCRIPTIONS.mutation;
}

/** `sdl` preceded by the declarations of the federation directives it uses. */
export function withFederationDirectiveDefinitions(sdl: string): string {
  const used = Object.keys(FEDERATION_DIRECTIVE_DEFINITIONS).filter((name) => new RegExp(`@${name}\\b`).test(sdl));
  return [...used.map((name) => FEDERATION_DIRECTIVE_DEFINITIONS[name]), sdl].join('\n\n');
}

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
  const options = { resolvers: RESOLVERS, validate: false } as const;
  const apiSchema = await buildSchema(options);
  describeRootTypes(apiSchema);
  callResolversDirectly(apiSchema, options);
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
