import type { LoaderDeps } from '../graph/module';
import { principlesByCode, principlesByPractice } from './guiding-principle.store';

export function createPrincipleLoaders({ sql, loader }: LoaderDeps) {
  return {
    principle: loader((codes: readonly string[]) => principlesByCode(sql, codes)),
    principlesOfPractice: loader((ids: readonly string[]) => principlesByPractice(sql, ids)),
  };
}
