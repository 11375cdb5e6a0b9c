import DataLoader from 'dataloader';
import type { NonEmptyArray } from 'type-graphql';
import { analyticsModule } from './analytics/analytics.module';
import { callModule } from './call/call.module';
import { communityGroupModule } from './community-group/community-group.module';
import { curatedViewModule } from './curated-view/curated-view.module';
import { eventModule } from './event/event.module';
import { expertModule } from './expert/expert.module';
import { geographyModule } from './geography/geography.module';
import type { HubModule, LoaderDeps, ReferenceResolver } from './graph/module';
import { LoaderCache } from './graph/loader-cache';
import { nodeModule } from './node/node.module';
import { objectiveModule } from './objective/objective.module';
import { organizationModule } from './organization/organization.module';
import { practiceModule } from './practice/practice.module';
import { guidingPrincipleModule } from './principle/guiding-principle.module';
import { resourceModule } from './resource/resource.module';
import { reviewModule } from './review/review.module';
import { rosterModule } from './roster/roster.module';
import { viewerModule } from './viewer/viewer.module';
import { workflowModule } from './workflow/workflow.module';
import type { VisibilityPolicy } from './auth/visibility';
import type { Sql } from './db/sql';

/** The app: every domain module. Schema, entities, loaders and federation references fold over it. */
export const MODULES = [
  objectiveModule,
  guidingPrincipleModule,
  geographyModule,
  organizationModule,
  expertModule,
  practiceModule,
  resourceModule,
  reviewModule,
  eventModule,
  communityGroupModule,
  callModule,
  curatedViewModule,
  analyticsModule,
  workflowModule,
  rosterModule,
  viewerModule,
  nodeModule,
] as const;

type LoadersOf<M> = M extends HubModule<infer L> ? L : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The operation's DataLoaders: every module's, plus the keyed cache for argument-dependent batches. */
export type Loaders = Intersection<LoadersOf<(typeof MODULES)[number]>> & {
  /** Nested connections and other argument-dependent batches, one loader per signature. */
  keyed: LoaderCache;
  /** false for the naive comparator: no batch, no cache (so nothing may be primed either). */
  batching: boolean;
  /** New, empty loaders for the same session and caller: after a write, nothing read before it is answered again. */
  renew(): Loaders;
};

export const RESOLVERS = MODULES.flatMap((m) => m.resolvers) as unknown as NonEmptyArray<Function>;

export const ENTITIES: Function[] = MODULES.flatMap((m) => [...(m.entities ?? [])]);

export const REFERENCE_RESOLVERS: Record<string, ReferenceResolver> = Object.assign({}, ...MODULES.map((m) => m.references ?? {}));

/**
 * Fresh DataLoaders for one operation, so a cache never outlives it nor crosses callers
 * with different visibility. Each batch function runs one statement for all its keys;
 * without batching (HUBGRAPH_LOADERS=off, the benchmark's naive comparator) every key is its own.
 */
export function createLoaders(sql: Sql, policy: VisibilityPolicy, batching = true): Loaders {
  const options = batching ? {} : { batch: false, cache: false };
  const deps: LoaderDeps = { sql, policy, loader: (batch) => new DataLoader(batch, options) };
  const loaders = Object.assign({}, ...MODULES.map((m) => (m.createLoaders as ((d: LoaderDeps) => object) | undefined)?.(deps) ?? {}));
  return { ...loaders, keyed: new LoaderCache(options), batching, renew: () => createLoaders(sql, policy, batching) } as Loaders;
}
