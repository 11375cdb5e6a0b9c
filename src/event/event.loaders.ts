import type { LoaderDeps } from '../graph/module';
import { eventsByCall, eventsById, eventsByPractice, eventsBySlug } from './event.store';

export function createEventLoaders({ sql, loader }: LoaderDeps) {
  return {
    event: loader((ids: readonly string[]) => eventsById(sql, ids)),
    eventBySlug: loader((slugs: readonly string[]) => eventsBySlug(sql, slugs)),
    eventsOfPractice: loader((ids: readonly string[]) => eventsByPractice(sql, ids)),
    eventsOfCall: loader((ids: readonly string[]) => eventsByCall(sql, ids)),
  };
}
