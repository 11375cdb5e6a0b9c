import DataLoader from 'dataloader';
import { callsById, callsBySlug } from '../call/call.loaders';
import { groupsById, groupsBySlug, groupsByObjective } from '../community-group/community-group.loaders';
import type { Viewer } from '../context';
import type { Sql } from '../db/sql';
import { viewsBySlug } from '../curated-view/curated-view.loaders';
import { eventsByCall, eventsById, eventsByPractice, eventsBySlug } from '../event/event.loaders';
import { expertsById } from '../expert/expert.loaders';
import { countriesByCode, countriesOf, regionsByCode, regionsOf } from '../geography/geography.loaders';
import { objectivesByNumber, objectivesOf } from '../objective/objective.loaders';
import { organizationsById, organizationsByPractice, organizersByEvent } from '../organization/organization.loaders';
import { practicesByEvent, practicesById, practicesByResource, practicesBySlug } from '../practice/practice.loaders';
import { principlesByPractice } from '../principle/guiding-principle.loaders';
import { resourcesByEvent, resourcesById, resourcesByPractice, resourcesBySlug } from '../resource/resource.loaders';
import { reviewsById, reviewsOf } from '../review/review.loaders';
import { LoaderCache } from './loader-cache';

/**
 * The request's DataLoaders. Made fresh for every request by the context factory, so a
 * cache never outlives the request nor crosses callers with different visibility. Each
 * batch function runs one statement for all its keys.
 */
export function createLoaders(sql: Sql, viewer: Viewer, batching = true) {
  // Without batching (HUBGRAPH_LOADERS=off, the benchmark's naive comparator) every key is its own statement.
  const options = batching ? {} : { batch: false, cache: false };
  const loader = <K, V>(batch: (keys: readonly K[]) => Promise<V[]>) => new DataLoader<K, V>(batch, options);
  return {
    objective: loader((numbers: readonly number[]) => objectivesByNumber(sql, numbers)),
    region: loader((codes: readonly string[]) => regionsByCode(sql, codes)),
    country: loader((codes: readonly string[]) => countriesByCode(sql, codes)),
    practice: loader((ids: readonly string[]) => practicesById(sql, viewer, ids)),
    practiceBySlug: loader((slugs: readonly string[]) => practicesBySlug(sql, viewer, slugs)),
    resource: loader((ids: readonly string[]) => resourcesById(sql, viewer, ids)),
    resourceBySlug: loader((slugs: readonly string[]) => resourcesBySlug(sql, viewer, slugs)),
    review: loader((ids: readonly string[]) => reviewsById(sql, viewer, ids)),
    expert: loader((ids: readonly string[]) => expertsById(sql, ids)),
    organization: loader((ids: readonly string[]) => organizationsById(sql, ids)),
    event: loader((ids: readonly string[]) => eventsById(sql, ids)),
    eventBySlug: loader((slugs: readonly string[]) => eventsBySlug(sql, slugs)),
    group: loader((ids: readonly string[]) => groupsById(sql, ids)),
    groupBySlug: loader((slugs: readonly string[]) => groupsBySlug(sql, slugs)),
    call: loader((ids: readonly string[]) => callsById(sql, ids)),
    callBySlug: loader((slugs: readonly string[]) => callsBySlug(sql, slugs)),
    view: loader((slugs: readonly string[]) => viewsBySlug(sql, slugs)),

    objectivesOfPractice: loader((ids: readonly string[]) => objectivesOf(sql, 'practice', ids)),
    objectivesOfResource: loader((ids: readonly string[]) => objectivesOf(sql, 'resource', ids)),
    objectivesOfEvent: loader((ids: readonly string[]) => objectivesOf(sql, 'event', ids)),
    objectivesOfGroup: loader((ids: readonly string[]) => objectivesOf(sql, 'group', ids)),
    objectivesOfCall: loader((ids: readonly string[]) => objectivesOf(sql, 'call', ids)),
    expertiseOfExpert: loader((ids: readonly string[]) => objectivesOf(sql, 'expert', ids)),
    regionsOfPractice: loader((ids: readonly string[]) => regionsOf(sql, 'practice', ids)),
    regionsOfResource: loader((ids: readonly string[]) => regionsOf(sql, 'resource', ids)),
    countriesOfPractice: loader((ids: readonly string[]) => countriesOf(sql, 'practice', ids)),
    countriesOfResource: loader((ids: readonly string[]) => countriesOf(sql, 'resource', ids)),
    principlesOfPractice: loader((ids: readonly string[]) => principlesByPractice(sql, ids)),
    implementersOfPractice: loader((ids: readonly string[]) => organizationsByPractice(sql, 'IMPLEMENTER', ids)),
    partnersOfPractice: loader((ids: readonly string[]) => organizationsByPractice(sql, 'PARTNER', ids)),
    organizersOfEvent: loader((ids: readonly string[]) => organizersByEvent(sql, ids)),
    reviewsOfPractice: loader((ids: readonly string[]) => reviewsOf(sql, 'practice', ids)),
    reviewsOfResource: loader((ids: readonly string[]) => reviewsOf(sql, 'resource', ids)),
    resourcesOfPractice: loader((ids: readonly string[]) => resourcesByPractice(sql, viewer, ids)),
    resourcesOfEvent: loader((ids: readonly string[]) => resourcesByEvent(sql, viewer, ids)),
    practicesOfResource: loader((ids: readonly string[]) => practicesByResource(sql, viewer, ids)),
    practicesOfEvent: loader((ids: readonly string[]) => practicesByEvent(sql, viewer, ids)),
    eventsOfPractice: loader((ids: readonly string[]) => eventsByPractice(sql, ids)),
    eventsOfCall: loader((ids: readonly string[]) => eventsByCall(sql, ids)),
    groupsOfObjective: loader((numbers: readonly number[]) => groupsByObjective(sql, numbers)),

    /** Nested connections and other argument-dependent batches, one loader per signature. */
    keyed: new LoaderCache(options),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
