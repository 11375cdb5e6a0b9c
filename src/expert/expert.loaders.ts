import type { LoaderDeps } from '../graph/module';
import { expertsById } from './expert.store';

export function createExpertLoaders({ sql, loader }: LoaderDeps) {
  return {
    expert: loader((ids: readonly string[]) => expertsById(sql, ids)),
  };
}
