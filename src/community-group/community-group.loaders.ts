import type { LoaderDeps } from '../graph/module';
import { groupsById, groupsByObjective, groupsBySlug } from './community-group.store';

export function createGroupLoaders({ sql, loader }: LoaderDeps) {
  return {
    group: loader((ids: readonly string[]) => groupsById(sql, ids)),
    groupBySlug: loader((slugs: readonly string[]) => groupsBySlug(sql, slugs)),
    groupsOfObjective: loader((numbers: readonly number[]) => groupsByObjective(sql, numbers)),
  };
}
