import type { LoaderDeps } from '../graph/module';
import { assignmentsById, reviewsByAssignment } from './assignment.store';

export function createAssignmentLoaders({ sql, policy, loader }: LoaderDeps) {
  return {
    assignment: loader((ids: readonly string[]) => assignmentsById(sql, policy, ids)),
    reviewOfAssignment: loader((ids: readonly string[]) => reviewsByAssignment(sql, policy, ids)),
  };
}
