import type DataLoader from 'dataloader';
import type { Context } from '../context';
import type { Loaders } from '../graph/loaders';

type Reference = { id?: unknown; number?: unknown };

/** Resolves `{ id }` through one of the request's loaders; a non-string id resolves to null. */
function byId(pick: (loaders: Loaders) => DataLoader<string, unknown>) {
  return {
    __resolveReference: (ref: Reference, ctx: Context) => (typeof ref.id === 'string' ? pick(ctx.loaders).load(ref.id) : null),
  };
}

/**
 * `__resolveReference` of every entity, each a loader call, so `_entities` with any mix of
 * N representations costs one statement per entity type and returns results in order.
 * Unknown or malformed keys, and items the caller may not see, resolve to null.
 */
export const REFERENCE_RESOLVERS: Record<string, { __resolveReference: (ref: never, ctx: Context) => unknown }> = {
  Objective: {
    __resolveReference: (ref: Reference, ctx: Context) =>
      Number.isInteger(ref.number) ? ctx.loaders.objective.load(ref.number as number) : null,
  },
  Practice: byId((l) => l.practice),
  Resource: byId((l) => l.resource),
  Review: byId((l) => l.review),
  Event: byId((l) => l.event),
  CommunityGroup: byId((l) => l.group),
  CallForPractices: byId((l) => l.call),
  Organization: byId((l) => l.organization),
  // Reviewer identities are for editors only, through _entities as everywhere else.
  Expert: {
    __resolveReference: (ref: Reference, ctx: Context) =>
      ctx.viewer.canSeeUnpublished && typeof ref.id === 'string' ? ctx.loaders.expert.load(ref.id) : null,
  },
};
