// ESLint over the GraphQL artifacts (issue 11): `npm run lint:schema`, and test/schema/lint.test.ts.
// Only GraphQL files are linted here; the TypeScript sources are type-checked by `tsc`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * One graphql-config for both blocks: the API schema (which declares the federation directives
 * it uses, so plain GraphQL loads it) and the operations the operation rules check against it.
 * `schema/subgraph.graphql` is not linted: it is the composition SDL (`_Any`, `_service`, @link).
 */
const graphQLConfig = {
  schema: path.join(root, 'schema/schema.graphql'),
  documents: path.join(root, 'schema/operations/*.graphql'),
};

export default [
  // Build output, generated types and local data are never linted.
  { ignores: ['dist/', 'generated/', 'coverage/', '.data/'] },
  {
    files: ['schema/schema.graphql'],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      // Every type, field, argument, input field, enum value, directive and root field.
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
      // The read contract (../shared/design/contract.graphql) paginates forward only: connection
      // fields take `first`/`after`, never `last`/`before`. Adding backward arguments would be API
      // the hub does not serve, so the rule only checks that the forward pair is there and typed.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      // Contract connections carry `edges`, `nodes: [T!]!` and `totalCount`, and many fields are
      // plain lists (`regions`, `objectives`, `ObjectiveNetwork.edges`), so a list need not wrap an
      // edge type (listTypeCanWrapOnlyEdgeType: false). The rest holds: edges end in `Edge`, have
      // `cursor` and a `node` that implements `Node`.
      '@graphql-eslint/relay-edge-types': [
        'error',
        { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false },
      ],
      // Each object type that names a thing has exactly one `id: ID!` (the `Node` id). Exempt:
      // connection/edge/mutation-payload wrappers, and value types that only exist inside another
      // object (page info, errors, analytics rows, network nodes and links, progress, steps).
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: {
            suffixes: ['Connection', 'Edge', 'Payload'],
            types: [
              'PageInfo',
              'UserError',
              'CoverageRow',
              'ObjectiveNetwork',
              'ObjectiveNode',
              'ObjectiveLink',
              'ReviewProgress',
              'WorkflowStep',
            ],
          },
        },
      ],
      // False positives on contract field names: `Review.reviewer` (the expert who reviewed) and
      // `Expert.expertise` (objective numbers) are words of their own, not `Review`/`Expert` prefixes.
      '@graphql-eslint/no-typename-prefix': 'off',
    },
  },
  {
    files: ['schema/operations/*.graphql'],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      // known-type-names, fields-on-correct-type, no-deprecated, require-selections, variables,
      // fragments, depth <= 7, ...
      ...graphqlPlugin.configs['flat/operations-recommended'].rules,
      // A selection of an object with a key selects one, so a client cache can normalize it: the
      // `id`, or the natural key that is as stable and unique (Objective `number`, Region, Country
      // and GuidingPrinciple `code`, a `slug`). The page documents select natural keys and are
      // pinned by persisted-operation hashes, so `id` alone would force changing them.
      '@graphql-eslint/require-selections': ['error', { fieldName: ['id', 'number', 'code', 'slug'] }],
      // Each operation says what screen or use it serves, in a `#` comment above it.
      '@graphql-eslint/require-description': ['error', { OperationDefinition: true }],
    },
  },
];
