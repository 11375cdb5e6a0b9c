import type { LoaderDeps } from '../graph/module';
import { objectivesByNumber, objectivesOf } from './objective.store';

/** Objectives by number, and the objectives of every kind of item that has them. */
export function createObjectiveLoaders({ sql, loader }: LoaderDeps) {
  return {
    objective: loader((numbers: readonly number[]) => objectivesByNumber(sql, numbers)),
    objectivesOfPractice: loader((ids: readonly string[]) => objectivesOf(sql, 'practice', ids)),
    objectivesOfResource: loader((ids: readonly string[]) => objectivesOf(sql, 'resource', ids)),
    objectivesOfEvent: loader((ids: readonly string[]) => objectivesOf(sql, 'event', ids)),
    objectivesOfGroup: loader((ids: readonly string[]) => objectivesOf(sql, 'group', ids)),
    objectivesOfCall: loader((ids: readonly string[]) => objectivesOf(sql, 'call', ids)),
    expertiseOfExpert: loader((ids: readonly string[]) => objectivesOf(sql, 'expert', ids)),
  };
}
