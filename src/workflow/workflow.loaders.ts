import type { LoaderDeps } from '../graph/module';
import { reviewProgress, type ReviewProgress } from './review-progress';
import { currentRoundReviews, historyOf } from './workflow.store';

export function createWorkflowLoaders({ sql, loader }: LoaderDeps) {
  const progress = (kind: 'practice' | 'resource') => async (ids: readonly string[]): Promise<ReviewProgress[]> =>
    (await currentRoundReviews(sql, kind, ids)).map((rows) =>
      reviewProgress(rows[0]?.round ?? 0, rows.filter((r) => r.decision !== null).map((r) => ({ isUN: r.isUN!, decision: r.decision! }))));
  return {
    reviewProgressOfPractice: loader(progress('practice')),
    reviewProgressOfResource: loader(progress('resource')),
    historyOfPractice: loader((ids: readonly string[]) => historyOf(sql, 'practice', ids)),
    historyOfResource: loader((ids: readonly string[]) => historyOf(sql, 'resource', ids)),
  };
}
