import type { Context } from '../context';
import type { ReferenceResolver } from '../graph/module';
import { isUuid } from '../graph/ids';

/** Roster experts through `_entities`: editors, and an expert asking for themself (the policy's rule). */
export const expertReferences: Record<string, ReferenceResolver> = {
  Expert: {
    __resolveReference: (ref: { id?: unknown }, ctx: Context): unknown =>
      typeof ref.id === 'string' && isUuid(ref.id) && ctx.policy.seesExpert(ref.id.toLowerCase()) ? ctx.loaders.expert.load(ref.id) : null,
  },
};
