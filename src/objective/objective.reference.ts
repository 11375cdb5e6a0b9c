import type { Context } from '../context';
import type { ReferenceResolver } from '../graph/module';

/** Objective `@key(fields: "number")`: through the objective loader; null for any other number. */
export const objectiveReferences: Record<string, ReferenceResolver> = {
  Objective: {
    __resolveReference: (ref: { number?: unknown }, ctx: Context): unknown =>
      Number.isInteger(ref.number) ? ctx.loaders.objective.load(ref.number as number) : null,
  },
};
