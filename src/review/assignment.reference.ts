import type { Context } from '../context';
import type { ReferenceResolver } from '../graph/module';

/** ReviewAssignment through `_entities`: editors, and the assigned reviewer (the policy's rule). */
export const assignmentReferences: Record<string, ReferenceResolver> = {
  ReviewAssignment: {
    __resolveReference: (ref: { id?: unknown }, ctx: Context): unknown => (typeof ref.id === 'string' ? ctx.loaders.assignment.load(ref.id) : null),
  },
};
