// GraphQL Code Generator (issue 11): TypeScript types for the API schema and for the operations
// in schema/operations, for clients of the hub. `npm run codegen` writes `generated/graphql.ts`
// (git-ignored); test/schema/codegen.test.ts generates into a temp folder and type-checks it.
import type { CodegenConfig } from '@graphql-codegen/cli';

/** One `generates` entry with its plugins and their config. */
type OutputConfig = Extract<CodegenConfig['generates'][string], { plugins?: unknown }>;

/** Where `npm run codegen` writes, from the project root (git-ignored). */
export const CODEGEN_OUTPUT = 'generated/graphql.ts';

/**
 * How the custom scalars travel in JSON, for TypeScript. Without a mapping codegen types them as
 * `unknown`; `strictScalars` below makes a scalar added without a mapping an error.
 */
export const SCALARS = {
  /** A calendar date, "YYYY-MM-DD" (e.g. "2025-06-30"), no time zone. */
  Date: { input: 'string', output: 'string' },
  /** An instant, ISO 8601 / RFC 3339 date-time with offset, answered in UTC (e.g. "2025-06-30T09:00:00.000Z"). */
  DateTime: { input: 'string', output: 'string' },
  /** An absolute URL (RFC 3986), as a string. */
  URL: { input: 'string', output: 'string' },
  /** Federation's entity representation (`{ __typename, ...key fields }`), in the subgraph SDL only. */
  _Any: { input: 'Record<string, unknown>', output: 'Record<string, unknown>' },
  /** Federation's FieldSet (a selection set written as a string), in the subgraph SDL only. */
  FieldSet: 'string',
} as const;

/** The `generates` entry: schema types plus one result and one variables type per operation. */
export const OUTPUT_CONFIG: OutputConfig = {
  plugins: ['typescript', 'typescript-operations'],
  config: {
    scalars: SCALARS,
    strictScalars: true,
    // String unions rather than TS enums: the file stays types only.
    enumsAsTypes: true,
    useTypeImports: true,
    // Nullable fields are `T | null`, never missing, as the server answers them.
    avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  },
};

const config: CodegenConfig = {
  overwrite: true,
  // The API schema: it declares the federation directives it uses, so it loads as it is.
  schema: 'schema/schema.graphql',
  documents: 'schema/operations/*.graphql',
  noSilentErrors: true,
  generates: { [CODEGEN_OUTPUT]: OUTPUT_CONFIG },
};

export default config;
