import type DataLoader from 'dataloader';
import type { Context } from '../context';
import type { ReferenceResolver } from './module';

/**
 * A reference resolver for `@key(fields: "id")` through one of the operation's loaders;
 * a non-string id resolves to null, as do unknown, malformed and invisible ids (the loader's).
 */
export function referenceById(pick: (ctx: Context) => DataLoader<string, unknown>): ReferenceResolver {
  return {
    __resolveReference: (ref: { id?: unknown }, ctx: Context): unknown => (typeof ref.id === 'string' ? pick(ctx).load(ref.id) : null),
  };
}
