import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { referenceById } from '../graph/reference-by-id';
import { Review } from './review.entity';
import { createReviewLoaders } from './review.loaders';
import { ReviewResolver } from './review.resolver';
import { createAssignmentLoaders } from './assignment.loaders';
import { assignmentReferences } from './assignment.reference';
import { ReviewAssignmentResolver } from './assignment.resolver';
import type { LoaderDeps } from '../graph/module';
import { defineModule } from '../graph/module';

export const reviewModule = defineModule({
  name: 'review',
  resolvers: [ReviewResolver, ReviewAssignmentResolver],
  entities: [Review],
  references: { Review: referenceById((ctx: Context): DataLoader<string, unknown> => ctx.loaders.review), ...assignmentReferences },
  createLoaders: (deps: LoaderDeps) => ({ ...createReviewLoaders(deps), ...createAssignmentLoaders(deps) }),
});
