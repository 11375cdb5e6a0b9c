import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { referenceById } from '../graph/reference-by-id';
import { Review } from './review.entity';
import { createReviewLoaders } from './review.loaders';
import { ReviewResolver } from './review.resolver';
import { defineModule } from '../graph/module';

export const reviewModule = defineModule({
  name: 'review',
  resolvers: [ReviewResolver],
  entities: [Review],
  references: { Review: referenceById((ctx: Context): DataLoader<string, unknown> => ctx.loaders.review) },
  createLoaders: createReviewLoaders,
});
