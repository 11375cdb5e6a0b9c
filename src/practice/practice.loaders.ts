import type { LoaderDeps } from '../graph/module';
import { practicesByEvent, practicesById, practicesByResource, practicesBySlug } from './practice.store';

export function createPracticeLoaders({ sql, policy, loader }: LoaderDeps) {
  return {
    practice: loader((ids: readonly string[]) => practicesById(sql, policy, ids)),
    practiceBySlug: loader((slugs: readonly string[]) => practicesBySlug(sql, policy, slugs)),
    practicesOfResource: loader((ids: readonly string[]) => practicesByResource(sql, policy, ids)),
    practicesOfEvent: loader((ids: readonly string[]) => practicesByEvent(sql, policy, ids)),
  };
}
