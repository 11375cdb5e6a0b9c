import type { LoaderDeps } from '../graph/module';
import { principlesByPractice } from './guiding-principle.store';

export function createPrincipleLoaders({ sql, loader }: LoaderDeps) {
  return {
    principlesOfPractice: loader((ids: readonly string[]) => principlesByPractice(sql, ids)),
  };
}
