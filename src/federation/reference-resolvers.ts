import type { Context } from '../context';

/**
 * `__resolveReference` of every entity, each a loader call so that `_entities` with N
 * representations costs one statement per entity type. Malformed keys resolve to null.
 */
export const REFERENCE_RESOLVERS: Record<string, { __resolveReference: (ref: never, ctx: Context) => unknown }> = {
  Objective: {
    __resolveReference: (ref: { number?: unknown }, ctx: Context) =>
      Number.isInteger(ref.number) ? ctx.loaders.objective.load(ref.number as number) : null,
  },
};
