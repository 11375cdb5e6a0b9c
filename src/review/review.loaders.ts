import type { LoaderDeps } from '../graph/module';
import { reviewsById, reviewsOf } from './review.store';

export function createReviewLoaders({ sql, policy, loader }: LoaderDeps) {
  return {
    review: loader((ids: readonly string[]) => reviewsById(sql, policy, ids)),
    reviewsOfPractice: loader((ids: readonly string[]) => reviewsOf(sql, policy, 'practice', ids)),
    reviewsOfResource: loader((ids: readonly string[]) => reviewsOf(sql, policy, 'resource', ids)),
  };
}
