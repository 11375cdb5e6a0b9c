import type DataLoader from 'dataloader';
import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';

/** What a module's loaders are built from, per operation. */
export interface LoaderDeps {
  sql: Sql;
  policy: VisibilityPolicy;
  /** A DataLoader with the operation's options (no batching for the naive comparator). */
  loader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V>;
}

/** `__resolveReference` of one federation entity; `ctx` is the operation's Context. */
export interface ReferenceResolver {
  __resolveReference(reference: Record<string, unknown>, ctx: never): unknown;
}

/**
 * A domain of the graph: its resolver classes, its TypeORM entities, its federation
 * reference resolvers and the DataLoaders it adds to every operation's context. The app
 * is a list of modules (`src/modules.ts`); schema, loaders and references fold over it.
 */
export interface HubModule<L extends object = object> {
  name: string;
  resolvers: readonly Function[];
  entities?: readonly Function[];
  references?: Readonly<Record<string, ReferenceResolver>>;
  createLoaders?: (deps: LoaderDeps) => L;
}

export function defineModule<L extends object = object>(module: HubModule<L>): HubModule<L> {
  return module;
}
