import type { LoaderDeps } from '../graph/module';
import { resourcesByEvent, resourcesById, resourcesByPractice, resourcesBySlug } from './resource.store';

export function createResourceLoaders({ sql, policy, loader }: LoaderDeps) {
  return {
    resource: loader((ids: readonly string[]) => resourcesById(sql, policy, ids)),
    resourceBySlug: loader((slugs: readonly string[]) => resourcesBySlug(sql, policy, slugs)),
    resourcesOfPractice: loader((ids: readonly string[]) => resourcesByPractice(sql, policy, ids)),
    resourcesOfEvent: loader((ids: readonly string[]) => resourcesByEvent(sql, policy, ids)),
  };
}
