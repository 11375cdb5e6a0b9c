import type { LoaderDeps } from '../graph/module';
import { organizationsById, organizationsByPractice, organizersByEvent } from './organization.store';

export function createOrganizationLoaders({ sql, loader }: LoaderDeps) {
  return {
    organization: loader((ids: readonly string[]) => organizationsById(sql, ids)),
    implementersOfPractice: loader((ids: readonly string[]) => organizationsByPractice(sql, 'IMPLEMENTER', ids)),
    partnersOfPractice: loader((ids: readonly string[]) => organizationsByPractice(sql, 'PARTNER', ids)),
    organizersOfEvent: loader((ids: readonly string[]) => organizersByEvent(sql, ids)),
  };
}
