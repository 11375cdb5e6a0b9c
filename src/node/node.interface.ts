import { Field, ID, InterfaceType } from 'type-graphql';

/** Where `asNode` records a row's GraphQL type (rows are plain objects, not class instances). */
const NODE_TYPE = Symbol('nodeType');

interface TypedRow {
  [NODE_TYPE]?: string;
}

/**
 * The Relay `Node` interface: every type that names a thing, so a client cache can normalize
 * it by `id` and refetch it with `node(id:)`. The ids are described in `node-id.ts`.
 */
@InterfaceType({
  description: 'An object with an id that is unique across all types: `node(id:)` refetches it, and client caches normalize it by this id.',
  resolveType: (value: TypedRow) => value[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID, { description: 'Unique across all types; stable; pass it to `node(id:)`. Treat it as opaque.' })
  id!: string;
}

/** A copy of `row` that `Node` resolves as `type` (what `node(id:)` returns). */
export function asNode<Row extends object>(row: Row, type: string): Row {
  return { ...row, [NODE_TYPE]: type };
}
